import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createUpstreamTokenMinter,
  GATEWAY_PUBLIC_KEY_VAR,
  generateGatewayKeys,
  identityFromClaims,
  indexUnits,
  scopeOf,
  type UnitIndex,
} from '../../../lib/access/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../../../lib/units/index.ts';
import type { AccessGate } from '../access.ts';
import { createDatabase, type StoreDatabase } from '../store/db.ts';

export const UNITS: UnitIndex = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
export const TODAY = '2026-11-29';

/** A caller with these roles over these unit codes, as the gateway would hand it over. */
export function gateOf(sub: string, roles: string[], units: string[]): AccessGate {
  return { scope: scopeOf(identityFromClaims({ sub, roles, units, name: `Người ${sub}` }), UNITS, TODAY), units: UNITS };
}

/** The real PostgreSQL the tests run against; without one the PostgreSQL suite fails, it never skips. */
export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A store in a fresh schema of the test PostgreSQL; close() drops it. */
export async function freshPostgres(onQuery?: (sql: string) => void, poolSize = 10): Promise<StoreDatabase> {
  const url = testDatabaseUrl();
  const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = createDatabase({ databaseUrl: url, dataDir: '', searchPath: schema, poolSize, ...(onQuery === undefined ? {} : { onQuery }) });
  return {
    ...store,
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** An embedded store in a fresh temporary folder; close() removes it. */
export function freshSqlite(onQuery?: (sql: string) => void): StoreDatabase & { readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'submissions-'));
  const store = createDatabase({ databaseUrl: null, dataDir: dir, ...(onQuery === undefined ? {} : { onQuery }) });
  return {
    ...store,
    dir,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Stands in for the gateway towards a subgraph process: a fresh key pair (the public half for the
 * subgraph's environment) and signed per-request tokens for a caller, as the gateway mints them.
 */
export async function actAsGateway(): Promise<{ readonly env: Record<string, string>; headers(sub: string | null, roles?: string[], units?: string[]): Promise<Record<string, string>> }> {
  const keys = await generateGatewayKeys();
  const mint = await createUpstreamTokenMinter(keys.privateJwk);
  return {
    env: { [GATEWAY_PUBLIC_KEY_VAR]: keys.publicJwk },
    headers: async (sub, roles = ['EDITOR'], units = ['01']) => ({
      'content-type': 'application/json',
      authorization: `Bearer ${await mint('submissions', sub === null ? null : identityFromClaims({ sub, roles, units }))}`,
    }),
  };
}
