/**
 * `npm start`: the embedded default. Starts simulators, subgraphs and gateway as separate HTTP
 * servers on loopback, prints one line per service, and stops them all on Ctrl-C or SIGTERM.
 */
import { z } from 'zod';
import { parseEnv, portSchema } from '../lib/config/index.ts';
import { DEFAULT_PORTS, launchSystem } from '../lib/launcher/index.ts';

const env = parseEnv(
  z.object({
    DTI_HOST: z.string().min(1).default(DEFAULT_PORTS.host),
    DTI_GATEWAY_PORT: portSchema.default(DEFAULT_PORTS.gateway),
    DTI_SUBGRAPH_PORT_BASE: portSchema.default(DEFAULT_PORTS.subgraphBase),
    DTI_SIMULATOR_PORT_BASE: portSchema.default(DEFAULT_PORTS.simulatorBase),
    DTI_IDENTITY_PORT: portSchema.default(DEFAULT_PORTS.identity ?? 4010),
    DTI_VERBOSE: z.enum(['0', '1']).default('0'),
    DTI_READY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  }),
  process.env,
);

const started = performance.now();
const system = await launchSystem({
  ports: { host: env.DTI_HOST, gateway: env.DTI_GATEWAY_PORT, subgraphBase: env.DTI_SUBGRAPH_PORT_BASE, simulatorBase: env.DTI_SIMULATOR_PORT_BASE, identity: env.DTI_IDENTITY_PORT },
  stderr: env.DTI_VERBOSE === '1' ? 'inherit' : 'ignore',
  readyTimeoutMs: env.DTI_READY_TIMEOUT_MS,
  onReady: (s) => process.stdout.write(`${s.name.padEnd(20)} ${s.url}\n`),
}).catch((e: unknown) => {
  process.stderr.write(`dti-graph failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
process.stdout.write(`\ndti-graph ready in ${Math.round(performance.now() - started)} ms — GraphQL endpoint: ${system.gatewayUrl}\nCtrl-C stops every service.\n`);

let stopping = false;
const shutdown = (code: number): void => {
  if (stopping) return;
  stopping = true;
  void system.stop().then(() => process.exit(code));
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
void system.exited.then(({ name, code }) => {
  process.stderr.write(`${name} exited unexpectedly (code ${code}); stopping everything\n`);
  shutdown(1);
});
