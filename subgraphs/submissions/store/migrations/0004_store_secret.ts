import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Secrets the store keeps for itself, created with it: every replica sharing the database shares
 * them and nothing is configured. `check-token` keys the HMAC of submission checks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('store_secret')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ store_secret: { name: string; value: string; created_at: string } }>)
    .insertInto('store_secret')
    .values({ name: 'check-token', value: randomBytes(32).toString('hex'), created_at: new Date().toISOString() })
    .execute();
}
