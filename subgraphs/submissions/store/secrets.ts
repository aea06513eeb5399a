import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The key of submission-check tokens (created by migration 0004 with the store; the same for every replica). */
export async function checkTokenKey(db: Kysely<Database>): Promise<Uint8Array> {
  const row = await db.selectFrom('store_secret').select('value').where('name', '=', 'check-token').executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}
