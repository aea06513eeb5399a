import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Engine } from './db.ts';
import type { Database } from './schema.ts';

const TABLES = ['entry', 'audit_event', 'evidence_file', 'store_secret'];
const rowSchema = z.object({ line: z.string() });

/**
 * The schema as the catalog describes it after migrating (tables, columns, constraints, indexes,
 * triggers), as sorted text: compared with the committed snapshot by a test, so a migration that
 * changes anything shows up in review. Read from the catalog, since neither engine here ships pg_dump.
 */
export async function schemaSnapshot(db: Kysely<Database>, engine: Engine): Promise<string> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ line: string }>`select type || ' ' || name || ': ' || sql as line from sqlite_master
      where sql is not null and name not like 'sqlite_%' and tbl_name in (${sql.join(TABLES)}) order by type, name`.execute(db);
    return `${rows.map((r) => rowSchema.parse(r).line).join('\n')}\n`;
  }
  const schemaName = z.object({ s: z.string() }).parse((await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]).s;
  const { rows } = await sql<{ line: string }>`
    select 'column ' || table_name || '.' || column_name || ' ' || data_type || case when is_nullable = 'NO' then ' not null' else '' end
           || coalesce(' default ' || column_default, '') as line
      from information_schema.columns where table_schema = current_schema() and table_name in (${sql.join(TABLES)})
    union all
    select 'constraint ' || c.conrelid::regclass::text || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = current_schema() and c.conrelid::regclass::text in (${sql.join(TABLES)})
    union all
    select 'index ' || indexname || ': ' || indexdef from pg_indexes where schemaname = current_schema() and tablename in (${sql.join(TABLES)})
    union all
    select 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid)
      from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n on n.oid = r.relnamespace
      where not t.tgisinternal and n.nspname = current_schema() and r.relname in (${sql.join(TABLES)})
    order by line`.execute(db);
  // Test schemas have random names: the snapshot names none.
  return `${rows.map((r) => rowSchema.parse(r).line.replaceAll(`${schemaName}.`, '')).join('\n')}\n`;
}
