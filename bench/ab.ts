/**
 * Before/after in one run: the same DTI queries against two copies of the system (this tree and
 * another checkout, e.g. `git archive <commit> | tar -x -C /tmp/base` with node_modules linked),
 * launched in turn (A B A B …, one process per service), every simulator at the same added latency.
 * Per round and system: median wall time of one province and of 34 provinces, and CPU per
 * 34-province query and per one-province query by process (/proc), which a shared machine's load
 * disturbs far less.
 * Run: node bench/ab.ts <otherTree> [latencyMs=50] [runs=5] [rounds=2]
 * AB_ENV_A / AB_ENV_B (JSON objects) add environment to one side, e.g. the same tree twice with
 * AB_ENV_A='{"GATEWAY_UPSTREAM_DEDUPLICATION":"0"}'. AB_ONE / AB_ALL replace the one-province and the
 * many-province query (e.g. plan targets instead of the DTI query).
 */
import { resolve } from 'node:path';
import { cpuDelta, cpuSnapshot, freeSystemPorts } from './procs.ts';
import { dtiYearFields } from './gateway-queries.ts';

const other = resolve(process.argv[2] ?? '');
const latencyMs = Number(process.argv[3] ?? '50');
const runs = Number(process.argv[4] ?? '5');
const rounds = Number(process.argv[5] ?? '2');
const here = resolve(import.meta.dirname, '..');
const SYSTEMS = ['plans', 'documents', 'services', 'labour'] as const;

const FIELDS = dtiYearFields(2025);
const ONE = process.env['AB_ONE'] ?? `{ unit(code: "56") { code ${FIELDS} } }`;
const ALL = process.env['AB_ALL'] ?? `{ units { code ${FIELDS} } }`;

interface Measure {
  readonly one: number;
  readonly all: number;
  readonly cpu: Map<string, number>;
  /** CPU per one-province query by process, ms (mean over 4 × runs queries: one is small). */
  readonly cpuOne: Map<string, number>;
  readonly answer: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const sideEnv = (name: string): Record<string, string> => JSON.parse(process.env[name] ?? '{}') as Record<string, string>;
const ENV = { A: sideEnv('AB_ENV_A'), B: sideEnv('AB_ENV_B') };

async function measure(tree: string, extraEnv: Readonly<Record<string, string>>): Promise<Measure> {
  const { launchSystem } = (await import(`${tree}/lib/launcher/index.ts`)) as typeof import('../lib/launcher/index.ts');
  const { DEFAULT_OIDC_STATE_DIR } = (await import(`${tree}/simulators/oidc/config.ts`)) as typeof import('../simulators/oidc/config.ts');
  const { requestDevToken } = (await import(`${tree}/simulators/oidc/dev-token.ts`)) as typeof import('../simulators/oidc/dev-token.ts');
  const system = await launchSystem({ ports: await freeSystemPorts(), readyTimeoutMs: 180_000, env: { LOG_LEVEL: 'warn', ...extraEnv } });
  try {
    const token = await requestDevToken(system.issuerUrl, DEFAULT_OIDC_STATE_DIR, { sub: 'bench-admin', roles: ['ADMIN'], units: [], ttlS: 3600 });
    for (const s of SYSTEMS) {
      await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });
    }
    const ask = async (query: string): Promise<string> => {
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const text = await res.text();
      if (text.includes('"errors"')) throw new Error(`errors: ${text.slice(text.indexOf('"errors"'), text.indexOf('"errors"') + 600)}`);
      return text;
    };
    const time = async (query: string): Promise<number> => {
      const started = performance.now();
      await ask(query);
      return performance.now() - started;
    };
    await ask(ONE);
    const answer = await ask(ALL);
    const one: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < runs; i++) {
      one.push(await time(ONE));
      all.push(await time(ALL));
    }
    const before = cpuSnapshot(system.services);
    for (let i = 0; i < runs; i++) await ask(ALL);
    const cpu = new Map([...cpuDelta(before, cpuSnapshot(system.services))].map(([k, v]) => [k, v / runs]));
    const beforeOne = cpuSnapshot(system.services);
    for (let i = 0; i < 4 * runs; i++) await ask(ONE);
    const cpuOne = new Map([...cpuDelta(beforeOne, cpuSnapshot(system.services))].map(([k, v]) => [k, v / (4 * runs)]));
    return { one: median(one), all: median(all), cpu, cpuOne, answer };
  } finally {
    await system.stop();
  }
}

// Figures that change from one run to the next (fetch times, report dates) aside, both answer alike.
const comparable = (answer: string): string => answer.replace(/"fetchedAt":"[^"]*"/g, '');

const results: Record<'A' | 'B', Measure[]> = { A: [], B: [] };
for (let r = 0; r < rounds; r++) {
  for (const [label, tree] of [['A', here], ['B', other]] as const) {
    const m = await measure(tree, ENV[label]);
    results[label].push(m);
    process.stdout.write(`round ${r + 1} ${label}: one ${m.one.toFixed(0)} ms, 34 provinces ${m.all.toFixed(0)} ms, ratio ${(m.all / m.one).toFixed(2)}, CPU ${[...m.cpu.values()].reduce((a, b) => a + b, 0).toFixed(0)} ms\n`);
  }
}
const [a0, b0] = [results.A[0], results.B[0]];
if (a0 !== undefined && b0 !== undefined) {
  process.stdout.write(`answers identical (fetchedAt aside): ${comparable(a0.answer) === comparable(b0.answer)}\n`);
}
process.stdout.write(`\nA = ${here} ${JSON.stringify(ENV.A)}\nB = ${other} ${JSON.stringify(ENV.B)}\n+${latencyMs} ms per system, ${runs} runs per round, ${rounds} rounds; medians over rounds\n\n`);
const med = (label: 'A' | 'B', f: (m: Measure) => number): number => median(results[label].map(f));
process.stdout.write(`${''.padEnd(24)}${'A'.padStart(8)}${'B'.padStart(8)}   A/B\n`);
const row = (name: string, f: (m: Measure) => number, digits = 0): void => {
  const a = med('A', f);
  const b = med('B', f);
  process.stdout.write(`${name.padEnd(24)}${a.toFixed(digits).padStart(8)}${b.toFixed(digits).padStart(8)}   ${(a / b).toFixed(2)}\n`);
};
row('one province, ms', (m) => m.one);
row('34 provinces, ms', (m) => m.all);
row('34 / one', (m) => m.all / m.one, 2);
row('CPU per query, ms', (m) => [...m.cpu.values()].reduce((x, y) => x + y, 0));
const names = [...(results.A[0]?.cpu.keys() ?? [])];
for (const n of names.sort((x, y) => med('B', (m) => m.cpu.get(y) ?? 0) - med('B', (m) => m.cpu.get(x) ?? 0))) {
  row(`  ${n}`, (m) => m.cpu.get(n) ?? 0);
}
row('CPU per one-province, ms', (m) => [...m.cpuOne.values()].reduce((x, y) => x + y, 0), 1);
for (const n of names.filter((x) => x === 'gateway' || x.startsWith('subgraph-'))) row(`  ${n}`, (m) => m.cpuOne.get(n) ?? 0, 1);
