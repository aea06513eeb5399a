/**
 * Where the documents subgraph's CPU goes for one 34-province answer, in-process (no HTTP load
 * between the parts): JSON.parse, the zod wire schema, the mapping, the roll-ups of every unit-year.
 * CPU time of this process per part (process.cpuUsage), which a shared machine's load disturbs
 * far less than wall time; the simulator answers in this process too, so `fetch` includes it.
 * Run: node bench/micro-documents.ts [reps=10]
 */
import { startDocumentsSimulator } from '../simulators/documents/index.ts';
import { statsPageWire } from '../subgraphs/documents/upstream/schemas.ts';
import { toMonthlyRows } from '../subgraphs/documents/upstream/mappers.ts';
import { rollUpDocuments } from '../subgraphs/documents/domain/rollup.ts';
import { findUnit, loadUnitCatalogue, recordScopes, REFERENCE_UNITS_URL, unitsInForce } from '../lib/units/index.ts';

const reps = Number(process.argv[2] ?? '10');
const YEAR = 2025;
const sim = await startDocumentsSimulator(0);
const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const today = new Date().toISOString().slice(0, 10);
const provinces = unitsInForce(units, 'province', today);
const keys = provinces.map((p) => ({ scopes: recordScopes(units, findUnit(units, p.code, today) ?? p, `${YEAR}-01-01`, `${YEAR}-12-31`) }));
const codes = [...new Set(keys.flatMap((k) => k.scopes.map((s) => s.code)))].sort();
const url = `${sim.url}/api/v1/statistics/documents/monthly?Year=${YEAR}&UnitCodes=${codes.join(',')}&page=1&size=20000`;
const t: Record<string, number[]> = { fetch: [], parse: [], zod: [], map: [], rollup: [] };
for (let i = 0; i < reps + 1; i++) {
  const cpuNow = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let s = cpuNow();
  const text = await (await fetch(url)).text();
  const lap = (k: string): void => {
    const n = cpuNow();
    if (i > 0) t[k]?.push(n - s);
    s = n;
  };
  lap('fetch');
  const json: unknown = JSON.parse(text);
  lap('parse');
  const page = statsPageWire.parse(json);
  lap('zod');
  const rows = toMonthlyRows(page.Data);
  lap('map');
  const snapshot = { rows, asOf: page.ReportDate, fetchedAt: new Date().toISOString() };
  for (const k of keys) rollUpDocuments({ year: YEAR, scopes: k.scopes, match: 'unit', snapshot });
  lap('rollup');
  if (i === 0) process.stdout.write(`${(text.length / 1e6).toFixed(2)} MB, ${rows.length} rows, ${keys.length} unit-years\n`);
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [k, xs] of Object.entries(t)) process.stdout.write(`${k.padEnd(8)} ${med(xs).toFixed(1)} ms CPU\n`);
await sim.close();
