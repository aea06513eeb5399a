import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../../lib/logging/index.ts';
import { STACK_ADMIN, stackMinter, startSubgraphStack, unitYearRepresentation, type SubgraphStack, type UnitYearRepresentation } from '../../../lib/testing/index.ts';
import { findUnit, loadUnitCatalogue, REFERENCE_UNITS_URL, unitsInForce, type AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { startDocumentsSimulator } from '../../../simulators/documents/index.ts';
import { createSubgraph } from '../index.ts';

const today = new Date('2026-11-25T12:00:00Z');
const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const provinces = unitsInForce(units, 'province', '2026-01-01');

/** Simulator plus subgraph over real HTTP, both on free ports; disposing closes both. */
function startStack(): Promise<SubgraphStack> {
  return startSubgraphStack({
    startSimulator: (port, host) => startDocumentsSimulator(port, host, { today }),
    createSubgraph: (upstreamUrl) => createSubgraph({ port: 0, host: '127.0.0.1', upstreamUrl, upstreamTimeoutMs: 2000, upstreamMaxBodyBytes: 32 * 1024 * 1024, logLevel: 'error' }, { logger: silentLogger }),
  });
}

function representation(unit: AdministrativeUnitRecord, year: number): UnitYearRepresentation {
  return unitYearRepresentation(units, unit, year);
}

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on UnitYear {
        unitId
        year
        documents {
          incomingCount
          outgoingCount
          outgoingSignedDigitallyCount
          signedDigitallyRate
          sentElectronicallyRate
          workRecordsOnlineRate
          months { month incomingCount }
          source { system status asOf recordRef note rolledUpFrom { unitId code from to } }
        }
      }
    }
  }
`;

const figures = z.object({ incomingCount: z.number().nullable(), outgoingCount: z.number().nullable(), outgoingSignedDigitallyCount: z.number().nullable(), signedDigitallyRate: z.number().nullable() });
const stats = figures.extend({
  sentElectronicallyRate: z.number().nullable(),
  workRecordsOnlineRate: z.number().nullable(),
  months: z.array(z.object({ month: z.number() })),
  source: z.object({ system: z.string(), status: z.string(), asOf: z.string().nullable(), note: z.string().nullable(), rolledUpFrom: z.array(z.object({ code: z.string() })) }),
});
const entitiesResponse = z.object({
  data: z.object({ _entities: z.array(z.object({ unitId: z.string(), year: z.number(), documents: stats.nullable() })) }),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()) })).optional(),
});

describe('documents subgraph over the real simulator', () => {
  it('resolves 34 provinces for 2024 with exactly one upstream request', async () => {
    await using stack = await startStack();
    await stack.resetRequests();
    const res = entitiesResponse.parse(await stack.gql(ENTITIES, { r: provinces.map((p) => representation(p, 2024)) }));
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(34);
    for (const e of res.data._entities) {
      expect(e.documents?.source.status, e.unitId).toBe('OK');
      expect(e.documents?.signedDigitallyRate).toBeGreaterThan(0);
      expect(e.documents?.signedDigitallyRate).toBeLessThanOrEqual(1);
    }
    expect(await stack.upstreamRequests()).toEqual({ total: 1, byRoute: { statistics: 1 } });
  });

  it('rolls merged Khánh Hòa up from old Khánh Hòa and Ninh Thuận', async () => {
    await using stack = await startStack();
    const merged = findUnit(units, '56', '2026-01-01');
    const old56 = findUnit(units, '56', '2024-06-01');
    const old58 = findUnit(units, '58', '2024-06-01');
    if (merged === undefined || old56 === undefined || old58 === undefined) throw new Error('reference units missing');
    const res = entitiesResponse.parse(await stack.gql(ENTITIES, { r: [merged, old56, old58].map((u) => representation(u, 2024)) }));
    const [m, a, b] = res.data._entities.map((e) => e.documents);
    expect(m?.source.rolledUpFrom.map((s) => s.code)).toEqual(['56', '58']);
    expect(m?.outgoingCount).toBe((a?.outgoingCount ?? NaN) + (b?.outgoingCount ?? NaN));
    const signed = (a?.outgoingSignedDigitallyCount ?? NaN) + (b?.outgoingSignedDigitallyCount ?? NaN);
    expect(m?.signedDigitallyRate).toBeCloseTo(signed / (m?.outgoingCount ?? NaN), 12);
    expect(m?.months).toHaveLength(12);
  });

  it('marks the running year STALE and a year before the records MISSING, with null figures', async () => {
    await using stack = await startStack();
    const hanoi = findUnit(units, '01', '2026-01-01');
    if (hanoi === undefined) throw new Error('reference units missing');
    const res = entitiesResponse.parse(await stack.gql(ENTITIES, { r: [representation(hanoi, 2026), representation(hanoi, 2019)] }));
    const [current, before] = res.data._entities.map((e) => e.documents);
    expect(current?.source).toMatchObject({ status: 'STALE', asOf: '2026-10-31' });
    expect(current?.months).toHaveLength(10);
    expect(before?.source.status).toBe('MISSING');
    expect(before?.incomingCount).toBeNull();
  });

  it('serves agencies: lookup, NOT_FOUND, own statistics, and a unit’s agencies', async () => {
    await using stack = await startStack();
    const res = await stack.gql(/* GraphQL */ `
      {
        agency(code: "56.STTTT") { name kind validTo unit { id } documents(year: 2025) { outgoingCount months { month } source { status } } }
        missing: agency(code: "99.NOPE") { code }
        _entities(representations: [{ __typename: "AdministrativeUnit", id: "58@origin" }]) { ... on AdministrativeUnit { agencies { code name } } }
      }
    `);
    expect(res).toMatchObject({
      data: {
        agency: { name: 'Sở Thông tin và Truyền thông tỉnh Khánh Hòa', kind: 'DEPARTMENT', validTo: '2025-02-28', unit: { id: '56@origin' } },
        missing: null,
        _entities: [{ agencies: expect.arrayContaining([{ code: '58.UBND', name: 'Ủy ban nhân dân tỉnh Ninh Thuận' }]) }],
      },
      errors: [{ path: ['missing'], extensions: { code: 'NOT_FOUND' } }],
    });
    // Sở TT&TT merged away on 1 March 2025: its 2025 records are January and February.
    expect(res).toMatchObject({ data: { agency: { documents: { months: [{ month: 1 }, { month: 2 }], source: { status: 'OK' } } } } });
  });

  it('links plan agency mentions through the TaskAgency entity with one organs call for all of them', async () => {
    await using stack = await startStack();
    await stack.resetRequests();
    const mention = (name: string, unitId: string, onDate: string) => ({ __typename: 'TaskAgency', name, unitId, onDate });
    const res = await stack.gql(
      /* GraphQL */ `
        query ($r: [_Any!]!) { _entities(representations: $r) { ... on TaskAgency { name unitId onDate agency { code name } } } }
      `,
      {
        r: [
          mention('Sở Thông tin và Truyền thông', '49@origin', '2024-06-24'),
          mention('Sở Nội vụ', '49@origin', '2024-06-24'),
          mention('UBND các huyện, thị xã, thành phố', '49@origin', '2024-06-24'),
          mention('Sở Thông tin và Truyền thông', '49@origin', '2025-04-01'),
          mention('Sở Lao động Thương binh và Xã hội', '56@origin', '2022-06-03'),
          mention('Sở Nội vụ', '99@unknown', '2024-06-24'),
        ],
      },
    );
    expect(res).toEqual({
      data: {
        _entities: [
          { name: 'Sở Thông tin và Truyền thông', unitId: '49@origin', onDate: '2024-06-24', agency: { code: '49.STTTT', name: 'Sở Thông tin và Truyền thông tỉnh Quảng Nam' } },
          { name: 'Sở Nội vụ', unitId: '49@origin', onDate: '2024-06-24', agency: { code: '49.SNV', name: 'Sở Nội vụ tỉnh Quảng Nam' } },
          { name: 'UBND các huyện, thị xã, thành phố', unitId: '49@origin', onDate: '2024-06-24', agency: null },
          { name: 'Sở Thông tin và Truyền thông', unitId: '49@origin', onDate: '2025-04-01', agency: null },
          { name: 'Sở Lao động Thương binh và Xã hội', unitId: '56@origin', onDate: '2022-06-03', agency: { code: '56.SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Khánh Hòa' } },
          { name: 'Sở Nội vụ', unitId: '99@unknown', onDate: '2024-06-24', agency: null },
        ],
      },
    });
    expect(await stack.upstreamRequests()).toEqual({ total: 1, byRoute: { organs: 1 } });
  });

  it('rejects a TaskAgency representation without its date', async () => {
    await using stack = await startStack();
    const res = await stack.gql(/* GraphQL */ `{ _entities(representations: [{ __typename: "TaskAgency", name: "Sở Nội vụ", unitId: "49@origin" }]) { ... on TaskAgency { name } } }`);
    expect(res).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('answers the per-agency figures a roll-up works out only when asked, and says cache-control: no-store', async () => {
    await using stack = await startStack();
    const merged = findUnit(units, '56', '2026-01-01');
    if (merged === undefined) throw new Error('reference units missing');
    const token = await (await stackMinter())('documents', STACK_ADMIN);
    const res = await fetch(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on UnitYear { documents { outgoingCount agencies { agencyCode outgoingCount } } } } }',
        variables: { r: [representation(merged, 2024)] },
      }),
    });
    // Nothing a subgraph answers may be cached (as Apollo's cache-control plugin said, without its per-field work).
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = z
      .object({ data: z.object({ _entities: z.array(z.object({ documents: z.object({ outgoingCount: z.number(), agencies: z.array(z.object({ agencyCode: z.string(), outgoingCount: z.number() })) }) })) }) })
      .parse(await res.json());
    const docs = body.data._entities[0]?.documents;
    expect(docs?.agencies.map((a) => a.agencyCode.split('.')[0])).toEqual(expect.arrayContaining(['56', '58']));
    expect(docs?.agencies.reduce((sum, a) => sum + a.outgoingCount, 0)).toBe(docs?.outgoingCount);
  });
});
