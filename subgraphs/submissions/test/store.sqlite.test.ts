import { defineStoreSuite } from './store.suite.ts';
import { freshSqlite } from './helpers.ts';

// The embedded engine: one connection, so the concurrency case tests serialisation here; the
// PostgreSQL run of the same suite is where races are real.
defineStoreSuite('embedded SQLite', (onQuery) => Promise.resolve(freshSqlite(onQuery)));
