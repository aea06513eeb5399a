/**
 * CPU per request, side by side: this tree and another checkout (e.g. a worktree of main) running
 * at the same time, the same one-province DTI query sent to each in turn (the order swapped every
 * run), every simulator at +L ms. bench/ab.ts launches the two in turn, so the machine's load
 * changes between them; here it falls on both alike, which a per-request cost of a millisecond or
 * two (access control) needs on a shared machine. Access control is on in both (an
 * administrator's token, as `npm run bench`; AB_VIEWER=1: a viewer of 56's, the unit-scoped path);
 * AB_ENV_A / AB_ENV_B (JSON) add environment to one side.
 * Prints, per process, CPU per query (/proc, 10 ms ticks, mean) and the median latency.
 * Run: node bench/ab-cpu.ts <otherTree> [runs=60] [latencyMs=50]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cpuDelta, cpuSnapshot, freeSystemPorts } from './procs.ts';
import { dtiYearFields } from './gateway-queries.ts';

const other = resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? '60');
const latencyMs = Number(process.argv[4] ?? '50');
const here = resolve(import.meta.dirname, '..');
const SIMULATORS = ['plans', 'documents', 'services', 'labour'] as const;
const ONE = `{ unit(code: "56") { code ${dtiYearFields(2025)} } }`;
const sideEnv = (name: string): Record<string, string> => JSON.parse(process.env[name] ?? '{}') as Record<string, string>;

interface Side {
  readonly label: 'A' | 'B';
  readonly tree: string;
  readonly ask: () => Promise<number>;
  readonly services: ReadonlyArray<{ readonly name: string; readonly pid: number }>;
  readonly stop: () => Promise<void>;
  readonly times: number[];
  readonly cpu: Map<string, number>;
}

async function start(label: 'A' | 'B', tree: string): Promise<Side> {
  const { launchSystem } = (await import(`${tree}/lib/launcher/index.ts`)) as typeof import('../lib/launcher/index.ts');
  const { DEFAULT_OIDC_STATE_DIR } = (await import(`${tree}/simulators/oidc/config.ts`)) as typeof import('../simulators/oidc/config.ts');
  const { requestDevToken } = (await import(`${tree}/simulators/oidc/dev-token.ts`)) as typeof import('../simulators/oidc/dev-token.ts');
  // Each copy its own submissions store and audit file (one store folder is one process's).
  const dir = mkdtempSync(join(tmpdir(), `dti-ab-cpu-${label}-`));
  const system = await launchSystem({
    ports: await freeSystemPorts(),
    readyTimeoutMs: 300_000,
    env: { LOG_LEVEL: 'warn', DTI_AUDIT_LOG_PATH: join(dir, 'audit.jsonl'), SUBMISSIONS_DATA_DIR: join(dir, 'submissions'), ...sideEnv(`AB_ENV_${label}`) },
  });
  const who = process.env['AB_VIEWER'] === '1' ? { sub: 'bench-viewer-56', roles: ['VIEWER'], units: ['56'] } : { sub: 'bench-admin', roles: ['ADMIN'], units: [] };
  const token = await requestDevToken(system.issuerUrl, DEFAULT_OIDC_STATE_DIR, { ...who, ttlS: 3600 });
  for (const s of SIMULATORS) {
    await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });
  }
  const ask = async (): Promise<number> => {
    const t = performance.now();
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ONE }),
    });
    const text = await res.text();
    if (text.includes('"errors"')) throw new Error(`${label} errors: ${text.slice(text.indexOf('"errors"'), text.indexOf('"errors"') + 400)}`);
    return performance.now() - t;
  };
  return { label, tree, ask, services: system.services, stop: () => system.stop(), times: [], cpu: new Map() };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

process.stdout.write(`starting A = ${here} and B = ${other} side by side…\n`);
const sides = await Promise.all([start('A', here), start('B', other)]);
try {
  for (const s of sides) for (let i = 0; i < 3; i++) await s.ask();
  const one = async (s: Side): Promise<void> => {
    const before = cpuSnapshot(s.services);
    s.times.push(await s.ask());
    for (const [k, v] of cpuDelta(before, cpuSnapshot(s.services))) s.cpu.set(k, (s.cpu.get(k) ?? 0) + v);
  };
  for (let i = 0; i < runs; i++) for (const s of i % 2 === 0 ? sides : [...sides].reverse()) await one(s);
  const [a, b] = sides;
  if (a === undefined || b === undefined) throw new Error('two sides expected');
  const per = (s: Side, k: string): number => (s.cpu.get(k) ?? 0) / runs;
  const total = (s: Side): number => [...s.cpu.values()].reduce((x, y) => x + y, 0) / runs;
  const row = (name: string, x: number, y: number): string => `${name.padEnd(26)}${x.toFixed(1).padStart(8)}${y.toFixed(1).padStart(8)}   ${(x / y).toFixed(2)}\n`;
  let out = `\nA = ${a.tree} ${JSON.stringify(sideEnv('AB_ENV_A'))}\nB = ${b.tree} ${JSON.stringify(sideEnv('AB_ENV_B'))}\n`;
  out += `one-province DTI as ${process.env['AB_VIEWER'] === '1' ? 'a viewer of 56' : 'an administrator'}, ${runs} runs each, alternating, simulators +${latencyMs} ms; CPU from /proc (10 ms ticks), mean per query\n\n`;
  out += `${''.padEnd(26)}${'A'.padStart(8)}${'B'.padStart(8)}   A/B\n`;
  out += row('latency median, ms', median(a.times), median(b.times));
  out += row('latency fastest, ms', Math.min(...a.times), Math.min(...b.times));
  out += row('CPU all processes, ms', total(a), total(b));
  for (const k of [...a.cpu.keys()].filter((n) => n === 'gateway' || n.startsWith('subgraph-'))) out += row(`  ${k}`, per(a, k), per(b, k));
  process.stdout.write(out);
} finally {
  await Promise.all(sides.map((s) => s.stop()));
}
