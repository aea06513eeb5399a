import { describe, expect, it } from 'vitest';
import { at, gql, sim } from './client.ts';

const SYSTEMS = ['plans', 'documents', 'services', 'labour'] as const;

describe('N+1 bound: 34 provinces cost one upstream request per system', () => {
  it('issue #2 - the 34-province query makes at most one request to each system', async () => {
    const query = /* GraphQL */ `
      query {
        units(level: PROVINCE) {
          code name
          year(year: 2025) {
            documents { __typename source { status } }
            publicServices { __typename source { status } }
            labour { __typename source { status } }
            plans { __typename source { status } }
          }
        }
      }
    `;
    // Warm once (the plans subgraph caches the unit catalogue), then count a second run.
    await gql(query);
    await Promise.all(SYSTEMS.map((s) => sim.resetRequests(s)));
    const res = await gql(query);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'units')).toHaveLength(34);
    const counts = Object.fromEntries(await Promise.all(SYSTEMS.map(async (s) => [s, (await sim.requests(s)).total] as const)));
    for (const s of SYSTEMS) expect(counts[s], `${s} requests`).toBeLessThanOrEqual(1);
    for (const s of ['documents', 'services', 'labour']) expect(counts[s], `${s} requests`).toBe(1);
  });
});
