/**
 * The embedded host: several services of the system in one Node process, each on its own port,
 * talking real HTTP to each other over loopback exactly as separate processes do. Modules are
 * loaded and compiled once instead of once per process, which is most of a Node service's start-up
 * time and resident memory. Each service is started by the same `startService(env)` its own
 * process runs (lib/launcher/service.ts), with its own environment object; `process.env` holds only
 * what every hosted service shares.
 *
 * The supervisor (lib/launcher/index.ts) spawns this module with DTI_HOSTED_SERVICES (JSON, below)
 * and restarts the whole host with backoff when it dies. A crash attributed to one service restarts
 * only that service, in place (lib/launcher/contain.ts). Started in waves: a wave's services start
 * together, once the previous wave listens.
 */
import { fileURLToPath } from 'node:url';
import { startProcessMetrics } from '../telemetry/metrics.ts';
import { setupTracing } from '../telemetry/tracing.ts';
import { REPO_ROOT_URL } from '../topology/index.ts';
import { containCrashes } from './contain.ts';
import { startIdleGc } from './idle-gc.ts';
import { HOSTED_SERVICES_VAR, hostedSchema, type ServiceModule } from './service.ts';


const specs = hostedSchema.parse(JSON.parse(process.env[HOSTED_SERVICES_VAR] ?? '[]'));
// Not inherited by anything the services spawn.
delete process.env[HOSTED_SERVICES_VAR];

startProcessMetrics('embedded');
const tracing = await setupTracing('embedded', process.env);
// The supervisor hears of a service restarted in place over the IPC channel (absent when run by
// hand); a closed channel is not an error here (the watchdog handles a gone supervisor).
const contained = containCrashes({ onEvent: (e) => process.send?.(e, undefined, undefined, () => undefined) });
let stopping = false;

const stop = (code: number): void => {
  if (stopping) return;
  stopping = true;
  void contained
    .close()
    .then(() => tracing.shutdown())
    .finally(() => process.exit(code));
};
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

if (process.env['DTI_IDLE_GC'] !== '0') startIdleGc();

const waves = [...new Set(specs.map((s) => s.wave))].toSorted((a, b) => a - b);
try {
  for (const wave of waves) {
    await Promise.all(
      specs
        .filter((s) => s.wave === wave)
        .map(async (spec) => {
          const module = (await import(fileURLToPath(new URL(spec.entry, REPO_ROOT_URL)))) as Partial<ServiceModule>;
          if (typeof module.startService !== 'function') throw new Error(`${spec.entry} exports no startService`);
          const { startService } = module;
          await contained.start(spec.name, () => startService({ ...process.env, ...spec.env }));
        }),
    );
  }
} catch (e: unknown) {
  process.stderr.write(`embedded host: a service failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  stop(1);
}
