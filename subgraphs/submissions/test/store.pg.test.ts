import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../store/migrate.ts';
import { defineStoreSuite } from './store.suite.ts';
import { freshPostgres } from './helpers.ts';

// A real PostgreSQL server (TEST_DATABASE_URL; the development default otherwise). Without one
// this file fails: races and durability are only real here, so it never skips.
defineStoreSuite('PostgreSQL', (onQuery) => freshPostgres(onQuery));

describe('submissions store on a shared PostgreSQL server', () => {
  it("migrates its own schema while another store's migration tables exist in a schema beside it", async () => {
    const other = await freshPostgres();
    const mine = await freshPostgres();
    try {
      await migrateToLatest(other.db, other.engine);
      await migrateToLatest(mine.db, mine.engine);
      expect(await mine.db.selectFrom('entry').select('id').execute()).toEqual([]);
    } finally {
      await mine.close();
      await other.close();
    }
  });
});
