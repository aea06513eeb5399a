import { sql, type Kysely } from 'kysely';

/** Entries: one live row per (unit, year, indicator), its invariants enforced by the database. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_by_name', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('overrides_system', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('acknowledged', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entry_one_per_unit_year_indicator', ['unit_id', 'year', 'indicator_code'])
    .addCheckConstraint('entry_value_is_a_rate', sql`value >= 0 and value <= 1`)
    .addCheckConstraint(
      'entry_fraction_is_proper',
      sql`(numerator is null and denominator is null) or (numerator is not null and denominator is not null and denominator > 0 and numerator >= 0 and numerator <= denominator)`,
    )
    .addCheckConstraint('entry_status_known', sql`status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')`)
    .addCheckConstraint('entry_version_positive', sql`version >= 1`)
    .addCheckConstraint('entry_four_eyes', sql`approved_by is null or approved_by <> entered_by`)
    .addCheckConstraint('entry_approved_has_approver', sql`status <> 'APPROVED' or approved_by is not null`)
    .addCheckConstraint('entry_override_flag', sql`overrides_system in (0, 1)`)
    .execute();
  await db.schema.createIndex('entry_by_unit_year').on('entry').columns(['unit_id', 'year']).execute();
}
