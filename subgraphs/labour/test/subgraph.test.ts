import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSubgraphStack, unitYearRepresentation, type SubgraphStack, type UnitYearRepresentation } from '../../../lib/testing/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, unitsInForce } from '../../../lib/units/index.ts';
import { startLabourSimulator } from '../../../simulators/labour/index.ts';
import { createSubgraph, loadConfig } from '../index.ts';

const today = new Date('2025-11-20T00:00:00Z');
const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const current = unitsInForce(units, 'province', '2025-11-20');

/** A UnitYear representation as the gateway sends it, scopes as the dti subgraph computes them. */
function representation(code: string, year: number): UnitYearRepresentation {
  const unit = current.find((u) => u.code === code);
  if (unit === undefined) throw new Error(`no current unit ${code}`);
  return unitYearRepresentation(units, unit, year);
}

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on UnitYear {
        unitId
        year
        labour {
          labourForce
          trainedWorkforceRate
          digitalSkillsRate
          underemploymentRate
          synthetic
          source { system status recordRef asOf fetchedAt note rolledUpFrom { code from to } }
        }
      }
    }
  }
`;

const responseSchema = z.object({
  data: z.object({
    _entities: z.array(
      z.object({
        unitId: z.string(),
        labour: z
          .object({
            labourForce: z.number().nullable(),
            trainedWorkforceRate: z.number().nullable(),
            digitalSkillsRate: z.number().nullable(),
            underemploymentRate: z.number().nullable(),
            synthetic: z.boolean(),
            source: z.object({
              system: z.string(),
              status: z.string(),
              recordRef: z.string().nullable(),
              note: z.string().nullable(),
              rolledUpFrom: z.array(z.object({ code: z.string() })),
            }),
          })
          .nullable(),
      }),
    ),
  }),
  errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), extensions: z.record(z.string(), z.unknown()) })).optional(),
});

interface Stack extends SubgraphStack {
  query(representations: readonly UnitYearRepresentation[]): Promise<z.output<typeof responseSchema>>;
}

async function startStack(env: Readonly<Record<string, string>> = {}): Promise<Stack> {
  const stack = await startSubgraphStack({
    startSimulator: (port, host) => startLabourSimulator(port, host, { today }),
    createSubgraph: (upstreamUrl) => createSubgraph(loadConfig({ UPSTREAM_URL: upstreamUrl, LOG_LEVEL: 'error', ...env }), { now: () => today }),
  });
  return { ...stack, query: async (representations) => responseSchema.parse(await stack.gql(QUERY, { representations })) };
}

describe('labour subgraph over the simulator', () => {
  it('answers 34 unit-years of 2024 with exactly one upstream request, merged units rolled up', async () => {
    await using stack = await startStack();
    expect(current).toHaveLength(34);
    const res = await stack.query(current.map((u) => representation(u.code, 2024)));
    expect((await stack.upstreamRequests()).total).toBe(1);
    expect(res.errors).toBeUndefined();
    const entities = res.data._entities;
    expect(entities).toHaveLength(34);
    expect(entities.every((e) => e.labour?.source.status === 'OK' && e.labour.synthetic)).toBe(true);
    const kh = entities.find((e) => e.unitId === '56@2025-07-01')?.labour;
    expect(kh?.source.rolledUpFrom.map((s) => s.code)).toEqual(['56', '58']);
    expect(kh?.source.recordRef).toBe('TTLD-2024-56, TTLD-2024-58');
    expect(kh?.underemploymentRate).toBeNull();
    expect(kh?.trainedWorkforceRate).toBeGreaterThan(0);
    expect(kh?.trainedWorkforceRate).toBeLessThan(1);
    const hn = entities.find((e) => e.unitId.startsWith('01@'))?.labour;
    expect(hn?.source.rolledUpFrom).toEqual([]);
    expect(hn?.underemploymentRate).not.toBeNull();
    expect(hn?.source.system).toBe('LABOUR');
  });

  it('makes one request per year when a batch spans two years', async () => {
    await using stack = await startStack();
    const res = await stack.query([representation('56', 2024), representation('56', 2025), representation('01', 2025)]);
    expect((await stack.upstreamRequests()).total).toBe(2);
    const [y2024, y2025] = res.data._entities;
    expect(y2025?.labour?.source.note).toContain('covers the territory of 56, 58');
    expect(y2025?.labour?.labourForce).toBeGreaterThan(y2024?.labour?.labourForce ?? Infinity);
  });

  it('reports persistent 5xx as UPSTREAM_HTTP_ERROR after retries', async () => {
    await using stack = await startStack();
    await stack.fault({ errorRate: 1 });
    const res = await stack.query([representation('01', 2024)]);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_HTTP_ERROR', system: 'labour', upstream: { status: 503 } });
    expect((await stack.upstreamRequests()).total).toBe(3);
  });

  it('marks a year without reports MISSING and a lagging running year STALE', async () => {
    await using stack = await startStack();
    const res = await stack.query([representation('01', 2019), ...current.map((u) => representation(u.code, 2025))]);
    const [missing, ...y2025] = res.data._entities;
    expect(missing?.labour?.source.status).toBe('MISSING');
    expect(missing?.labour?.labourForce).toBeNull();
    const statuses = new Set(y2025.map((e) => e.labour?.source.status));
    expect(statuses).toEqual(new Set(['OK', 'STALE']));
  });
});
