/**
 * `npm start`: the embedded default. Starts simulators, identity provider, subgraphs and gateway
 * as HTTP servers on loopback, each on its own port and talking HTTP to the others — by default
 * all hosted in one supervised process (`DTI_LAYOUT=single`: modules loaded once, the fastest
 * start and the least memory), or one process per service as in production
 * (`DTI_LAYOUT=processes`: a crash takes down only that service). Prints one line per service,
 * restarts a crashed process with backoff, and stops everything on Ctrl-C or SIGTERM — or when
 * whoever started it (npm, a shell) dies.
 */
import { enableCompileCache } from 'node:module';
import { z } from 'zod';
import { parseEnv, portSchema } from '../lib/config/index.ts';
import { memoryReleased, startIdleGc } from '../lib/launcher/idle-gc.ts';
import { COMPILE_CACHE_DIR, DEFAULT_PORTS, launchSystem, LAYOUTS } from '../lib/launcher/index.ts';

enableCompileCache(process.env['NODE_COMPILE_CACHE'] ?? COMPILE_CACHE_DIR);

const env = parseEnv(
  z.object({
    DTI_HOST: z.string().min(1).default(DEFAULT_PORTS.host),
    DTI_GATEWAY_PORT: portSchema.default(DEFAULT_PORTS.gateway),
    DTI_SUBGRAPH_PORT_BASE: portSchema.default(DEFAULT_PORTS.subgraphBase),
    DTI_SIMULATOR_PORT_BASE: portSchema.default(DEFAULT_PORTS.simulatorBase),
    DTI_IDENTITY_PORT: portSchema.default(DEFAULT_PORTS.identity ?? 4010),
    DTI_VERBOSE: z.enum(['0', '1']).default('0'),
    DTI_READY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    DTI_LAYOUT: z.enum(LAYOUTS).default('single'),
  }),
  process.env,
);

let stopping = false;
let stopSystem: () => Promise<void> = () => Promise.resolve();
const shutdown = (code: number): void => {
  if (stopping) return;
  stopping = true;
  void stopSystem().then(() => process.exit(code));
};
// Installed before launching, so a signal during start-up stops what has started.
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGHUP', () => shutdown(0));
// `npm start` runs us through `sh -c`, and npm does not always pass a SIGTERM on: when our parent
// goes away we are re-parented, and take that as the signal to stop.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown(0);
}, 500).unref();

const started = performance.now();
const system = await launchSystem({
  ports: { host: env.DTI_HOST, gateway: env.DTI_GATEWAY_PORT, subgraphBase: env.DTI_SUBGRAPH_PORT_BASE, simulatorBase: env.DTI_SIMULATOR_PORT_BASE, identity: env.DTI_IDENTITY_PORT },
  stderr: env.DTI_VERBOSE === '1' ? 'inherit' : 'ignore',
  readyTimeoutMs: env.DTI_READY_TIMEOUT_MS,
  layout: env.DTI_LAYOUT,
  onReady: (s) => process.stdout.write(`${s.name.padEnd(20)} ${s.url}  (pid ${s.pid})\n`),
  onEvent: (e) => {
    if (e.type === 'exited') process.stderr.write(`${e.name} exited (code ${e.code ?? e.signal}); restarting in ${e.restartInMs} ms, the others keep serving\n`);
    else if (e.type === 'restarted') process.stderr.write(`${e.name} restarted (pid ${e.pid})\n`);
    else if (e.type === 'service-crashed') process.stderr.write(`${e.name} crashed; restarting it in ${e.restartInMs} ms inside ${e.process}, the others keep serving\n`);
    else if (e.type === 'service-restarted') process.stderr.write(`${e.name} restarted inside ${e.process}\n`);
    else process.stderr.write(`${e.name} did not come back: ${e.reason}\n`);
  },
}).catch((e: unknown) => {
  process.stderr.write(`dti-graph failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
stopSystem = () => system.stop();
// This process only watches from here on, yet start-up (hundreds of readiness probes, 20 ms apart)
// grew its young generation to tens of MB, which idle never gives back: one full collection once
// it is quiet (and again after a restart's probes), as every service process has (lib/launcher/idle-gc.ts).
startIdleGc();
memoryReleased();
if (stopping) shutdown(0);
process.stdout.write(`\ndti-graph ready in ${Math.round(performance.now() - started)} ms — GraphQL endpoint: ${system.gatewayUrl}\nCtrl-C stops every service.\n`);
