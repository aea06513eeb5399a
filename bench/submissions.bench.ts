/**
 * The submissions store, side by side in one run, through the gateway and under access control
 * (every request carries a token of the system's own development provider, as bench/assembly does):
 *  1. saveEntry p50/p99 under 20 concurrent editors (each a different person of unit 01, saving its
 *     own entry with the version it read), the whole system on the embedded SQLite store, then the
 *     same on PostgreSQL;
 *  2. the 34-province DTI query with two approved entries per province (entered by an editor,
 *     approved by a reviewer of that province, through the API): store queries per query (one
 *     federation wave), and its latency with the store up and with the submissions process killed.
 * Run: npm run bench:submissions -- [savesPerEditor=10] [runs=5]   (PostgreSQL: TEST_DATABASE_URL or the dev default)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { launchSystem, type RunningSystem } from '../lib/launcher/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, unitsInForce } from '../lib/units/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { freeSystemPorts } from './procs.ts';

const savesPerEditor = Number(process.argv[2] ?? '10');
const runs = Number(process.argv[3] ?? '5');
const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const EDITORS = 20;

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const answerSchema = z.object({ data: z.record(z.string(), z.unknown()).nullable().optional(), errors: z.array(z.object({ message: z.string() }).passthrough()).optional() });
type Answer = z.output<typeof answerSchema>;

function client(system: RunningSystem) {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (sub: string, roles: string[], units: string[]): Promise<string> => {
    const key = `${sub}|${roles.join()}|${units.join()}`;
    let t = tokens.get(key);
    if (t === undefined) {
      t = requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub, roles, units, ttlS: 3600 });
      tokens.set(key, t);
    }
    return t;
  };
  return {
    tokenOf,
    async gql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return answerSchema.parse(await res.json());
    },
  };
}

function must(a: Answer, what: string): Record<string, unknown> {
  if (a.errors !== undefined || a.data === null || a.data === undefined) throw new Error(`${what}: ${JSON.stringify(a.errors ?? a).slice(0, 400)}`);
  return a.data;
}

const SAVE = 'mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id version } userErrors { code messageEn } } }';
const savedSchema = z.object({ saveEntry: z.object({ entry: z.object({ id: z.string(), version: z.number() }).nullable(), userErrors: z.array(z.object({ code: z.string(), messageEn: z.string() })) }) });

/** 20 editors of unit 01, each saving its own entry `savesPerEditor` times with the version it read. */
async function saveLatencies(system: RunningSystem): Promise<number[]> {
  const c = client(system);
  const codes = ['405-M-1', '405-M-2', '405-M-3', '405-M-4', '405-M-5', '405-M-6', '405-M-7', '405-M-8'];
  const tokens = await Promise.all(Array.from({ length: EDITORS }, (_, e) => c.tokenOf(`bench-editor-${e}`, ['EDITOR'], ['01'])));
  const times: number[] = [];
  await Promise.all(
    tokens.map(async (token, e) => {
      let version: number | null = null;
      for (let i = 0; i < savesPerEditor; i++) {
        const input: Record<string, unknown> = { unitId: '01@origin', year: 2030 + Math.floor(e / codes.length), indicatorCode: codes[e % codes.length], value: (i % 10) / 10, evidence: [{ note: 'bench' }], expectedVersion: version };
        const t = performance.now();
        const saved: z.output<typeof savedSchema>['saveEntry'] = savedSchema.parse(must(await c.gql(token, SAVE, { input }), 'saveEntry')).saveEntry;
        times.push(performance.now() - t);
        if (saved.entry === null) throw new Error(`saveEntry refused: ${JSON.stringify(saved.userErrors)}`);
        version = saved.entry.version;
      }
    }),
  );
  return times;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] === undefined ? NaN : Math.round(Number(m[1]) / 1024);
}

const rows: string[] = [];

// 1a + 2: the whole system on the embedded store.
const dataDir = mkdtempSync(join(tmpdir(), 'bench-submissions-'));
const queryLog = join(dataDir, 'queries.log');
writeFileSync(queryLog, '');
let sqliteTimes: number[] = [];
// No restart: the store stays down for the second half of the query measurement.
const embedded = await launchSystem({ ports: await freeSystemPorts(), env: { SUBMISSIONS_DATA_DIR: dataDir, SUBMISSIONS_QUERY_LOG: queryLog, LOG_LEVEL: 'warn' }, readyTimeoutMs: 180_000, restart: false });
try {
  sqliteTimes = await saveLatencies(embedded);
  const submissions = embedded.services.find((s) => s.name === 'subgraph-submissions');
  const rss = submissions === undefined ? NaN : rssMb(submissions.pid);

  // Two approved entries in every province for DTI 2025 (405/QĐ-BKHCN), through the API: an editor enters, a reviewer approves.
  const c = client(embedded);
  const provinces = unitsInForce(loadUnitCatalogue(REFERENCE_UNITS_URL), 'province', '2025-12-31');
  await Promise.all(
    provinces.map(async (p) => {
      const editor = await c.tokenOf(`bench-editor-${p.code}`, ['EDITOR'], [p.code]);
      const reviewer = await c.tokenOf(`bench-reviewer-${p.code}`, ['REVIEWER'], [p.code]);
      for (const code of ['405-M-2', '405-M-3']) {
        const saved = savedSchema.parse(must(await c.gql(editor, SAVE, { input: { unitId: p.id, year: 2025, indicatorCode: code, value: 0.6, evidence: [{ note: 'bench' }] } }), 'seed saveEntry')).saveEntry;
        const id = saved.entry?.id ?? '';
        must(await c.gql(editor, 'mutation ($ids: [ID!]!) { submitEntries(ids: $ids) { entries { id } } }', { ids: [id] }), 'seed submitEntries');
        must(await c.gql(reviewer, 'mutation ($id: ID!) { reviewEntry(id: $id, decision: APPROVE, expectedVersion: 2) { entry { status } } }', { id }), 'seed reviewEntry');
      }
    }),
  );

  const admin = await c.tokenOf('bench-admin', ['ADMIN'], []);
  const QUERY = '{ units(level: PROVINCE) { code year(year: 2025) { dti { completeness mainIndicators { code value basis source { system } } missing { code status } } } } }';
  const run = async (): Promise<{ ms: number; answer: Answer }> => {
    const t = performance.now();
    const answer = await c.gql(admin, QUERY);
    return { ms: performance.now() - t, answer };
  };
  // Warm-up until one clean answer (on a loaded machine an upstream may time out the first time).
  let warm = await run();
  for (let i = 0; i < 3 && warm.answer.errors !== undefined; i++) warm = await run();
  must(warm.answer, '34-province query');
  const manual = JSON.stringify(warm.answer.data).match(/"basis":"MANUAL"/g)?.length ?? 0;
  writeFileSync(queryLog, '');
  const up: number[] = [];
  let upWithErrors = 0;
  for (let i = 0; i < runs; i++) {
    const r = await run();
    if (r.answer.errors !== undefined) upWithErrors++;
    up.push(r.ms);
  }
  const storeQueries = readFileSync(queryLog, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
  rows.push(
    `34-province DTI query, ${manual} approved manual values in the answer: ${storeQueries / runs} store queries per query (${storeQueries} over ${runs} runs; one federation wave)` +
      (upWithErrors > 0 ? `; ${upWithErrors} of ${runs} answers had upstream errors (a loaded machine)` : ''),
  );
  if (submissions !== undefined) process.kill(submissions.pid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  const down: number[] = [];
  let downErrors: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await run();
    down.push(r.ms);
    downErrors = r.answer.errors ?? [];
  }
  rows.push(
    `34-province DTI query latency (ms, median of ${runs}): store up ${pct(up, 50).toFixed(0)}   |   submissions killed ${pct(down, 50).toFixed(0)}   (up/down ${(pct(up, 50) / pct(down, 50)).toFixed(2)}); ` +
      `errors with the store down: ${downErrors.length}, first: ${JSON.stringify(downErrors[0] ?? null).slice(0, 200)}`,
  );
  rows.push(`submissions process (embedded store): RSS after the save run ${rss} MB`);
} finally {
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// 1b: the same save run with the store on PostgreSQL (a fresh schema, dropped afterwards).
const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
const adminPg = new pg.Client({ connectionString: PG_URL });
await adminPg.connect();
await adminPg.query(`create schema ${schema}`);
let pgTimes: number[] = [];
try {
  const pgUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const onPg = await launchSystem({ ports: await freeSystemPorts(), env: { DATABASE_URL: pgUrl, LOG_LEVEL: 'warn' }, readyTimeoutMs: 180_000 });
  try {
    pgTimes = await saveLatencies(onPg);
  } finally {
    await onPg.stop();
  }
} finally {
  await adminPg.query(`drop schema ${schema} cascade`);
  await adminPg.end();
}
rows.unshift(
  `saveEntry through the gateway, ${EDITORS} concurrent editors × ${savesPerEditor} saves (ms):  embedded SQLite p50 ${pct(sqliteTimes, 50).toFixed(1)} p99 ${pct(sqliteTimes, 99).toFixed(1)}   |   ` +
    `PostgreSQL p50 ${pct(pgTimes, 50).toFixed(1)} p99 ${pct(pgTimes, 99).toFixed(1)}   (p50 ratio SQLite/PostgreSQL ${(pct(sqliteTimes, 50) / pct(pgTimes, 50)).toFixed(2)})`,
);
process.stdout.write(`${rows.join('\n')}\n`);
