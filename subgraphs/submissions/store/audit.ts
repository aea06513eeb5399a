import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEvent } from '../domain/types.ts';
import type { Database } from './schema.ts';

const actionSchema = z.enum(AUDIT_ACTIONS);

/** Appends one audit row in the caller's transaction: the change and its record commit together or not at all. */
export async function appendAudit(trx: Transaction<Database>, id: string, event: AuditEvent): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      id,
      entry_id: event.entryId,
      entry_version: event.entryVersion,
      at: event.at,
      actor: event.actor.subject,
      actor_name: event.actor.name,
      role: event.role,
      action: event.action,
      before: event.before,
      after: event.after,
      reason: event.reason,
    })
    .execute();
}

/** The history of the given entries, oldest first, in one query. */
export async function historyOf(db: Kysely<Database>, entryIds: readonly string[]): Promise<AuditEvent[]> {
  if (entryIds.length === 0) return [];
  const rows = await db.selectFrom('audit_event').selectAll().where('entry_id', 'in', [...entryIds]).orderBy('entry_id').orderBy('entry_version').execute();
  return rows.map((r) => ({
    entryId: r.entry_id,
    entryVersion: r.entry_version,
    at: r.at,
    actor: { subject: r.actor, name: r.actor_name },
    role: r.role,
    action: actionSchema.parse(r.action),
    before: r.before,
    after: r.after,
    reason: r.reason,
  }));
}

/** Rows in the audit table for one entry (tests compare it with acknowledged writes). */
export async function auditCount(db: Kysely<Database>, entryId: string): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('entry_id', '=', entryId).executeTakeFirstOrThrow();
  return Number(row.n);
}
