import { defineStoreSuite } from './store.suite.ts';
import { freshPostgres } from './helpers.ts';

// A real PostgreSQL server (TEST_DATABASE_URL; the development default otherwise). Without one
// this file fails: races and durability are only real here, so it never skips.
defineStoreSuite('PostgreSQL', (onQuery) => freshPostgres(onQuery));
