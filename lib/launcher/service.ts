/**
 * One service of the system, startable from a function: every entry module (each `main.ts`) exports
 * `startService(env)` and, only when it is the process's entry, runs it as a process. The same
 * function is what a separate process (production, containers) and the embedded host
 * (lib/launcher/host.ts, several services in one process) call: one code path for both.
 */
import { z } from 'zod';
import { startIdleGc } from './idle-gc.ts';

/** The environment a service reads its configuration from (never `process.env` directly). */
export type ServiceEnv = Readonly<Record<string, string | undefined>>;

/** A started service: listening on its port until closed. */
export interface HostedService {
  close(): Promise<void>;
}

/** Starts a service from its environment; resolves once it listens. */
export type StartService = (env: ServiceEnv) => Promise<HostedService>;

/** What an entry module exports. */
export interface ServiceModule {
  readonly startService: StartService;
}

/**
 * Runs one service as this whole process: process metrics and tracing labelled with its name,
 * configuration from `process.env`, a clean close on SIGINT/SIGTERM.
 */
export async function runServiceProcess(name: string, start: StartService): Promise<void> {
  // Imported here, not at the top: the supervisor imports this module for HOSTED_SERVICES_VAR and
  // must not carry metrics and OpenTelemetry in its own memory.
  const [{ startProcessMetrics }, { setupTracing }] = await Promise.all([import('../telemetry/metrics.ts'), import('../telemetry/tracing.ts')]);
  startProcessMetrics(name);
  // Before the service is built: the gateway adds its OpenTelemetry plugin only when tracing is on.
  const tracing = await setupTracing(name, process.env);
  const service = await start(process.env);
  // Memory comes back after a burst (lib/launcher/idle-gc.ts); DTI_IDLE_GC=0 turns it off.
  if (process.env['DTI_IDLE_GC'] !== '0') startIdleGc();
  const stop = (): void => {
    void service
      .close()
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Environment variable carrying what a host runs. */
export const HOSTED_SERVICES_VAR = 'DTI_HOSTED_SERVICES';

export const hostedSchema = z.array(
  z.object({
    name: z.string().min(1),
    /** Entry module relative to the repository root, exporting `startService`. */
    entry: z.string().regex(/^[a-z0-9/_-]+\.ts$/),
    /** This service's own environment, laid over the shared one. */
    env: z.record(z.string(), z.string()),
    wave: z.number().int().min(0),
  }),
);
export type HostedSpec = z.input<typeof hostedSchema>[number];
