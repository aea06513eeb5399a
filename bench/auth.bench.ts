/**
 * `npm run bench:auth`: what authentication + authorization cost (issue #12's figure), in one run.
 * Two copies of the system side by side over the same code:
 *   with:    the gateway verifies the caller's JWT, enforces @authenticated/@requiresScopes/@policy
 *            and signs a token per subgraph request; each subgraph verifies it and re-checks the unit;
 *   without: DTI_GATEWAY_AUTH=0 and DTI_SUBGRAPH_VERIFY_SIGNATURES=0 (benchmark-only switches,
 *            refused in production): no JWT, no authorization, unsigned subgraph requests.
 * The same queries alternate between them (a viewer of 56 with a token; nobody without), response
 * cache bypassed; prints median latency and CPU per request of every process, and the ratios.
 * With a latency, every simulator of both copies answers that much later (the +50 ms of `npm run
 * bench`), so the gap is read on the one-province critical path, not only on CPU.
 * Run: npm run bench:auth -- [runs=15] [latencyMs=0]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSystem, type RunningSystem } from '../lib/launcher/index.ts';
import { cpuDelta, cpuSnapshot, freeSystemPorts } from './procs.ts';
import { dtiYearFields } from './gateway-queries.ts';
import { benchToken } from './tokens.ts';

const RUNS = Number(process.argv[2] ?? 15);
const LATENCY_MS = Number(process.argv[3] ?? 0);
const SIMULATORS = ['plans', 'documents', 'services', 'labour'] as const;
const QUERIES = [
  ['small query', `query Small { unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate } } } }`],
  // The one-province query of `npm run bench` and bench/ab.ts.
  ['one-province DTI', `query Dti56 { unit(code: "56") { code ${dtiYearFields(2025)} } }`],
] as const;

const NO_RATE_LIMIT = { DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000' };
async function start(env: Record<string, string>): Promise<RunningSystem> {
  // Each copy its own submissions store and audit file (one store folder is one process's).
  const dir = mkdtempSync(join(tmpdir(), 'dti-bench-auth-'));
  return launchSystem({
    ports: await freeSystemPorts(),
    env: { LOG_LEVEL: 'error', DTI_AUDIT_LOG_PATH: join(dir, 'audit.jsonl'), SUBMISSIONS_DATA_DIR: join(dir, 'submissions'), ...NO_RATE_LIMIT, ...env },
    readyTimeoutMs: 300_000,
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function timed(system: RunningSystem, query: string, token: string | null): Promise<number> {
  const t = performance.now();
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(`errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return performance.now() - t;
}

process.stdout.write('starting two systems: with authentication + authorization, and without (DTI_GATEWAY_AUTH=0, DTI_SUBGRAPH_VERIFY_SIGNATURES=0)…\n');
const [withAuth, without] = await Promise.all([start({}), start({ DTI_GATEWAY_AUTH: '0', DTI_SUBGRAPH_VERIFY_SIGNATURES: '0' })]);
try {
  if (LATENCY_MS > 0) {
    for (const system of [withAuth, without]) {
      for (const s of SIMULATORS) {
        await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: LATENCY_MS }) });
      }
    }
  }
  // A viewer of 56: the unit-scoped path (token, roles, the unit's policy at the gateway and in each subgraph).
  const viewer = await benchToken(withAuth, { sub: 'bench-viewer-56', roles: ['VIEWER'], units: ['56'], ttlS: 3600 });
  const rows: string[] = [];
  for (const [name, query] of QUERIES) {
    await timed(withAuth, query, viewer);
    await timed(without, query, null);
    const a: number[] = [];
    const b: number[] = [];
    const cpuA = new Map<string, number>();
    const cpuB = new Map<string, number>();
    const add = (into: Map<string, number>, d: Map<string, number>): void => {
      for (const [k, v] of d) into.set(k, (into.get(k) ?? 0) + v);
    };
    for (let i = 0; i < RUNS; i++) {
      // Alternate (and swap the order) so machine load falls on both alike.
      const one = async (): Promise<void> => {
        const before = cpuSnapshot(withAuth.services);
        a.push(await timed(withAuth, query, viewer));
        add(cpuA, cpuDelta(before, cpuSnapshot(withAuth.services)));
      };
      const two = async (): Promise<void> => {
        const before = cpuSnapshot(without.services);
        b.push(await timed(without, query, null));
        add(cpuB, cpuDelta(before, cpuSnapshot(without.services)));
      };
      if (i % 2 === 0) {
        await one();
        await two();
      } else {
        await two();
        await one();
      }
    }
    const total = (m: Map<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0) / RUNS;
    const gw = (m: Map<string, number>): number => (m.get('gateway') ?? 0) / RUNS;
    rows.push(
      `${name.padEnd(17)} latency with ${median(a).toFixed(1)} ms  without ${median(b).toFixed(1)} ms  ratio ${(median(a) / median(b)).toFixed(2)} (fastest ${Math.min(...a).toFixed(1)} / ${Math.min(...b).toFixed(1)} ms)   ` +
        `CPU/request all processes with ${total(cpuA).toFixed(1)} ms  without ${total(cpuB).toFixed(1)} ms  ratio ${(total(cpuA) / total(cpuB)).toFixed(2)}   ` +
        `gateway ${gw(cpuA).toFixed(1)} / ${gw(cpuB).toFixed(1)} ms`,
      // Where the CPU difference sits, process by process (with / without).
      `  CPU/request by process, with / without: ${[...cpuA.keys()]
        .filter((k) => k.startsWith('subgraph-') || k === 'gateway' || k === 'identity')
        .map((k) => `${k.replace('subgraph-', '')} ${((cpuA.get(k) ?? 0) / RUNS).toFixed(1)}/${((cpuB.get(k) ?? 0) / RUNS).toFixed(1)}`)
        .join('  ')}`,
    );
  }
  process.stdout.write(`\nAuthentication + authorization overhead (median of ${RUNS}, sequential, no-cache, same run, simulators +${LATENCY_MS} ms; CPU from /proc, 10 ms ticks, mean):\n${rows.join('\n')}\n`);
  process.stdout.write('"with": a VIEWER of 56 with a token; "without": anonymous against the unauthenticated copy. Ratios are with/without.\n');
} finally {
  await Promise.all([withAuth.stop(), without.stop()]);
}
