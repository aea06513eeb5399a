import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Logger } from '../../../lib/logging/index.ts';
import type { Engine } from './db.ts';
import * as entries from './migrations/0001_entries.ts';
import { audit } from './migrations/0002_audit.ts';
import { evidenceFiles } from './migrations/0003_evidence_files.ts';
import * as storeSecret from './migrations/0004_store_secret.ts';
import type { Database } from './schema.ts';

/** Forward-only, in order; a migration is never edited once merged: add the next one. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_entries': entries,
    '0002_audit': audit(engine),
    '0003_evidence_files': evidenceFiles(engine),
    '0004_store_secret': storeSecret,
  };
}

/**
 * Applies pending migrations at start, under Kysely's lock (an advisory lock on PostgreSQL; the
 * embedded engine has one connection) and, on PostgreSQL, in one transaction. Missing or
 * out-of-order migrations are refused; a failure names the migration and stops start-up.
 */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine, logger?: Logger): Promise<void> {
  // Kysely looks for its tables in every schema unless told which: on a server shared by several
  // stores (the test schemas, say), another schema's schema_migration_lock would be taken for ours.
  const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(engine)) },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info('migration applied', { migration: r.migrationName });
    if (r.status === 'Error') logger?.error('migration failed', { migration: r.migrationName });
  }
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`submissions store migration ${failed ?? '(before any migration ran)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
