import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.ts';

/** The audit trail: one row per change, append-only by trigger on both engines. */
export function audit(engine: Engine): { up(db: Kysely<unknown>): Promise<void> } {
  return {
    async up(db) {
      await db.schema
        .createTable('audit_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id'))
        .addColumn('entry_version', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addUniqueConstraint('audit_event_one_per_version', ['entry_id', 'entry_version'])
        .addCheckConstraint('audit_event_action_known', sql`action in ('CREATE', 'EDIT', 'SUBMIT', 'APPROVE', 'RETURN')`)
        .execute();
      if (engine === 'postgres') {
        // One statement per sql`` call: the embedded engines of this project take one per query.
        await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_event is append-only' using errcode = 'P0001'; end $$`.execute(db);
        await sql`create trigger audit_event_no_change before update or delete on audit_event for each row execute function audit_event_append_only()`.execute(db);
        await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
        await sql`create trigger audit_event_no_delete before delete on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
      }
    },
  };
}
