/**
 * CPU profiles of every process under a chosen query: starts the system with `--cpu-prof`,
 * sends the query twice to warm up, waits, sends it N times, stops, and prints each process's
 * top self-time functions and our code's inclusive time, per query, over the N queries only.
 * Run: node bench/profile.ts [all|one|small] [n=10] [outDir=/tmp/dti-prof]
 * PROFILE_ENV (a JSON object) adds environment to every process, e.g. access control off:
 * PROFILE_ENV='{"DTI_GATEWAY_AUTH":"0","DTI_SUBGRAPH_VERIFY_SIGNATURES":"0"}'.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchSystem } from '../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { freeSystemPorts } from './procs.ts';
import { dtiYearFields } from './gateway-queries.ts';

const which = process.argv[2] ?? 'all';
const n = Number(process.argv[3] ?? '10');
const dir = process.argv[4] ?? '/tmp/dti-prof';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const FIELDS = dtiYearFields(2025);
const QUERIES: Record<string, string> = {
  all: `{ units { code ${FIELDS} } }`,
  one: `{ unit(code: "56") { code ${FIELDS} } }`,
  small: `{ unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate source { status } } } } }`,
};
const query = QUERIES[which] ?? QUERIES['all'] ?? '';

const system = await launchSystem({
  ports: await freeSystemPorts(),
  readyTimeoutMs: 120_000,
  // The idle collector's 2 s ticks would break the quiet gap the analysis looks for.
  env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`, LOG_LEVEL: 'warn', DTI_IDLE_GC: '0', ...(JSON.parse(process.env['PROFILE_ENV'] ?? '{}') as Record<string, string>) },
});
const pids = new Map(system.services.map((s) => [s.pid, s.name]));
// Unit-year figures need a token (without one the query assembles nothing): an administrator's.
const adminToken = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'bench-admin', roles: ['ADMIN'], units: [], ttlS: 3600 });
const ask = async (i: number): Promise<void> => {
  const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query }) });
  const text = await res.text();
  if (i === 0 && text.includes('"errors"')) process.stderr.write(`errors in the answer: ${text.slice(0, 300)}\n`);
};
// Warm up, then a quiet gap the analysis finds in each profile: only the measured queries after it
// are counted (not module loading at start, nor the shutdown).
const QUIET_MS = 4000;
let loopMs = 0;
try {
  for (let i = 0; i < 2; i++) await ask(i);
  await new Promise((r) => setTimeout(r, QUIET_MS));
  const started = performance.now();
  for (let i = 0; i < n; i++) await ask(i + 2);
  loopMs = performance.now() - started;
} finally {
  await system.stop();
}
process.stdout.write(`${n} queries (${which}) in ${loopMs.toFixed(0)} ms wall\n`);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
const ours = (url: string): boolean => !url.includes('/node_modules/') && /\/(lib|subgraphs|simulators|gateway)\//.test(url);
const label = (f: ProfileNode['callFrame']): string => `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(node_modules|wt-[a-z]+)\//, '')}:${f.lineNumber + 1}`;
for (const file of readdirSync(dir)) {
  const pid = Number(/CPU\.\d+\.\d+\.(\d+)\./.exec(file)?.[1]);
  const name = pids.get(pid);
  if (name === undefined) continue;
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map<number, number>();
  for (const nd of p.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  // Sample times; the measured window starts after the last quiet stretch (250 ms buckets each
  // under 10 ms busy, timers and sockets aside) of at least 2/3 of the quiet gap.
  const times: number[] = [];
  let t = 0;
  for (const dt of p.timeDeltas) times.push((t += dt));
  const BUCKET = 250_000;
  const busy = new Map<number, number>();
  p.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    const k = Math.floor((times[i] ?? 0) / BUCKET);
    busy.set(k, (busy.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  let windowStart = 0;
  let quietFrom = -1;
  for (let k = 0; k <= Math.floor(t / BUCKET); k++) {
    const quiet = (busy.get(k) ?? 0) < 10_000;
    if (quiet && quietFrom < 0) quietFrom = k;
    if (!quiet) {
      if (quietFrom >= 0 && (k - quietFrom) * BUCKET >= (QUIET_MS * 2000) / 3) windowStart = k * BUCKET;
      quietFrom = -1;
    }
  }
  const windowEnd = windowStart + loopMs * 1000 + 100_000;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const at = times[i] ?? 0;
    if (at < windowStart || at > windowEnd) return;
    const nd = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (nd === undefined || nd.callFrame.functionName === '(idle)') return;
    total += dt;
    const k = label(nd.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      if (f === undefined || !ours(f.url)) continue;
      const key = label(f);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  });
  const perQuery = (us: number): string => (us / 1000 / n).toFixed(1).padStart(6);
  process.stdout.write(`\n== ${name}: ${perQuery(total)} ms per query sampled (${file})\n  self:\n`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`  ${perQuery(us)} ms  ${k}\n`);
  process.stdout.write('  inclusive, our code:\n');
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`  ${perQuery(us)} ms  ${k}\n`);
}
