/**
 * The submissions store, side by side in one run:
 *  1. saveEntry p50/p99 under 20 concurrent editors, embedded SQLite vs PostgreSQL (the real
 *     subgraph process over HTTP; identity from test headers, as in the crash test);
 *  2. cold start and RSS of the submissions process on the embedded store;
 *  3. the 34-province DTI query with approved entries present: store queries per query (one wave),
 *     and its latency with the store up and with the submissions process killed, same run.
 * Run: npm run bench:submissions -- [savesPerEditor=25] [runs=5]   (PostgreSQL: TEST_DATABASE_URL or the dev default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { identityFromClaims, indexUnits, scopeOf } from '../lib/access/index.ts';
import { launchSystem } from '../lib/launcher/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL, unitsInForce } from '../lib/units/index.ts';
import { loadIndicatorCatalogue } from '../subgraphs/submissions/domain/catalogue.ts';
import { createService } from '../subgraphs/submissions/service.ts';
import { createDatabase } from '../subgraphs/submissions/store/db.ts';
import { actAsGateway } from '../subgraphs/submissions/test/helpers.ts';

const savesPerEditor = Number(process.argv[2] ?? '25');
const runs = Number(process.argv[3] ?? '5');
const HARNESS = fileURLToPath(new URL('../test/fixtures/submissions-harness.ts', import.meta.url));
const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function harness(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [HARNESS], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`harness exited ${c}`)));
  });
  return { child, url, readyMs: performance.now() - t0 };
}

const saveAnswer = z.object({ data: z.object({ saveEntry: z.object({ entry: z.object({ id: z.string(), version: z.number() }).nullable() }) }) });
const SAVE = 'mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id version } } }';

/** 20 editors, each saving its own entry `savesPerEditor` times with the version it read. */
async function saveLatencies(url: string, gateway: Awaited<ReturnType<typeof actAsGateway>>): Promise<number[]> {
  const codes = ['405-M-1', '405-M-2', '405-M-3', '405-M-4', '405-M-5', '405-M-6', '405-M-7', '405-M-8'];
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async (_, e) => {
      let version: number | null = null;
      for (let i = 0; i < savesPerEditor; i++) {
        const input = { unitId: '01@origin', year: 2030 + Math.floor(e / codes.length), indicatorCode: codes[e % codes.length], value: (i % 10) / 10, evidence: [{ note: 'bench' }], expectedVersion: version };
        const t = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: await gateway.headers(`editor-${e}`),
          body: JSON.stringify({ query: SAVE, variables: { input } }),
        });
        const parsed = saveAnswer.parse(await res.json());
        times.push(performance.now() - t);
        version = parsed.data.saveEntry.entry?.version ?? null;
      }
    }),
  );
  return times;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] === undefined ? NaN : Math.round(Number(m[1]) / 1024);
}

// 1 + 2: saveEntry under 20 editors on both engines; cold start and RSS of the embedded process.
const dir = mkdtempSync(join(tmpdir(), 'bench-submissions-'));
const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
const rows: string[] = [];
try {
  const gateway = await actAsGateway();
  const cold = await harness({ SUBMISSIONS_DATA_DIR: dir, ...gateway.env });
  const sqliteTimes = await saveLatencies(cold.url, gateway);
  const rss = rssMb(cold.child.pid ?? -1);
  cold.child.kill('SIGTERM');
  await once(cold.child, 'exit');
  const pgUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const pgh = await harness({ DATABASE_URL: pgUrl, ...gateway.env });
  const pgTimes = await saveLatencies(pgh.url, gateway);
  pgh.child.kill('SIGTERM');
  await once(pgh.child, 'exit');
  rows.push(`saveEntry, 20 concurrent editors × ${savesPerEditor} saves (ms):  embedded SQLite p50 ${pct(sqliteTimes, 50).toFixed(1)} p99 ${pct(sqliteTimes, 99).toFixed(1)}   |   PostgreSQL p50 ${pct(pgTimes, 50).toFixed(1)} p99 ${pct(pgTimes, 99).toFixed(1)}`);
  rows.push(`submissions process (embedded): cold start to listening ${Math.round(cold.readyMs)} ms (first start, migrations included), RSS after the save run ${rss} MB`);
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}

// 3: the 34-province DTI query with approved entries present.
const dataDir = mkdtempSync(join(tmpdir(), 'bench-submissions-dti-'));
const queryLog = join(dataDir, 'queries.log');
writeFileSync(queryLog, '');
const system = await launchSystem({
  ports: { host: '127.0.0.1', gateway: 26000, subgraphBase: 26001, simulatorBase: 26101 },
  env: { SUBMISSIONS_DATA_DIR: dataDir, SUBMISSIONS_QUERY_LOG: queryLog, LOG_LEVEL: 'warn' },
  readyTimeoutMs: 120_000,
});
try {
  const units = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
  const provinces = unitsInForce(loadUnitCatalogue(REFERENCE_UNITS_URL), 'province', '2025-12-31');
  const store = createDatabase({ databaseUrl: null, dataDir });
  const service = createService({ db: store.db, catalogue: loadIndicatorCatalogue(), jumpThreshold: 0.3, maxEvidenceBytes: 1024, now: () => new Date() });
  const gate = (sub: string, role: string, code: string) => ({ scope: scopeOf(identityFromClaims({ sub, roles: [role], units: [code] }), units, '2026-11-29'), units });
  // Two approved entries in every province for DTI 2025 (405/QĐ-BKHCN).
  for (const p of provinces) {
    for (const code of ['405-M-2', '405-M-3']) {
      const saved = await service.saveEntry(gate('editor', 'EDITOR', p.code), { unitId: p.id, year: 2025, indicatorCode: code, value: 0.6, evidence: [{ note: 'bench' }] });
      const id = saved.entry?.id ?? '';
      await service.submitEntries(gate('editor', 'EDITOR', p.code), [id]);
      await service.reviewEntry(gate('reviewer', 'REVIEWER', p.code), { id, decision: 'APPROVE', expectedVersion: 2 });
    }
  }
  await store.close();
  const QUERY = '{ units(level: PROVINCE) { code year(year: 2025) { dti { completeness mainIndicators { code value basis source { system } } missing { code status } } } } }';
  const run = async (): Promise<{ ms: number; errors: unknown[] }> => {
    const t = performance.now();
    const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const body = z.object({ errors: z.array(z.unknown()).optional() }).parse(await res.json());
    return { ms: performance.now() - t, errors: body.errors ?? [] };
  };
  await run(); // warm-up
  writeFileSync(queryLog, '');
  const up: number[] = [];
  for (let i = 0; i < runs; i++) up.push((await run()).ms);
  const storeQueries = readFileSync(queryLog, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
  rows.push(`34-province DTI query, entries present: ${storeQueries / runs} store queries per query (${storeQueries} over ${runs} runs)`);
  const submissions = system.services.find((s) => s.name === 'subgraph-submissions');
  if (submissions !== undefined) process.kill(submissions.pid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  const down: number[] = [];
  let downErrors: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await run();
    down.push(r.ms);
    downErrors = r.errors;
  }
  rows.push(`34-province DTI query latency (ms, median of ${runs}): store up ${pct(up, 50).toFixed(0)}   |   submissions killed ${pct(down, 50).toFixed(0)} (ratio ${(pct(up, 50) / pct(down, 50)).toFixed(2)}); errors with the store down: ${downErrors.length}, first: ${JSON.stringify(downErrors[0] ?? null).slice(0, 240)}`);
} finally {
  await system.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.stdout.write(`${rows.join('\n')}\n`);
