import { describe, expect, it } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { run } from './harness.ts';

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on UnitYear {
        dti {
          completeness score
          mainIndicators { code value status basis conflict systemValue source { system status recordRef } manual { id value evidence { documentSymbol } enteredBy { subject } approvedBy { subject } } }
          missing { kind code status heldBy }
        }
      }
    }
  }
`;

const person = (subject: string) => ({ subject, name: null });
const approved = (indicatorCode: string, value: number, overridesSystemValue = false) => ({
  id: `e-${indicatorCode}`,
  indicatorCode,
  value,
  overridesSystemValue,
  approvedAt: '2026-11-29T10:00:00.000Z',
  evidence: [{ documentSymbol: '12/BC-UBND', documentDate: '2023-12-01', url: null, fileId: null, fileName: null, fileSize: null, note: null }],
  enteredBy: person('editor-1'),
  approvedBy: person('reviewer-1'),
});

interface Main {
  code: string;
  value: number | null;
  status: string;
  basis: string;
  conflict: boolean;
  systemValue: number | null;
  source: { system: string } | null;
}

async function assess(rep: Record<string, unknown>) {
  const result = await run(QUERY, { representations: [rep] });
  expect(result.errors).toBeUndefined();
  const entities = result.data?.['_entities'];
  if (!Array.isArray(entities)) throw new Error('no entities');
  const dti: { completeness: number; mainIndicators: Main[]; missing: { kind: string; code: string; status: string; heldBy: string | null }[] } = entities[0].dti;
  return { dti, main: (code: string) => dti.mainIndicators.find((m) => m.code === code) };
}

describe('UnitYear.dti with approved manual entries', () => {
  it('an approved entry fills a NOT_COLLECTED main indicator with MANUAL provenance; completeness rises; it leaves missing', async () => {
    const before = await assess(fixture.unitYear({ year: 2023, approvedEntries: [] }));
    expect(before.main('922-M-2')).toMatchObject({ value: null, status: 'NOT_COLLECTED' });
    expect(before.dti.missing.find((m) => m.code === '922-M-2')?.heldBy).toEqual(expect.any(String));
    const after = await assess(fixture.unitYear({ year: 2023, approvedEntries: [approved('922-M-2', 0.8)] }));
    expect(after.main('922-M-2')).toMatchObject({ value: 0.8, status: 'OK', basis: 'MANUAL', source: { system: 'MANUAL', status: 'OK', recordRef: 'entry:e-922-M-2' } });
    expect(after.dti.completeness).toBeGreaterThan(before.dti.completeness);
    expect(after.dti.missing.some((m) => m.code === '922-M-2')).toBe(false);
  });

  it('a conflicting manual value is flagged; the system figure is used unless the approval overrides it', async () => {
    const base = await assess(fixture.unitYear({ year: 2023, approvedEntries: [] }));
    const measured = base.dti.mainIndicators.find((m) => m.value !== null);
    if (measured === undefined || measured.value === null) throw new Error('fixture has no measured main indicator');
    const other = measured.value > 0.5 ? 0.1 : 0.9;
    const kept = await assess(fixture.unitYear({ year: 2023, approvedEntries: [approved(measured.code, other)] }));
    expect(kept.main(measured.code)).toMatchObject({ value: measured.value, systemValue: measured.value, conflict: true });
    const overridden = await assess(fixture.unitYear({ year: 2023, approvedEntries: [approved(measured.code, other, true)] }));
    expect(overridden.main(measured.code)).toMatchObject({ value: other, basis: 'MANUAL', conflict: true });
  });

  it('the store down (approvedEntries null): items without a system value are SOURCE_UNAVAILABLE, the rest still answers', async () => {
    const { main, dti } = await assess(fixture.unitYear({ year: 2023, approvedEntries: null }));
    expect(main('922-M-2')?.status).toBe('SOURCE_UNAVAILABLE');
    expect(dti.missing.find((m) => m.code === '922-M-2')?.status).toBe('SOURCE_UNAVAILABLE');
    expect(dti.mainIndicators.some((m) => m.value !== null)).toBe(true);
  });
});
