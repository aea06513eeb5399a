import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../../../lib/logging/index.ts';
import type { Database } from './schema.ts';

/** Which engine a database runs on; only migrations and the schema snapshot ever ask. */
export type Engine = 'postgres' | 'sqlite';

export interface StoreOptions {
  /** A PostgreSQL connection string; when absent, the embedded SQLite file under `dataDir`. */
  readonly databaseUrl: string | null;
  /** Folder of the embedded database (created when missing). */
  readonly dataDir: string;
  /** @default 10 */
  readonly poolSize?: number;
  /** PostgreSQL schema to use (tests: one per test). */
  readonly searchPath?: string;
  /** Called with every executed statement (tests and the bench count store queries per wave). */
  readonly onQuery?: (sql: string) => void;
  readonly logger?: Logger;
}

export interface StoreDatabase {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  close(): Promise<void>;
}

/**
 * node:sqlite's statements take parameters spread, not as an array, and have no `reader` flag:
 * a statement that returns columns (SELECT, or anything with RETURNING) is a reader.
 */
function nodeSqlite(file: string): SqliteDatabase {
  const native = new DatabaseSync(file);
  // WAL with synchronous=FULL fsyncs the log on every commit: an acknowledged write survives a
  // crash of the process and of the machine. busy_timeout covers a second process (the import CLI).
  native.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  type Param = null | number | bigint | string | Uint8Array;
  const params = (p: ReadonlyArray<unknown>): Param[] =>
    p.map((v) => {
      if (v === null || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || v instanceof Uint8Array) return v;
      if (v === undefined) return null;
      if (typeof v === 'boolean') return v ? 1 : 0;
      throw new TypeError(`unsupported SQLite parameter of type ${typeof v}`);
    });
  return {
    close: () => native.close(),
    prepare: (sql) => {
      const stmt = native.prepare(sql);
      return {
        reader: stmt.columns().length > 0,
        all: (p) => stmt.all(...params(p)),
        run: (p) => stmt.run(...params(p)),
        iterate: (p) => stmt.iterate(...params(p)),
      };
    },
  };
}

/** The one place the engine is chosen: PostgreSQL when a URL is configured, else embedded SQLite. */
export function createDatabase(options: StoreOptions): StoreDatabase {
  const log = (event: LogEvent): void => {
    if (event.level === 'query') options.onQuery?.(event.query.sql);
  };
  if (options.databaseUrl !== null) {
    // The driver is loaded only when PostgreSQL is configured: the embedded default never needs it.
    const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
    });
    // A server that dies emits 'error' on idle clients; unhandled, it would crash the process.
    // The next query fails and is mapped to STORE_UNAVAILABLE instead.
    pool.on('error', (err) => options.logger?.warn('postgres connection lost', { error: err.message }));
    pool.on('connect', (client) => client.on('error', (err) => options.logger?.warn('postgres client error', { error: err.message })));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: nodeSqlite(join(options.dataDir, 'submissions.sqlite')) }), log });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}
