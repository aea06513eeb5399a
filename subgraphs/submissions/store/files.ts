import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export interface StoredFile {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
}

/** Stores a file under its content hash; the same content uploaded again keeps the first row. */
export async function putFile(db: Transaction<Database>, file: StoredFile & { readonly content: Uint8Array; readonly uploadedBy: string; readonly at: string }): Promise<StoredFile> {
  await db
    .insertInto('evidence_file')
    .values({ sha256: file.sha256, name: file.name, size: file.size, content: file.content, uploaded_by: file.uploadedBy, uploaded_at: file.at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const row = await db.selectFrom('evidence_file').select(['sha256', 'name', 'size']).where('sha256', '=', file.sha256).executeTakeFirstOrThrow();
  return { sha256: row.sha256, name: row.name, size: Number(row.size) };
}

/** Name and size of the files with these hashes (absent ones are left out). */
export async function filesByHash(db: Kysely<Database> | Transaction<Database>, hashes: readonly string[]): Promise<Map<string, StoredFile>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('evidence_file').select(['sha256', 'name', 'size']).where('sha256', 'in', [...hashes]).execute();
  return new Map(rows.map((r) => [r.sha256, { sha256: r.sha256, name: r.name, size: Number(r.size) }]));
}
