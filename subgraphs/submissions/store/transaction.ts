import type { Kysely, Transaction } from 'kysely';
import { mapStoreError } from './errors.ts';
import type { Database } from './schema.ts';

/**
 * The only `transaction()` call: the whole function commits or nothing does, and driver errors
 * leave as the store's typed errors. Never issue a raw BEGIN elsewhere.
 */
export async function withTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (err) {
    throw mapStoreError(err);
  }
}
