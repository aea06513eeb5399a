import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../lib/logging/index.ts';
import { localScope } from '../../../lib/access/index.ts';
import { createApolloServer } from '../../../lib/subgraph/index.ts';
import { createContext, type DtiContext } from '../context.ts';
import { openCatalogueStore } from '../domain/catalogue-store.ts';
import { loadCatalogue, loadPublished } from '../domain/index.ts';
import { loadUnits } from '../domain/units.ts';
import { createSubgraph, loadConfig } from '../index.ts';
import { run } from './harness.ts';

// The units over time and the unit-year key are dti's (reference data, no upstream), so the record
// scopes every source @requires are answered before any upstream call.
describe('units and unit-years (reference data)', () => {
  it('answers units, a unit-year and its record scopes with no upstream', async () => {
    const result = await run(`{
      units(asOf: "2025-07-01") { id }
      unit(code: "56", asOf: "2025-07-01") {
        id name level startKnown
        predecessors { id }
        year(year: 2024) { unitId year rolledUp recordScopes { unitId code name from to } predecessorYears { unitId rolledUp } }
      }
      dataYears { first }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as { units: unknown[]; unit: Record<string, unknown>; dataYears: { first: number } };
    expect(data.units).toHaveLength(34);
    expect(data.dataYears.first).toBe(2020);
    expect(data.unit).toMatchObject({
      id: '56@2025-07-01',
      level: 'PROVINCE',
      startKnown: true,
      predecessors: [{ id: '56@origin' }, { id: '58@origin' }],
      year: {
        unitId: '56@2025-07-01',
        year: 2024,
        rolledUp: true,
        recordScopes: [
          { unitId: '56@origin', code: '56', name: 'Tỉnh Khánh Hòa', from: '2024-01-01', to: '2024-12-31' },
          { unitId: '58@origin', code: '58', name: 'Tỉnh Ninh Thuận', from: '2024-01-01', to: '2024-12-31' },
        ],
        predecessorYears: [{ unitId: '56@origin', rolledUp: false }, { unitId: '58@origin', rolledUp: false }],
      },
    });
  });

  it('resolves a UnitYear key from another subgraph (e.g. a target\'s unit-year) to its unit', async () => {
    const result = await run(`{ _entities(representations: [{ __typename: "UnitYear", unitId: "58@origin", year: 2023 }]) { ... on UnitYear { unit { name } recordScopes { code } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ unit: { name: 'Tỉnh Ninh Thuận' }, recordScopes: [{ code: '58' }] }] });
  });

  it('refuses a year outside the data with BAD_USER_INPUT', async () => {
    const result = await run(`{ unit(code: "56") { year(year: 2019) { unitId } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

// Issue #12: the subgraph protects itself from nesting bombs that slip past the gateway.
describe('units: nesting bombs that reach the subgraph', () => {
  const { schema } = createSubgraph(loadConfig({}), { logger: silentLogger });
  const server = createApolloServer<DtiContext>({ schema, logger: silentLogger });
  const admin = localScope({ subject: 'test-admin', name: null, roles: new Set(['ADMIN']), units: [] });
  // A fresh context per operation, as the server makes one per request: each has its own walk budget.
  const contextValue = () => ({
    ...createContext({
      catalogues: openCatalogueStore({ dir: null, builtIn: loadCatalogue(), builtInCitation: 'built in' }),
      published: loadPublished(),
      identity: () => admin.identity,
      units: loadUnits(),
      unitWalkBudget: 500,
    }),
    access: admin,
  });
  const nest = (levels: number): string => {
    const pairs = Math.floor(levels / 2);
    return `{ unit(code: "56") { ${'predecessors { successors { '.repeat(pairs)}code${' } }'.repeat(pairs)} } }`;
  };
  const gql = async (query: string) => {
    const response = await server.executeOperation({ query }, { contextValue: contextValue() });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };

  it('stops a 38-level predecessors/successors nest at its walk budget instead of computing 2^19 units', async () => {
    const body = await gql(nest(38));
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/walks more than 500 units .*UNIT_WALK_BUDGET/);
  });

  it('still answers a shallow walk', async () => {
    const body = await gql(nest(4));
    expect(body.errors).toBeUndefined();
    expect(JSON.stringify(body.data)).toContain('"code":"56"');
  });
});
