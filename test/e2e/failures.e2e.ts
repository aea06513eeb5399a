import { afterEach, describe, expect, it } from 'vitest';
import { at, gql, sim } from './client.ts';

const YEAR = /* GraphQL */ `
  documents { source { status } }
  publicServices { source { status } }
  labour { source { status } }
  plans { source { status } }
`;

function noStackTraces(errors: ReadonlyArray<unknown> | undefined): void {
  for (const e of errors ?? []) {
    expect(JSON.stringify(e)).not.toMatch(/stacktrace|\.ts:\d+|node:internal/i);
  }
}

afterEach(async () => {
  await Promise.all(['plans', 'documents', 'services', 'labour'].map((s) => sim.clearFaults(s)));
});

describe('bad input gets a clear error', () => {
  it('an unknown unit code says so', async () => {
    const res = await gql(`{ unit(code: "99") { name } }`);
    expect(res.errors?.[0]?.message).toMatch(/no administrative unit has code "99"/);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    noStackTraces(res.errors);
  });

  it('a code not in force today points at asOf', async () => {
    const res = await gql(`{ unit(code: "58") { name } }`);
    expect(res.errors?.[0]?.message).toMatch(/Ninh Thuận.*asOf/);
  });

  it('a year outside the data names the range, and the rest of the unit still answers', async () => {
    const res = await gql(`{ unit(code: "56") { name year(year: 2019) { unitId } } }`);
    expect(at(res.data, 'unit', 'name')).toBe('Tỉnh Khánh Hòa');
    expect(res.errors?.[0]?.message).toMatch(/year 2019 is outside the data: the connected systems hold 2020 through \d{4}/);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('a malformed asOf says the expected form', async () => {
    const res = await gql(`{ unit(code: "56", asOf: "31/12/2024") { name } }`);
    expect(res.errors?.[0]?.message).toMatch(/expected YYYY-MM-DD/);
  });

  it('a malformed query is a parse error with its location, status 400', async () => {
    const res = await gql(`{ unit(code: "56" { name } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    noStackTraces(res.errors);
  });

  it('an unknown field is a validation error', async () => {
    const res = await gql(`{ unit(code: "56") { population } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/population/);
  });
});

describe('a failing system yields a partial result', () => {
  it.each([
    ['labour', { down: true }, 'labour', /UPSTREAM_UNAVAILABLE|CIRCUIT_OPEN/],
    ['documents', { malformed: true }, 'documents', /UPSTREAM_BAD_RESPONSE/],
    ['services', { errorRate: 1 }, 'publicServices', /UPSTREAM_HTTP_ERROR|CIRCUIT_OPEN/],
  ] as const)('%s %o: its part is null with a typed error, the rest answers', async (system, faults, field, code) => {
    await sim.faults(system, faults);
    const res = await gql(`{ unit(code: "56") { name year(year: 2024) { ${YEAR} } } }`);
    expect(at(res.data, 'unit', 'name')).toBe('Tỉnh Khánh Hòa');
    expect(at(res.data, 'unit', 'year', field)).toBeNull();
    const err = res.errors?.find((e) => e.extensions?.['system'] === system);
    expect(err, JSON.stringify(res.errors)).toBeDefined();
    expect(String(err?.extensions?.['code'])).toMatch(code);
    for (const other of ['documents', 'publicServices', 'labour', 'plans'].filter((f) => f !== field)) {
      expect(at(res.data, 'unit', 'year', other, 'source', 'status')).toBe('OK');
    }
    noStackTraces(res.errors);
  });

  it('the plan registry down: units cannot be resolved, and the error says which system', async () => {
    await sim.faults('plans', { down: true });
    const res = await gql(`{ unit(code: "56") { name year(year: 2024) { plans { planCount } } } }`);
    // The catalogue is cached, so the unit still resolves; the registry's plans do not.
    expect(at(res.data, 'unit', 'name')).toBe('Tỉnh Khánh Hòa');
    expect(at(res.data, 'unit', 'year', 'plans')).toBeNull();
    expect(res.errors?.some((e) => e.extensions?.['system'] === 'plans')).toBe(true);
  });
});
