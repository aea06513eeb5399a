/**
 * Gateway CPU per request on `bench:gateways`' mixed workload, for comparing gateway builds back to
 * back on a shared machine: one stack (simulators, subgraphs) as bench:gateways runs it (access
 * control, response cache and rate limit off), then, round after round, each named gateway entry
 * is started in a process of its own, warmed on the mixed list, and measured: CPU ms per request
 * (its /proc user+system time over the load), peak RSS (VmHWM), RSS after. Medians over rounds.
 *
 * Run: node bench/gateway-cpu.ts [rounds=3] [requests=600] label=path/to/main.ts[@ENV=V,ENV=V] ...
 *   e.g. node bench/gateway-cpu.ts 3 600 ours=gateway/main.ts apollo=bench/peers/apollo-gateway.ts
 *   GATEWAY_CPU_PROF=/tmp/dir adds --cpu-prof to every gateway process (profiles land there).
 *   GATEWAY_CPU_AUTH=1 runs access control on (subgraphs verify the gateway's tokens, requests carry an administrator's token).
 *   GATEWAY_CPU_KEEP=1 starts each gateway once and has them take turns, round after round, in a
 *   fixed order on short loads (each round's builds measured under about the same load; a restart
 *   per round let the shared machine's load drift between the builds compared). The summary gives each build's CPU over the first's
 *   in the same round: the median ratio and in how many rounds it was lower.
 *   GATEWAY_CPU_TAPE=/tmp/file.json keeps the recorded answers: written after recording when the file
 *   is not there, read (and no stack started at all) when it is, so builds compared in later runs
 *   replay the same answers; a build whose subgraph requests differ shows replay misses.
 *   GATEWAY_CPU_MISSLOG=/tmp/file appends every request the replay had no answer for.
 *   GATEWAY_CPU_REPLAY=0 keeps the real stack under load; by default each gateway's subgraph
 *   traffic is recorded once (the mixed list, one request at a time, through a recording proxy
 *   in front of the real subgraphs), the stack is stopped, and the load runs against an
 *   in-process replay of those answers: on a shared, loaded machine the real stack timed out
 *   under load (errors changed what a request cost) and its own CPU was most of the noise.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PRIVATE_KEY_VAR, generateGatewayKeys } from '../lib/access/index.ts';
import { launchSystem, stopChild } from '../lib/launcher/index.ts';
import { REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable } from '../lib/topology/index.ts';
import { queriesOf } from './gateway-queries.ts';
import { cpuMs, freePortRun, rssMb } from './procs.ts';
import { benchToken } from './tokens.ts';

const rounds = Number(process.argv[2] ?? '3');
const requests = Number(process.argv[3] ?? '600');
const specs = process.argv.slice(4).map((arg) => {
  const [label, rest] = arg.split(/=(.*)/s) as [string, string];
  const [entry, envList] = rest.split('@') as [string, string | undefined];
  const env = Object.fromEntries((envList ?? '').split(',').filter((x) => x !== '').map((kv) => kv.split(/=(.*)/s) as [string, string]));
  return { label, entry: isAbsolute(entry) ? entry : resolve(fileURLToPath(REPO_ROOT_URL), entry), env };
});
if (specs.length === 0) throw new Error('name at least one gateway: label=path/to/main.ts');
const CONNECTIONS = 20;
const prof = process.env['GATEWAY_CPU_PROF'];
const auth = process.env['GATEWAY_CPU_AUTH'] === '1';
const replay = process.env['GATEWAY_CPU_REPLAY'] !== '0' && !auth;
const keep = process.env['GATEWAY_CPU_KEEP'] === '1';
const missLog = process.env['GATEWAY_CPU_MISSLOG'];
const tapePath = replay ? process.env['GATEWAY_CPU_TAPE'] : undefined;
const tapeSaved = tapePath !== undefined && existsSync(tapePath);

const AUTH_OFF = { DTI_SUBGRAPH_VERIFY_SIGNATURES: '0', DTI_GATEWAY_AUTH: '0' };
const EXTRAS_OFF = { RESPONSE_CACHE_TTL_MS: '0', DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000' };

const base = await freePortRun(16 + SUBGRAPHS.length + specs.length);
const keys = await generateGatewayKeys();
// A saved tape needs no stack: nothing is recorded.
const system = tapeSaved
  ? undefined
  : await launchSystem({
      ports: { host: '127.0.0.1', gateway: base, subgraphBase: base + 1, simulatorBase: base + 1 + SUBGRAPHS.length, identity: base + 1 + SUBGRAPHS.length + SIMULATORS.length },
      env: { LOG_LEVEL: 'warn', ...(auth ? {} : AUTH_OFF), ...EXTRAS_OFF },
      gatewayKeys: keys,
      readyTimeoutMs: 120_000,
    });
const realEnv: Record<string, string> = system === undefined ? {} : Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), system.subgraphUrl(s.name)]));
let subgraphEnv: Record<string, string> = realEnv;

// ---- record and replay -------------------------------------------------------------------------

/** Recorded answers: subgraph name + request body → status, content type, body. */
const tape = new Map<string, { status: number; type: string; body: string }>();
let misses = 0;
const readBody = async (req: import('node:http').IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
async function serveEach(handler: (name: string, body: string, req: import('node:http').IncomingMessage) => Promise<{ status: number; type: string; body: string }>): Promise<{ env: Record<string, string>; servers: Server[] }> {
  const servers: Server[] = [];
  const env: Record<string, string> = {};
  for (const sg of SUBGRAPHS) {
    const server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        const a = await handler(sg.name, body, req);
        res.writeHead(a.status, { 'content-type': a.type }).end(a.body);
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    env[subgraphUrlVariable(sg.name)] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return { env, servers };
}
const closeAll = (servers: Server[]): Promise<void[]> => Promise.all(servers.map((sv) => new Promise<void>((ok) => { sv.closeAllConnections(); sv.close(() => ok()); })));
const authEnv = auth && system !== undefined ? { OIDC_ISSUER: system.issuerUrl, [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk } : AUTH_OFF;
const headers: Record<string, string> = { 'content-type': 'application/json', ...(auth && system !== undefined ? { authorization: `Bearer ${await benchToken(system)}` } : {}) };

async function start(entry: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${prof}`]), entry], {
    env: { ...process.env, ...subgraphEnv, ...authEnv, ...EXTRAS_OFF, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', process.env['GATEWAY_CPU_STDERR'] === '1' ? 'inherit' : 'ignore'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body: '{"query":"{ __typename }"}' });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${entry} not ready`);
    await sleep(200);
  }
}

const stop = (child: ChildProcess): Promise<void> => stopChild(child, 'SIGINT', 10_000);

const bodies = queriesOf(60).mixed.map((query) => JSON.stringify({ query }));

async function load(url: string, amount: number): Promise<{ completed: number; failed: number }> {
  let next = 0;
  let completed = 0;
  let failed = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: Math.max(amount, CONNECTIONS),
    timeout: 60,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] ?? '' }),
        onResponse: (status, body) => {
          completed++;
          if (status !== 200 || body.includes('"errors":')) failed++;
        },
      },
    ],
  });
  return { completed, failed: failed + result.errors + result.timeouts };
}

const results = new Map<string, Array<{ cpu: number; hwm: number; rss: number; failed: number }>>(specs.map((s) => [s.label, []]));
const out = (s: string): void => void process.stdout.write(`${s}\n`);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
let running: ChildProcess | undefined;
process.once('SIGINT', () => {
  running?.kill('SIGKILL');
  void (system?.stop() ?? Promise.resolve()).then(() => process.exit(130));
});
try {
  if (tapeSaved) {
    for (const [k, a] of Object.entries(JSON.parse(readFileSync(tapePath, 'utf8')) as Record<string, { status: number; type: string; body: string }>)) tape.set(k, a);
  } else if (replay) {
    // Record: every gateway's own subgraph requests for the mixed list, answered by the real stack.
    const recorder = await serveEach(async (name, body, req) => {
      // A request already recorded gets its recorded answer: answers carry the time of the upstream
      // call (source.fetchedAt), which reaches the next fetch's representations, so a fresh answer
      // to a request another query also sends made that query's later requests unreplayable.
      const known = tape.get(`${name} ${body}`);
      if (known !== undefined) return known;
      const res = await fetch(realEnv[subgraphUrlVariable(name as never)] ?? '', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body });
      const a = { status: res.status, type: res.headers.get('content-type') ?? 'application/json', body: await res.text() };
      if (a.status === 200 && !a.body.includes('"errors"')) tape.set(`${name} ${body}`, a);
      return a;
    });
    subgraphEnv = recorder.env;
    const recorded = new Set<string>();
    for (const [i, spec] of specs.entries()) {
      // The same build sends the same subgraph requests whatever its environment here.
      if (recorded.has(spec.entry)) continue;
      recorded.add(spec.entry);
      const port = base + 16 + SUBGRAPHS.length + i;
      const child = await start(spec.entry, port, spec.env);
      running = child;
      try {
        for (const body of [...bodies, ...bodies]) await (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body })).text();
      } finally {
        await stop(child);
      }
    }
    await closeAll(recorder.servers);
    await system?.stop();
    if (tapePath !== undefined) writeFileSync(tapePath, JSON.stringify(Object.fromEntries(tape)));
  }
  if (replay) {
    const player = await serveEach(async (name, body) => {
      const a = tape.get(`${name} ${body}`);
      if (a !== undefined) return a;
      misses++;
      if (missLog !== undefined) appendFileSync(missLog, `${name} ${body}\n`);
      return { status: 502, type: 'text/plain', body: 'not recorded' };
    });
    subgraphEnv = player.env;
    out(`recorded ${tape.size} subgraph answers; the stack is stopped and the load runs against their replay`);
  }
  out(`gateway-cpu: mixed list of ${bodies.length}, ${requests} requests, ${CONNECTIONS} connections, ${rounds} rounds, access control ${auth ? 'on' : 'off'}`);
  const measure = async (r: number, label: string, pid: number, url: string): Promise<void> => {
    const before = cpuMs(pid);
    const { completed, failed } = await load(url, requests);
    const cpu = (cpuMs(pid) - before) / Math.max(1, completed);
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const rss = rssMb(pid);
    results.get(label)?.push({ cpu, hwm, rss, failed });
    out(`  round ${r + 1} ${label.padEnd(14)} CPU ${cpu.toFixed(3)} ms/request, peak RSS ${hwm.toFixed(0)} MB, RSS ${rss.toFixed(0)} MB, errors ${failed}${replay ? `, replay misses so far ${misses}` : ''}`);
  };
  if (keep) {
    // Every gateway started once and warmed; then short loads taking turns (the order flipped every
    // round), so each round's figures were taken under the same load of a shared machine.
    const children: ChildProcess[] = [];
    try {
      for (const [i, spec] of specs.entries()) {
        const port = base + 16 + SUBGRAPHS.length + i;
        children.push(await start(spec.entry, port, spec.env));
        await load(`http://127.0.0.1:${port}/graphql`, bodies.length * 2);
      }
      for (let r = 0; r < rounds; r++) {
        // Always the same order: every build then waits the same time (the others' loads) between
        // its turns. Flipping it every round gave the build that ran twice in a row the lower figure
        // (±30% on a loaded machine: an idle process's heap and caches go cold).
        for (const i of specs.keys()) await measure(r, specs[i]?.label ?? '', children[i]?.pid ?? -1, `http://127.0.0.1:${base + 16 + SUBGRAPHS.length + i}/graphql`);
      }
    } finally {
      for (const child of children) await stop(child);
    }
  }
  for (let r = 0; r < (keep ? 0 : rounds); r++) {
    for (const [i, spec] of specs.entries()) {
      const port = base + 16 + SUBGRAPHS.length + i;
      const child = await start(spec.entry, port, spec.env);
      running = child;
      const pid = child.pid ?? -1;
      const url = `http://127.0.0.1:${port}/graphql`;
      try {
        // Warm-up: every distinct query planned twice over, pools and JIT.
        await load(url, bodies.length * 2);
        await measure(r, spec.label, pid, url);
      } finally {
        await stop(child);
      }
    }
  }
  out('median:');
  const first = results.get(specs[0]?.label ?? '') ?? [];
  for (const [label, xs] of results) {
    const lower = xs.filter((x, r) => x.cpu < (first[r]?.cpu ?? NaN)).length;
    const ratio = median(xs.map((x, r) => x.cpu / (first[r]?.cpu ?? NaN)));
    out(`  ${label.padEnd(14)} CPU ${median(xs.map((x) => x.cpu)).toFixed(3)} ms/request, peak RSS ${median(xs.map((x) => x.hwm)).toFixed(0)} MB, RSS after ${median(xs.map((x) => x.rss)).toFixed(0)} MB${xs === first ? '' : `; CPU / ${specs[0]?.label ?? ''} in the same round: median ${ratio.toFixed(3)}, lower in ${lower} of ${xs.length}`}`);
  }
} finally {
  await system?.stop();
  process.exit(0);
}
