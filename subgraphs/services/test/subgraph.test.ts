import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnit, loadUnitCatalogue, recordScopes, REFERENCE_UNITS_URL, unitsInForce } from '../../../lib/units/index.ts';
import { silentLogger } from '../../../lib/logging/index.ts';
import { startSubgraphStack, unitYearRepresentation } from '../../../lib/testing/index.ts';
import { portalIds, startServicesSimulator } from '../../../simulators/services/index.ts';
import { createSubgraph } from '../index.ts';
import { loadConfig } from '../config.ts';
import { PORTAL_ID_BY_CODE } from '../upstream/portal-ids.ts';

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const TODAY = new Date('2026-11-25T00:00:00Z');

const QUERY = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on UnitYear {
        unitId
        year
        publicServices {
          source { system status recordRef fetchedAt asOf note rolledUpFrom { unitId code from to } }
          proceduresTotal dossiersReceived dossiersOnline onlineDossierRate onTimeRate fullyOnlineProcedureRate digitisedDossierRate onlinePaymentRate
        }
      }
    }
  }
`;

const responseSchema = z.object({
  data: z.object({ _entities: z.array(z.object({ unitId: z.string(), publicServices: z.record(z.string(), z.unknown()).nullable() }).nullable()) }).nullable(),
  errors: z.array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()) })).optional(),
});

/** Representations the router would send for the provinces in force on `on`, for `year`. */
function representations(year: number, on: string) {
  return unitsInForce(units, 'province', on).map((u) => unitYearRepresentation(units, u, year));
}

async function setup() {
  const stack = await startSubgraphStack({
    startSimulator: (port, host) => startServicesSimulator(port, host, { today: TODAY }),
    createSubgraph: (upstreamUrl) =>
      createSubgraph(loadConfig({ PORT: '0', UPSTREAM_URL: upstreamUrl, UPSTREAM_TIMEOUT_MS: '2000' }), {
        logger: silentLogger,
        retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2 },
      }),
  });
  const query = async (r: unknown[]) => responseSchema.parse(await stack.gql(QUERY, { r }));
  const requests = async (): Promise<number> => (await stack.upstreamRequests()).total;
  return { ...stack, query, requests };
}

describe('services subgraph over the real simulator', () => {
  it('resolves 34 provinces for 2024 with exactly one upstream request', async () => {
    await using t = await setup();
    const reps = representations(2024, '2025-07-01');
    expect(reps).toHaveLength(34);
    const body = await t.query(reps);
    expect(body.errors).toBeUndefined();
    const entities = body.data?._entities ?? [];
    expect(entities).toHaveLength(34);
    for (const e of entities) expect(e?.publicServices?.['source']).toMatchObject({ system: 'SERVICES', status: 'OK', asOf: '2024-12-31' });
    expect(await t.requests()).toBe(1);
  });

  it('rolls merged Khánh Hòa up from old Khánh Hòa and Ninh Thuận', async () => {
    await using t = await setup();
    const kh = findUnit(units, '56', '2025-07-01');
    const [khanhHoa] = representations(2024, '2025-07-01').filter((r) => r.unitId === kh?.id);
    const [oldKh, ninhThuan] = ['56', '58'].map((code) => {
      const u = findUnit(units, code, '2024-06-01');
      return { __typename: 'UnitYear', unitId: u?.id, year: 2024, recordScopes: u === undefined ? [] : recordScopes(units, u, '2024-01-01', '2024-12-31') };
    });
    const body = await t.query([khanhHoa, oldKh, ninhThuan]);
    const [merged, a, b] = (body.data?._entities ?? []).map((e) => e?.publicServices ?? {});
    expect(merged?.['dossiersReceived']).toBe(Number(a?.['dossiersReceived']) + Number(b?.['dossiersReceived']));
    expect(merged?.['onlineDossierRate']).toBeCloseTo(
      (Number(a?.['dossiersOnline']) + Number(b?.['dossiersOnline'])) / (Number(a?.['dossiersReceived']) + Number(b?.['dossiersReceived'])),
    );
    const source = z.object({ rolledUpFrom: z.array(z.object({ code: z.string() })), note: z.string() }).parse(merged?.['source']);
    expect(source.rolledUpFrom.map((s) => s.code)).toEqual(['56', '58']);
    expect(source.note).toMatch(/Summed from 2 units/);
    expect(await t.requests()).toBe(1);
  });

  it('answers MISSING (figures null) for a unit-year without record scopes, without calling the portal', async () => {
    await using t = await setup();
    const body = await t.query([{ __typename: 'UnitYear', unitId: '56@2025-07-01', year: 2019, recordScopes: [] }]);
    expect(body.data?._entities[0]?.publicServices).toMatchObject({ dossiersReceived: null, onTimeRate: null, source: { status: 'MISSING' } });
    expect(await t.requests()).toBe(0);
  });

  it('reports UPSTREAM_HTTP_ERROR after retries when the portal answers 500', async () => {
    await using t = await setup();
    await t.fault({ errorRate: 1 });
    const body = await t.query(representations(2024, '2025-07-01').slice(0, 1));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_HTTP_ERROR', system: 'services', upstream: { status: 500 } });
  });

  it('keeps the same portal id table as the portal', () => {
    expect(PORTAL_ID_BY_CODE).toEqual(Object.fromEntries(portalIds()));
  });

  it('fails fast on a bad environment variable, naming it', () => {
    expect(() => loadConfig({ UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS="soon"/);
  });
});
