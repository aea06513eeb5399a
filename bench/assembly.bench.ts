/**
 * DTI assembly: one gateway query against what a data engineer would otherwise write (a script
 * calling each upstream REST API in turn), side by side in one run, every simulator at the same
 * added latency. Prints ratios, upstream request counts, and the distance from the latency floor.
 * Run: npm run bench -- [latencyMs=50] [runs=5]
 */
import { launchSystem } from '../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { findUnit, loadUnitCatalogue, recordScopes, REFERENCE_UNITS_URL, unitsInForce } from '../lib/units/index.ts';
import { PORTAL_ID_BY_CODE } from '../subgraphs/services/upstream/portal-ids.ts';
import { cpuDelta, cpuSnapshot, freeSystemPorts } from './procs.ts';
import { dtiYearFields } from './gateway-queries.ts';
import { upstreamWaves } from './upstream-waves.ts';

const latencyMs = Number(process.argv[2] ?? '50');
const runs = Number(process.argv[3] ?? '5');
const YEAR = 2025;
const SYSTEMS = ['plans', 'documents', 'services', 'labour'] as const;

// A generous readiness deadline: the machine is shared and often loaded.
const system = await launchSystem({ ports: await freeSystemPorts(), readyTimeoutMs: 120_000 });
// Unit-year figures need a token: an administrator's from the system's own development provider.
const adminToken = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'bench-admin', roles: ['ADMIN'], units: [], ttlS: 3600 });
const sim = (s: string): string => system.simulatorUrl(s);

async function simControl(s: string, path: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sim(s)}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return res.json();
}

async function requestCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of SYSTEMS) out[s] = ((await simControl(s, '/_sim/requests', 'GET')) as { total: number }).total;
  return out;
}

const DTI_FIELDS = dtiYearFields(YEAR);

async function gatewayQuery(query: string): Promise<void> {
  // no-cache: the bench measures assembly, not the response cache (bench/cache.bench.ts does).
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(`gateway errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

/** What a data engineer writes without the graph: each system's REST API in turn, for each province. */
async function scriptFor(codes: readonly string[]): Promise<void> {
  const list = codes.join(',');
  const get = async (url: string): Promise<void> => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await res.json();
  };
  await get(`${sim('plans')}/api/v1/ke-hoach?maDonVi=${list}&trang=1&soBanGhi=500`);
  await get(`${sim('documents')}/api/v1/statistics/documents/monthly?Year=${YEAR}&UnitCodes=${list}&page=1&size=20000`);
  const params = JSON.stringify({
    service: 'thongke_hoso_tinh_thang_service',
    p_nam: String(YEAR),
    p_tinh_id: codes.map((c) => PORTAL_ID_BY_CODE[c]).filter((id) => id !== undefined),
    pageIndex: 1,
    pageSize: 1000,
  });
  const res = await fetch(`${sim('services')}/jsp/rest.jsp`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ params }).toString() });
  await res.json();
  await get(`${sim('labour')}/odata/TongHopNam?nam=${YEAR}&maTinh=${list}&$skip=0&$top=500`);
}

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const today = new Date().toISOString().slice(0, 10);
const provinces = unitsInForce(units, 'province', today);
// Each province's records for the year sit under its own and its predecessors' codes.
const codesOf = (code: string): string[] => {
  const unit = findUnit(units, code, today);
  return unit === undefined ? [code] : [...new Set(recordScopes(units, unit, `${YEAR}-01-01`, `${YEAR}-12-31`).map((s) => s.code))];
};

try {
  for (const s of SYSTEMS) await simControl(s, '/_sim/faults', 'POST', { latencyMs });
  const one = `{ unit(code: "56") { code ${DTI_FIELDS} } }`;
  const all = `{ units { code ${DTI_FIELDS} } }`;
  // Warm both paths once (connection pools, caches).
  await gatewayQuery(one);
  await gatewayQuery(all);
  await scriptFor(codesOf('56'));

  const rows: Array<[string, number[], number[]]> = [];
  const oneGw: number[] = [];
  const oneScript: number[] = [];
  const allGw: number[] = [];
  const allScript: number[] = [];
  for (let i = 0; i < runs; i++) {
    oneGw.push(await time(() => gatewayQuery(one)));
    oneScript.push(await time(() => scriptFor(codesOf('56'))));
    allGw.push(await time(() => gatewayQuery(all)));
    allScript.push(
      await time(async () => {
        for (const p of provinces) await scriptFor(codesOf(p.code));
      }),
    );
  }
  rows.push(['one province (56, merged Khánh Hòa)', oneGw, oneScript], [`all ${provinces.length} provinces`, allGw, allScript]);

  await Promise.all(SYSTEMS.map((s) => simControl(s, '/_sim/requests', 'DELETE')));
  await gatewayQuery(all);
  const counts = await requestCounts();

  // CPU per query by process: sequential 34-province queries, /proc CPU time before and after.
  const cpuRuns = Math.max(runs, 5);
  const before = cpuSnapshot(system.services);
  for (let i = 0; i < cpuRuns; i++) await gatewayQuery(all);
  const cpu = cpuDelta(before, cpuSnapshot(system.services));

  process.stdout.write(`DTI assembly, year ${YEAR}, every simulator at +${latencyMs} ms, median of ${runs} runs (same machine, same run)\n\n`);
  for (const [name, gw, script] of rows) {
    const g = median(gw);
    const s = median(script);
    process.stdout.write(`${name.padEnd(38)} gateway ${g.toFixed(0).padStart(6)} ms   script ${s.toFixed(0).padStart(6)} ms   ours/script = ${(g / s).toFixed(3)}\n`);
  }
  // The floor: the upstream latencies in sequence on each query's critical path, counted on the query
  // plan the gateway's planner makes (bench/upstream-waves.ts). Until the units moved to dti (no upstream)
  // it was two: the plans registry (unit-years and plans), then the sources; the old definition, 2 x latency,
  // is printed alongside so earlier figures stay comparable.
  const g1 = median(oneGw);
  const gAll = median(allGw);
  const oldFloor = 2 * latencyMs;
  for (const [name, query, g] of [['one province', one, g1], ['all provinces', all, gAll]] as const) {
    const { waves, plan } = upstreamWaves(query);
    const floor = waves * latencyMs;
    process.stdout.write(`\n${name}: plan ${plan}\n`);
    process.stdout.write(`  floor (${waves} upstream call${waves === 1 ? '' : 's'} on the critical path): ${floor} ms; ${(g - floor).toFixed(0)} ms above it (${(g / floor).toFixed(2)}x)\n`);
    process.stdout.write(`  old floor (2 x latency): ${oldFloor} ms; ${(g - oldFloor).toFixed(0)} ms above it (${(g / oldFloor).toFixed(2)}x)\n`);
  }
  process.stdout.write(`34 provinces / one province = ${(gAll / g1).toFixed(2)}x\n`);
  process.stdout.write(`\nupstream requests for one ${provinces.length}-province query: ${SYSTEMS.map((s) => `${s} ${counts[s]}`).join(', ')}\n`);
  const total = [...cpu.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`\nCPU per ${provinces.length}-province query (mean of ${cpuRuns}, /proc utime+stime): ${(total / cpuRuns).toFixed(0)} ms in all\n`);
  for (const [name, ms] of [...cpu].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${name.padEnd(22)} ${(ms / cpuRuns).toFixed(0).padStart(5)} ms\n`);
} finally {
  await system.stop();
}
