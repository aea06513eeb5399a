import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.ts';

/** Uploaded evidence files, kept by content hash (the same file uploaded twice is stored once). */
export function evidenceFiles(engine: Engine): { up(db: Kysely<unknown>): Promise<void> } {
  return {
    async up(db) {
      await db.schema
        .createTable('evidence_file')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addCheckConstraint('evidence_file_size', sql`size >= 0`)
        .execute();
    },
  };
}
