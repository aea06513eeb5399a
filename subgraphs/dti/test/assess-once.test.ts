import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { run } from './harness.ts';

// Every assessment of a unit-year's figures (its own, and each predecessor's for a merged unit) goes
// through assessFacts: counting its calls counts assessments.
const counted = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../assembly/facts-assessment.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../assembly/facts-assessment.ts')>();
  return {
    ...actual,
    assessFacts: (...args: Parameters<typeof actual.assessFacts>) => {
      counted.calls += 1;
      return actual.assessFacts(...args);
    },
  };
});

const entities = (selection: string): string => /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on UnitYear { ${selection} } }
  }
`;
const BOTH = 'dti { mainIndicators { code value } } systemFigures { indicatorCode value status }';

async function assessments(selection: string, representations: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const result = await run(entities(selection), { representations });
  expect(result.errors).toBeUndefined();
  return result.data?.['_entities'] as Record<string, unknown>[];
}

beforeEach(() => {
  counted.calls = 0;
});

describe('one assessment of the systems figures per unit-year per request', () => {
  it('dti and systemFigures asked together assess the unit-year once, and agree', async () => {
    const [entity] = await assessments(BOTH, [{ ...fixture.unitYear(), approvedEntries: [] }]);
    expect(counted.calls).toBe(1);
    const dti = (entity?.['dti'] as { mainIndicators: { code: string; value: number | null }[] }).mainIndicators;
    const figures = entity?.['systemFigures'] as { indicatorCode: string; value: number | null }[];
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.value).toBe(dti.find((m) => m.code === f.indicatorCode)?.value);
  });

  it('a merged unit: its own figures and each predecessor once, not twice', async () => {
    await assessments('dti { score }', [{ ...fixture.mergedUnitYear(2024), approvedEntries: [] }]);
    const alone = counted.calls;
    expect(alone).toBe(3);
    counted.calls = 0;
    await assessments(BOTH, [{ ...fixture.mergedUnitYear(2024), approvedEntries: [] }]);
    expect(counted.calls).toBe(alone);
  });

  it('either field alone assesses once', async () => {
    await assessments('dti { score }', [{ ...fixture.unitYear(), approvedEntries: [] }]);
    expect(counted.calls).toBe(1);
    counted.calls = 0;
    await assessments('systemFigures { value }', [fixture.unitYear()]);
    expect(counted.calls).toBe(1);
  });

  it('each unit-year of a request is assessed on its own figures, and nothing is kept for the next request', async () => {
    const [a, b] = await assessments('systemFigures { indicatorCode value status }', [fixture.unitYear(), fixture.unitYear({ unitId: '58@origin', labour: null })]);
    expect(counted.calls).toBe(2);
    expect(a?.['systemFigures']).not.toEqual(b?.['systemFigures']);
    await assessments('systemFigures { value }', [fixture.unitYear()]);
    expect(counted.calls).toBe(3);
  });
});
