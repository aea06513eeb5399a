/**
 * Where the embedded default's start-up CPU goes, service by service: in one process, as the
 * embedded host does, imports each service's entry module and starts it, one after the other (the
 * host overlaps a wave's services; here each step is measured alone), and prints the CPU time and
 * wall time of each import and each start, the RSS and heap after it, and the totals. Later steps
 * reuse modules earlier ones loaded (graphql, zod, lib/), as in the host. CPU time is the figure
 * to compare on a shared machine.
 * Run: npm run bench:startup-steps   (with --max-semi-space-size=16, as every launched child)
 */
import { enableCompileCache } from 'node:module';
import { getHeapSpaceStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../lib/access/index.ts';
import { COMPILE_CACHE_DIR } from '../lib/launcher/index.ts';
import type { HostedService, ServiceModule } from '../lib/launcher/service.ts';
import { GATEWAY, IDENTITY_PROVIDER, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable } from '../lib/topology/index.ts';
import { freeSystemPorts } from './procs.ts';

enableCompileCache(process.env['NODE_COMPILE_CACHE'] ?? COMPILE_CACHE_DIR);
const ports = await freeSystemPorts();
const host = ports.host;
const keys = await generateGatewayKeys();
process.env[GATEWAY_PUBLIC_KEY_VAR] = keys.publicJwk;
const identityPort = ports.identity ?? IDENTITY_PROVIDER.defaultPort;
const simUrl = (i: number): string => `http://${host}:${ports.simulatorBase + i}`;
const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s, i) => [subgraphUrlVariable(s.name), `http://${host}:${ports.subgraphBase + i}`]));
const steps: Array<{ name: string; entry: string; env: Record<string, string> }> = [
  { name: 'identity', entry: IDENTITY_PROVIDER.entry, env: { PORT: String(identityPort), HOST: host, GATEWAY_ORIGIN: `http://${host}:${ports.gateway}` } },
  ...SIMULATORS.map((s, i) => ({ name: `simulator-${s.system}`, entry: s.entry, env: { PORT: String(ports.simulatorBase + i), HOST: host } })),
  ...SUBGRAPHS.map((s, i) => {
    const upstream = SIMULATORS.findIndex((x) => x.system === s.upstream);
    return { name: `subgraph-${s.name}`, entry: s.entry, env: { PORT: String(ports.subgraphBase + i), HOST: host, ...(upstream < 0 ? {} : { UPSTREAM_URL: simUrl(upstream) }) } };
  }),
  {
    name: 'gateway',
    entry: GATEWAY.entry,
    env: { PORT: String(ports.gateway), HOST: host, OIDC_ISSUER: `http://${host}:${identityPort}`, [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk, ...subgraphEnv },
  },
];

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
};
const mb = (bytes: number): string => String(Math.round(bytes / 1048576)).padStart(4);
const started: HostedService[] = [];
const total = process.cpuUsage();
const t0 = performance.now();
const out: string[] = [`${'service'.padEnd(22)} ${'import CPU'.padStart(10)} ${'wall'.padStart(6)} ${'start CPU'.padStart(10)} ${'wall'.padStart(6)} ${'RSS MB'.padStart(7)} ${'heap MB'.padStart(8)}`];
try {
  for (const step of steps) {
    let c = process.cpuUsage();
    let t = performance.now();
    const module = (await import(fileURLToPath(new URL(step.entry, REPO_ROOT_URL)))) as ServiceModule;
    const importCpu = cpuMs(c);
    const importWall = Math.round(performance.now() - t);
    c = process.cpuUsage();
    t = performance.now();
    started.push(await module.startService({ ...process.env, ...step.env }));
    const m = process.memoryUsage();
    out.push(`${step.name.padEnd(22)} ${String(importCpu).padStart(10)} ${String(importWall).padStart(6)} ${String(cpuMs(c)).padStart(10)} ${String(Math.round(performance.now() - t)).padStart(6)} ${mb(m.rss).padStart(7)} ${mb(m.heapUsed).padStart(8)}`);
  }
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  out.push(`all steps: ${cpuMs(total)} ms CPU, ${Math.round(performance.now() - t0)} ms; before them (Node, this script's imports, keys): ${Math.round(t0)} ms; new space ${mb(young?.space_size ?? 0).trim()} MB`);
} finally {
  await Promise.allSettled(started.toReversed().map((s) => s.close()));
}
process.stdout.write(`${out.join('\n')}\n`);
process.exit(0);
