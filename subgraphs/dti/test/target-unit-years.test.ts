import { describe, expect, it } from 'vitest';
import { run } from './harness.ts';

// The plans subgraph's target entities carry their unit-years' keys; dti answers the unit-years, with
// the record scopes the sources need, from the key alone (so the planner asks plans nothing in between).
const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on TargetActual { unitYear { unitId year recordScopes { code from to } } }
      ... on TargetTrajectory { unitYears { unitId year recordScopes { code } } }
      ... on TargetsAtRisk { unitYears { unitId year } }
    }
  }
`;

describe('target entities: unit-years from the key', () => {
  it('answers a target-actual unit-year, before a merger rolled up from the predecessors', async () => {
    const result = await run(QUERY, {
      representations: [{ __typename: 'TargetActual', planId: 'p1', targetIndex: 0, year: 2024, unitYearKey: { unitId: '56@2025-07-01', year: 2024 } }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      {
        unitYear: {
          unitId: '56@2025-07-01',
          year: 2024,
          recordScopes: [
            { code: '56', from: '2024-01-01', to: '2024-12-31' },
            { code: '58', from: '2024-01-01', to: '2024-12-31' },
          ],
        },
      },
    ]);
  });

  it('answers a trajectory\'s and an at-risk list\'s unit-years in the key\'s order', async () => {
    const keys = [2021, 2022, 2023].map((year) => ({ unitId: '58@origin', year }));
    const result = await run(QUERY, {
      representations: [
        { __typename: 'TargetTrajectory', planId: 'p1', targetIndex: 2, through: 2023, unitYearKeys: keys },
        { __typename: 'TargetsAtRisk', unitId: '58@origin', through: 2023, unitYearKeys: [...keys].reverse() },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      { unitYears: keys.map((k) => ({ ...k, recordScopes: [{ code: '58' }] })) },
      { unitYears: [...keys].reverse() },
    ]);
  });

  it('an unknown unit: no unit-year for an actual, an error for a list (never a shorter list)', async () => {
    const unknown = { unitId: '99@origin', year: 2023 };
    const actual = await run(QUERY, { representations: [{ __typename: 'TargetActual', planId: 'p1', targetIndex: 0, year: 2023, unitYearKey: unknown }] });
    expect(actual.errors).toBeUndefined();
    expect(actual.data?.['_entities']).toEqual([{ unitYear: null }]);
    const list = await run(QUERY, { representations: [{ __typename: 'TargetTrajectory', planId: 'p1', targetIndex: 0, through: 2023, unitYearKeys: [unknown] }] });
    expect(list.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses a representation without the key\'s unit-year, and a year outside the data', async () => {
    const missing = await run(QUERY, { representations: [{ __typename: 'TargetActual', planId: 'p1', targetIndex: 0, year: 2024 }] });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.message).toContain('unitYearKey');
    const early = await run(QUERY, { representations: [{ __typename: 'TargetActual', planId: 'p1', targetIndex: 0, year: 1990, unitYearKey: { unitId: '58@origin', year: 1990 } }] });
    expect(early.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
