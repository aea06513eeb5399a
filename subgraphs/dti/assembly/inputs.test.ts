import { describe, expect, it } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { loadCatalogue, loadPublished } from '../domain/index.ts';
import { assessUnitYear } from './assessment.ts';
import { collectInputs } from './inputs.ts';
import { unitYearFactsOf } from './representation.ts';

const catalogue = loadCatalogue();
const byCode = (rep: Record<string, unknown>) => new Map(collectInputs(unitYearFactsOf(rep), catalogue).map((c) => [c.code, c]));

describe('collectInputs', () => {
  it('binds every catalogue input', () => {
    expect([...byCode(fixture.unitYear()).keys()]).toEqual(catalogue.inputs.map((i) => i.code));
  });

  it('reads plan adoption as 1 with at least one plan, 0 with none, and says how', () => {
    expect(byCode(fixture.unitYear()).get('PLAN_ADOPTED')).toMatchObject({ value: 1, status: 'OK', note: expect.stringMatching(/at least one plan/) });
    expect(byCode(fixture.unitYear({ plans: fixture.plans({ planCount: 0 }) })).get('PLAN_ADOPTED')).toMatchObject({ value: 0, status: 'OK' });
  });

  it('treats a field the router did not send like an unavailable source, saying so', () => {
    const { documents: _omitted, ...rest } = fixture.unitYear();
    expect(byCode(rest).get('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ status: 'SOURCE_UNAVAILABLE', note: expect.stringMatching(/sent no documents/) });
  });

  it('refuses a rate outside 0..1 from a source instead of failing the assessment', () => {
    const c = byCode(fixture.unitYear({ documents: fixture.documents({ signedDigitallyRate: 1.2 }) })).get('DOC_SIGNED_DIGITALLY_RATE');
    expect(c).toMatchObject({ value: null, status: 'MISSING', note: expect.stringMatching(/outside 0..1/) });
  });

  it('hands the domain the system and as-of date', () => {
    expect(byCode(fixture.unitYear()).get('LAB_DIGITAL_SKILLS_RATE')?.domain).toEqual({
      code: 'LAB_DIGITAL_SKILLS_RATE',
      value: 0.2,
      status: 'OK',
      source: { system: 'labour', asOf: '2022-12-31' },
    });
  });
});

describe('assessUnitYear', () => {
  it('DTI 2020 (1726) is scored on pillar values, which no system gives: null score with the reason', () => {
    const a = assessUnitYear(unitYearFactsOf(fixture.unitYear({ unitId: '48@origin', year: 2020 })), { catalogue, published: loadPublished() });
    expect(a.methodology).toBe('1726/QĐ-BTTTT');
    expect(a.score).toBeNull();
    expect(a.scoreNote).toMatch(/No value for any weighted item/);
    expect(a.notes.join(' ')).toMatch(/pillar values/);
    expect(a.published).toMatchObject({ score: 0.4874, rank: 1 });
  });

  it('a rolled-up year before 2024 says no published result compares', () => {
    const a = assessUnitYear(unitYearFactsOf(fixture.mergedUnitYear(2022)), { catalogue, published: loadPublished() });
    expect(a.merger).toMatchObject({ basis: 'ROLLED_UP_INPUTS', rule: null });
    expect(a.merger?.note).toMatch(/not comparable/);
  });

  it('a unit with one own scope is not a merger', () => {
    const a = assessUnitYear(unitYearFactsOf(fixture.unitYear()), { catalogue, published: loadPublished() });
    expect(a.merger).toBeNull();
  });
});
