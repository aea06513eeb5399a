/**
 * Our gateway against `@apollo/gateway` 2.x and the Hive runtime's JavaScript planner, over the
 * same committed supergraph and the same running subgraphs and simulators, in one run:
 *   1. byte-identical answers for every query (a peer that differs is reported, its figures marked invalid);
 *   2. load (autocannon in this process, loopback, 20 connections): RPS, p50, p99, errors and CPU
 *      per request of every process, for a small query, one-province DTI, 34-province DTI and a
 *      mixed workload of distinct queries (seeded), with upstream deduplication on and off;
 *   3. sequential latency with every simulator at +50 ms, against the floor;
 *   4. resident memory of every process before and after (and each gateway's peak).
 * The last line is always `mixed workload: ours/apollo RPS = X.XX, CPU per request ours/apollo = Y.YY`.
 * Run: npm run bench:gateways -- [scale=1]   (scale multiplies the request counts)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { launchSystem, stopChild } from '../lib/launcher/index.ts';
import { GATEWAY, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable } from '../lib/topology/index.ts';
import { queriesOf } from './gateway-queries.ts';
import { cpuMs, freePortRun, rssMb } from './procs.ts';
import { upstreamWaves } from './upstream-waves.ts';

const scale = Number(process.argv[2] ?? '1');
const CONNECTIONS = 20;
const SEQUENTIAL_RUNS = 5;
const MIXED_QUERIES = 60;
const LATENCY_MS = 50;

/**
 * The subgraphs run with gateway→subgraph request-signature verification off, so that peers that
 * cannot sign requests the way our gateway does still reach them; and our gateway runs without
 * authentication/authorization, so every gateway does the same work (bench:auth measures what
 * access control costs). Both are benchmark-only switches, refused in production.
 */
const SUBGRAPH_VERIFICATION_ENV = 'DTI_SUBGRAPH_VERIFY_SIGNATURES';
const GATEWAY_AUTH_ENV = 'DTI_GATEWAY_AUTH';
const AUTH_OFF = { [SUBGRAPH_VERIFICATION_ENV]: '0', [GATEWAY_AUTH_ENV]: '0' };
/**
 * Our gateway's own extras off, so that every gateway does the same work: the response cache
 * (a repeated query would be answered from it, which the peers cannot do) and the rate limit
 * (every request comes from one address, anonymous with access control off, and would be refused
 * with 429 after the burst).
 */
const EXTRAS_OFF = { RESPONSE_CACHE_TTL_MS: '0', DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000' };

// ---- the stack, once -------------------------------------------------------------------------

const base = await freePortRun(16 + SUBGRAPHS.length);
const system = await launchSystem({
  ports: { host: '127.0.0.1', gateway: base, subgraphBase: base + 1, simulatorBase: base + 1 + SUBGRAPHS.length, identity: base + 1 + SUBGRAPHS.length + SIMULATORS.length },
  // Deduplication on for the 'ours on' row (allowed only with access control off, as here).
  env: { LOG_LEVEL: 'warn', ...AUTH_OFF, ...EXTRAS_OFF, GATEWAY_UPSTREAM_DEDUPLICATION: '1' },
  readyTimeoutMs: 120_000,
});
const subgraphEnv = Object.fromEntries(
  SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), system.services.find((x) => x.name === `subgraph-${s.name}`)?.url ?? '']),
);
const backends = system.services.filter((s) => s.kind !== 'gateway');

interface Gateway {
  readonly name: string;
  readonly dedup: 'on' | 'off' | 'n/a';
  readonly url: string;
  readonly pid: number;
  valid: boolean;
  note: string;
}

const peers: ChildProcess[] = [];
async function startPeer(name: string, entry: string, port: number, env: Record<string, string>): Promise<number> {
  // Our gateway with the Node options it is deployed with (as the launcher starts it); the peers with Node's defaults.
  const nodeArgs = entry === GATEWAY.entry ? GATEWAY.nodeArgs : [];
  const child = spawn(process.execPath, [...nodeArgs, fileURLToPath(new URL(entry, REPO_ROOT_URL))], {
    env: { ...process.env, ...subgraphEnv, ...AUTH_OFF, ...EXTRAS_OFF, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  peers.push(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (res.ok) return child.pid ?? -1;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} not ready`);
    await sleep(200);
  }
}

async function stopAll(): Promise<void> {
  await Promise.all(
    peers.map(async (child) => stopChild(child)),
  );
  await system.stop();
}

async function post(url: string, query: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.text()).trimEnd();
}

// ---- measurement helpers ---------------------------------------------------------------------

type Procs = ReadonlyArray<{ readonly name: string; readonly pid: number }>;
const cpuOf = (procs: Procs): number[] => procs.map((p) => cpuMs(p.pid));

interface LoadRow {
  readonly scenario: string;
  readonly gateway: Gateway;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly gwCpu: number;
  readonly subgraphCpu: number;
  readonly simCpu: number;
}

async function load(scenario: string, gw: Gateway, bodies: readonly string[], amount: number): Promise<LoadRow> {
  let next = 0;
  let completed = 0;
  let failed = 0;
  const procs: Procs = [{ name: 'gateway', pid: gw.pid }, ...backends];
  const before = cpuOf(procs);
  const started = performance.now();
  const result = await autocannon({
    url: gw.url,
    connections: CONNECTIONS,
    // autocannon refuses fewer requests than connections (small scales).
    amount: Math.max(amount, CONNECTIONS),
    timeout: 60,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] ?? '' }),
        onResponse: (status, body) => {
          completed++;
          if (status !== 200 || body.includes('"errors":')) failed++;
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const after = cpuOf(procs);
  const delta = procs.map((p, i) => ({ name: p.name, ms: (after[i] ?? 0) - (before[i] ?? 0) }));
  const per = (pred: (name: string) => boolean): number => delta.filter((d) => pred(d.name)).reduce((a, d) => a + d.ms, 0) / Math.max(1, completed);
  return {
    scenario,
    gateway: gw,
    rps: completed / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: failed + result.errors + result.timeouts,
    gwCpu: per((n) => n === 'gateway'),
    subgraphCpu: per((n) => n.startsWith('subgraph-')),
    simCpu: per((n) => n.startsWith('simulator-')),
  };
}

async function setLatency(ms: number): Promise<void> {
  await Promise.all(
    SIMULATORS.map((s) =>
      fetch(`${system.simulatorUrl(s.system)}/_sim/faults`, { method: ms === 0 ? 'DELETE' : 'POST', headers: { 'content-type': 'application/json' }, ...(ms === 0 ? {} : { body: JSON.stringify({ latencyMs: ms }) }) }),
    ),
  );
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const label = (g: Gateway): string => `${g.name}${g.dedup === 'n/a' ? '' : ` dedup ${g.dedup}`}`;
const out = (s: string): void => void process.stdout.write(`${s}\n`);
const fix = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '—');

// ---- the run ---------------------------------------------------------------------------------

async function run(): Promise<void> {
  const q = queriesOf(MIXED_QUERIES);
  const all = [...system.services.map((s) => ({ name: s.name === 'gateway' ? 'gateway ours dedup on' : s.name, pid: s.pid })), ...gateways.slice(1).map((g) => ({ name: `gateway ${label(g)}`, pid: g.pid }))];
  const rssBefore = all.map((p) => rssMb(p.pid));
  out(`bench:gateways — ${CONNECTIONS} connections, loopback, autocannon in-process; one stack (4 simulators, 5 subgraphs) for every gateway`);
  out(`access control off for every gateway alike (and our response cache and rate limit): subgraphs verify no request signature (${SUBGRAPH_VERIFICATION_ENV}=0), our gateway verifies no token (${GATEWAY_AUTH_ENV}=0); its cost is bench:auth's figure`);
  out(`machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} at start`);

  // 1. Byte-identical answers, against ours (dedup on) as the reference.
  const named: Array<[string, string]> = [['small', q.small], ['one province', q.one], ['34 provinces', q.all], ...q.mixed.map((m, i): [string, string] => [`mixed #${i}`, m])];
  const reference = new Map<string, string>();
  // On a loaded machine an upstream can time out: an answer with errors is asked again (three
  // tries) before it is taken as the reference, and a peer's differing answer is asked again too.
  const settled = async (url: string, query: string, want?: string): Promise<string> => {
    let body = '';
    for (let i = 0; i < 3; i++) {
      body = await post(url, query);
      if (want === undefined ? !body.includes('"errors":') : body === want) break;
    }
    return body;
  };
  for (const [name, query] of named) reference.set(name, await settled(gateways[0]?.url ?? '', query));
  const refErrors = [...reference].filter(([, body]) => body.includes('"errors":')).map(([n]) => n);
  if (refErrors.length > 0) out(`note: our gateway answers with errors on ${refErrors.join(', ')}`);
  for (const gw of gateways.slice(1)) {
    const differs: string[] = [];
    let example = '';
    for (const [name, query] of named) {
      const body = await settled(gw.url, query, reference.get(name));
      if (body !== reference.get(name)) {
        differs.push(name);
        if (example === '') {
          const ref = reference.get(name) ?? '';
          let at = 0;
          while (at < ref.length && ref[at] === body[at]) at++;
          const from = Math.max(0, at - 60);
          example = `${name} at byte ${at}: ours …${ref.slice(from, at + 100)}… / ${label(gw)} …${body.slice(from, at + 100)}…`;
        }
      }
    }
    if (differs.length > 0) {
      gw.valid = false;
      gw.note = `differs on ${differs.length}/${named.length} queries (${differs.slice(0, 5).join(', ')}${differs.length > 5 ? ', …' : ''})`;
      out(`INVALID ${label(gw)}: ${gw.note}\n  first difference — ${example}`);
    } else out(`${label(gw)}: byte-identical answers on all ${named.length} queries`);
  }

  // 2. Load.
  const body = (query: string): string => JSON.stringify({ query });
  const scenarios: Array<[string, string[], number]> = [
    ['small query', [body(q.small)], Math.round(1000 * scale)],
    ['one-province DTI', [body(q.one)], Math.round(200 * scale)],
    ['34-province DTI', [body(q.all)], Math.round(40 * scale)],
    [`mixed (${MIXED_QUERIES} distinct)`, q.mixed.map(body), Math.round(400 * scale)],
  ];
  const rows: LoadRow[] = [];
  for (const [scenario, bodies, amount] of scenarios) {
    for (const gw of gateways) {
      // Warm-up: plans, connection pools, JIT.
      await load(scenario, gw, bodies, Math.min(amount, 40));
      rows.push(await load(scenario, gw, bodies, amount));
    }
  }
  out('');
  out(`${'scenario'.padEnd(22)}${'gateway'.padEnd(18)}${'valid'.padEnd(7)}${'RPS'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}   CPU ms/request: ${'gateway'.padStart(8)}${'subgraphs'.padStart(10)}${'simulators'.padStart(11)}`);
  for (const r of rows) {
    out(
      `${r.scenario.padEnd(22)}${label(r.gateway).padEnd(18)}${(r.gateway.valid ? 'yes' : 'NO').padEnd(7)}${fix(r.rps).padStart(8)}${fix(r.p50, 0).padStart(9)}${fix(r.p99, 0).padStart(9)}${String(r.errors).padStart(8)}                   ${fix(r.gwCpu, 2).padStart(8)}${fix(r.subgraphCpu, 2).padStart(10)}${fix(r.simCpu, 2).padStart(11)}`,
    );
  }

  // 3. Sequential latency at +50 ms per system, against the floor: the upstream latencies in sequence
  // on the one-province query's plan (bench/upstream-waves.ts), as npm run bench counts them. Each
  // gateway as shipped: ours and Hive's JavaScript planner with deduplication off (ours refuses it
  // with access control on).
  await setLatency(LATENCY_MS);
  const { waves } = upstreamWaves(q.one);
  const floor = waves * LATENCY_MS;
  out('');
  out(`sequential, every simulator at +${LATENCY_MS} ms, median of ${SEQUENTIAL_RUNS}; floor ${floor} ms (${waves} upstream latenc${waves === 1 ? 'y' : 'ies'} on the one-province plan)`);
  for (const gw of gateways.filter((g) => g.dedup !== 'on')) {
    const times = async (query: string): Promise<number> => {
      await post(gw.url, query);
      const xs: number[] = [];
      for (let i = 0; i < SEQUENTIAL_RUNS; i++) {
        const t = performance.now();
        await post(gw.url, query);
        xs.push(performance.now() - t);
      }
      return median(xs);
    };
    const one = await times(q.one);
    const many = await times(q.all);
    out(
      `  ${label(gw).padEnd(16)}${gw.valid ? '' : ' (invalid)'} one province ${fix(one, 0)} ms (${fix(one / floor, 2)}x floor), 34 provinces ${fix(many, 0)} ms (${fix(many / floor, 2)}x floor, ${fix(many / one, 2)}x one province)`,
    );
  }
  await setLatency(0);

  // 4. Memory.
  out('');
  out(`resident memory, MB: before load → after; peak (VmHWM)`);
  all.forEach((p, i) => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
    out(`  ${p.name.padEnd(26)} ${fix(rssBefore[i] ?? NaN, 0).padStart(5)} → ${fix(rssMb(p.pid), 0).padStart(5)}; peak ${fix(Number(hwm?.[1] ?? NaN) / 1024, 0)}`);
  });
  out(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  // Ours as shipped: deduplication off (the default since stop 16; on is refused with access control).
  const mixedOf = (name: string): LoadRow | undefined => rows.find((r) => r.scenario.startsWith('mixed') && r.gateway.name === name && r.gateway.dedup !== 'on');
  const ours = mixedOf('ours');
  const apollo = mixedOf('apollo');
  out('');
  out('(ours as shipped: upstream deduplication off)');
  out(`mixed workload: ours/apollo RPS = ${fix((ours?.rps ?? NaN) / (apollo?.rps ?? NaN), 2)}, CPU per request ours/apollo = ${fix((ours?.gwCpu ?? NaN) / (apollo?.gwCpu ?? NaN), 2)}`);
}

// ---- main ------------------------------------------------------------------------------------

// Stopped from outside (Ctrl-C, a timeout): stop every process this run started first.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));

const ourPid = system.services.find((s) => s.kind === 'gateway')?.pid ?? -1;
const gateways: Gateway[] = [{ name: 'ours', dedup: 'on', url: system.gatewayUrl, pid: ourPid, valid: true, note: '' }];
try {
  const specs: Array<[string, Gateway['dedup'], string, Record<string, string>]> = [
    ['ours', 'off', 'gateway/main.ts', { GATEWAY_UPSTREAM_DEDUPLICATION: '0' }],
    ['apollo', 'n/a', 'bench/peers/apollo-gateway.ts', {}],
    ['hive-js', 'on', 'bench/peers/hive-js-gateway.ts', { GATEWAY_UPSTREAM_DEDUPLICATION: '1' }],
    ['hive-js', 'off', 'bench/peers/hive-js-gateway.ts', { GATEWAY_UPSTREAM_DEDUPLICATION: '0' }],
  ];
  let port = base + 12;
  for (const [name, dedup, entry, env] of specs) {
    const p = port++;
    const pid = await startPeer(`${name} (dedup ${dedup})`, entry, p, env);
    gateways.push({ name, dedup, url: `http://127.0.0.1:${p}/graphql`, pid, valid: true, note: '' });
  }
  await run();
} finally {
  await stopAll();
}
