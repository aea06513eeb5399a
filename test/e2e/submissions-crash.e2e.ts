import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase, type StoreDatabase } from '../../subgraphs/submissions/store/db.ts';
import { actAsGateway, testDatabaseUrl } from '../../subgraphs/submissions/test/helpers.ts';

const HARNESS = fileURLToPath(new URL('../fixtures/submissions-harness.ts', import.meta.url));
const CODES = ['405-M-1', '405-M-2', '405-M-3', '405-M-4', '405-M-5', '405-M-6', '405-M-7', '405-M-8'];

async function startHarness(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [HARNESS], { env: { ...process.env, ...env, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`harness exited with ${code} before it was ready`)));
  });
  return { child, url };
}

const answerSchema = z.object({ data: z.object({ saveEntry: z.object({ entry: z.object({ id: z.string() }).nullable() }) }) });
const SAVE = `mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id } userErrors { code } } }`;

/** 20 clients create entries until the process dies; returns the ids that were acknowledged. */
async function writeUntilKilled(url: string, child: ChildProcess, killAfter: number, gateway: Gateway): Promise<string[]> {
  const acked: string[] = [];
  let next = 0;
  let killed = false;
  const client = async (): Promise<void> => {
    while (!killed) {
      const k = next++;
      if (k >= CODES.length * 70) return;
      const input = { unitId: '01@origin', year: 2024 + Math.floor(k / CODES.length), indicatorCode: CODES[k % CODES.length], value: 0.5, evidence: [{ note: `crash test ${k}` }] };
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: await gateway.headers(`editor-${k % 20}`),
          body: JSON.stringify({ query: SAVE, variables: { input } }),
        });
        const id = answerSchema.safeParse(await res.json()).data?.data.saveEntry.entry?.id;
        if (typeof id === 'string') acked.push(id);
        if (acked.length >= killAfter && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      } catch {
        return; // the process is gone: this write was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, client));
  return acked;
}

async function verify(store: StoreDatabase, acked: readonly string[]): Promise<void> {
  const entries = await store.db.selectFrom('entry').select('id').execute();
  const ids = new Set(entries.map((e) => e.id));
  expect(acked.filter((id) => !ids.has(id))).toEqual([]);
  // Nothing half-written: every entry has exactly its one CREATE audit row, and no audit row lacks its entry.
  const audits = await store.db.selectFrom('audit_event').select(['entry_id', 'action']).execute();
  expect(audits.length).toBe(entries.length);
  expect(new Set(audits.map((a) => a.entry_id))).toEqual(ids);
}

type Gateway = Awaited<ReturnType<typeof actAsGateway>>;

async function crashRound(storeEnv: Record<string, string>, open: () => StoreDatabase): Promise<{ acked: number; stored: number }> {
  const gateway = await actAsGateway();
  const env = { ...storeEnv, ...gateway.env };
  const first = await startHarness(env);
  const gone = once(first.child, 'exit');
  const acked = await writeUntilKilled(first.url, first.child, 60, gateway);
  await gone;
  // Restart on the same store: it migrates (a no-op) and serves what survived.
  const second = await startHarness(env);
  second.child.kill('SIGTERM');
  await once(second.child, 'exit');
  const store = open();
  try {
    await verify(store, acked);
    const stored = (await store.db.selectFrom('entry').select('id').execute()).length;
    return { acked: acked.length, stored };
  } finally {
    await store.close();
  }
}

describe('SIGKILL while 20 clients write: every acknowledged write survives, nothing is half-written', () => {
  it('embedded SQLite (WAL, synchronous=FULL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'submissions-crash-'));
    try {
      const r = await crashRound({ SUBMISSIONS_DATA_DIR: dir }, () => createDatabase({ databaseUrl: null, dataDir: dir }));
      expect(r.acked).toBeGreaterThanOrEqual(60);
      expect(r.stored).toBeGreaterThanOrEqual(r.acked);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL', async () => {
    const base = testDatabaseUrl();
    const schema = `crash_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const r = await crashRound({ DATABASE_URL: url }, () => createDatabase({ databaseUrl: base, dataDir: '', searchPath: schema }));
      expect(r.acked).toBeGreaterThanOrEqual(60);
      expect(r.stored).toBeGreaterThanOrEqual(r.acked);
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});
