import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import { ENTRY_STATUSES, type Entry, type Evidence } from '../domain/types.ts';
import type { Database, EntryTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const evidenceSchema = z.array(
  z.object({
    documentSymbol: z.string().nullable(),
    documentDate: z.string().nullable(),
    url: z.string().nullable(),
    fileId: z.string().nullable(),
    fileName: z.string().nullable(),
    fileSize: z.number().nullable(),
    note: z.string().nullable(),
  }),
);
const codesSchema = z.array(z.string());
const statusSchema = z.enum(ENTRY_STATUSES);

/** A row becomes a domain entry here, every JSON column parsed. */
function toEntry(row: Selectable<EntryTable>): Entry {
  return {
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    indicatorCode: row.indicator_code,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    evidence: evidenceSchema.parse(JSON.parse(row.evidence)),
    comment: row.comment,
    status: statusSchema.parse(row.status),
    version: row.version,
    enteredBy: { subject: row.entered_by, name: row.entered_by_name },
    approvedBy: row.approved_by === null ? null : { subject: row.approved_by, name: row.approved_by_name },
    overridesSystem: row.overrides_system === 1,
    warnings: codesSchema.parse(JSON.parse(row.warnings)),
    acknowledged: codesSchema.parse(JSON.parse(row.acknowledged)),
    justification: row.justification,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a save or a transition writes. */
export interface EntryChange {
  readonly value: number;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly evidence: readonly Evidence[];
  readonly comment: string | null;
  readonly status: Entry['status'];
  readonly enteredBy: Entry['enteredBy'];
  readonly approvedBy: Entry['approvedBy'];
  readonly overridesSystem: boolean;
  readonly warnings: readonly string[];
  readonly acknowledged: readonly string[];
  readonly justification: string | null;
}

function columns(change: EntryChange, now: string) {
  return {
    value: change.value,
    numerator: change.numerator,
    denominator: change.denominator,
    evidence: JSON.stringify(change.evidence),
    comment: change.comment,
    status: change.status,
    entered_by: change.enteredBy.subject,
    entered_by_name: change.enteredBy.name,
    approved_by: change.approvedBy?.subject ?? null,
    approved_by_name: change.approvedBy?.name ?? null,
    overrides_system: change.overridesSystem ? 1 : 0,
    warnings: JSON.stringify(change.warnings),
    acknowledged: JSON.stringify(change.acknowledged),
    justification: change.justification,
    updated_at: now,
  };
}

export async function findEntry(db: Db, key: { readonly unitId: string; readonly year: number; readonly indicatorCode: string }): Promise<Entry | undefined> {
  const row = await db
    .selectFrom('entry')
    .selectAll()
    .where('unit_id', '=', key.unitId)
    .where('year', '=', key.year)
    .where('indicator_code', '=', key.indicatorCode)
    .executeTakeFirst();
  return row === undefined ? undefined : toEntry(row);
}

export async function findEntryById(db: Db, id: string): Promise<Entry | undefined> {
  const row = await db.selectFrom('entry').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toEntry(row);
}

/** Units of the given entries, in one query (for the access check before a write). */
export async function unitsOfEntries(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entry').select(['id', 'unit_id']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.unit_id]));
}

/** Every entry of the given unit-years in one query (a federation wave), optionally only some statuses. */
export async function entriesOfUnitYears(
  db: Db,
  keys: readonly { readonly unitId: string; readonly year: number }[],
  statuses?: readonly Entry['status'][],
): Promise<Entry[]> {
  if (keys.length === 0) return [];
  let q = db
    .selectFrom('entry')
    .selectAll()
    .where((eb) => eb(eb.refTuple('unit_id', 'year'), 'in', keys.map((k) => eb.tuple(k.unitId, k.year))));
  if (statuses !== undefined) q = q.where('status', 'in', [...statuses]);
  const rows = await q.orderBy('indicator_code').execute();
  return rows.map(toEntry);
}

/** The same unit's value for an indicator in another year, if any entry holds one. */
export async function valueInYear(db: Db, unitId: string, year: number, indicatorCode: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('entry')
    .select('value')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('indicator_code', '=', indicatorCode)
    .executeTakeFirst();
  return row?.value;
}

export async function insertEntry(
  trx: Transaction<Database>,
  id: string,
  key: { readonly unitId: string; readonly year: number; readonly indicatorCode: string },
  change: EntryChange,
  now: string,
): Promise<Entry> {
  const row = await trx
    .insertInto('entry')
    .values({ id, unit_id: key.unitId, year: key.year, indicator_code: key.indicatorCode, version: 1, created_at: now, ...columns(change, now) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row);
}

/**
 * The optimistic write: one statement that changes the entry only if it still has the version the
 * caller read. Undefined means someone else wrote first (or the entry is gone).
 */
export async function updateEntryAtVersion(trx: Transaction<Database>, id: string, version: number, change: EntryChange, now: string): Promise<Entry | undefined> {
  const row = await trx
    .updateTable('entry')
    .set((eb) => ({ ...columns(change, now), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toEntry(row);
}

/** The version an entry has now, to name in a CONFLICT. */
export async function currentVersion(db: Db, id: string): Promise<number | undefined> {
  const row = await db.selectFrom('entry').select('version').where('id', '=', id).executeTakeFirst();
  return row?.version;
}
