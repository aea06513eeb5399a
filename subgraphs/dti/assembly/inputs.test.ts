import { describe, expect, it } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { loadCatalogue, loadPublished } from '../domain/index.ts';
import { assessUnitYear } from './assessment.ts';
import { collectInputs } from './inputs.ts';
import { loadUnits } from '../domain/units.ts';
import { unitYearFactsOf, type UnitYearFacts } from './representation.ts';

const units = loadUnits();
function factsOf(rep: Record<string, unknown>): UnitYearFacts {
  const facts = unitYearFactsOf(rep, units, { first: 2020, last: new Date().getUTCFullYear() });
  if (facts === null) throw new Error(`no unit ${String(rep['unitId'])} in the reference data`);
  return facts;
}

const catalogue = loadCatalogue();
const byCode = (rep: Record<string, unknown>) => new Map(collectInputs(factsOf(rep), catalogue).map((c) => [c.code, c]));

describe('collectInputs', () => {
  it('binds every catalogue input', () => {
    expect([...byCode(fixture.unitYear()).keys()]).toEqual(catalogue.inputs.map((i) => i.code));
  });

  it('reads plan adoption as 1 with at least one plan, 0 with none, and says how', () => {
    expect(byCode(fixture.unitYear()).get('PLAN_ADOPTED')).toMatchObject({ value: 1, status: 'OK', note: expect.stringMatching(/at least one plan/) });
    expect(byCode(fixture.unitYear({ plans: fixture.plans({ planCount: 0 }) })).get('PLAN_ADOPTED')).toMatchObject({ value: 0, status: 'OK' });
  });

  it('reads a source the router sent as null (it failed) as SOURCE_UNAVAILABLE, pointing at the error', () => {
    const facts = factsOf(fixture.unitYear({ documents: null, approvedEntries: null }));
    expect(facts.missing.dti).toEqual([]);
    expect(new Map(collectInputs(facts, catalogue).map((c) => [c.code, c])).get('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({
      status: 'SOURCE_UNAVAILABLE',
      note: expect.stringMatching(/did not answer.*extensions.system "documents"/),
    });
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

describe('the @requires contract (issue #7 item 5)', () => {
  it('a field the router did not send is a broken contract, named with the subgraph that owes it, not an outage', () => {
    const { documents: _d, approvedEntries: _a, ...rest } = fixture.unitYear();
    expect(factsOf(rest).missing.dti).toEqual([
      { path: 'documents', subgraph: 'documents' },
      { path: 'approvedEntries', subgraph: 'submissions' },
    ]);
    expect(() => collectInputs(factsOf(rest), catalogue)).toThrow(/contract/);
  });

  it('a nested field missing inside a present object is named by its path', () => {
    const { asOf: _gone, ...source } = fixture.provenance('LABOUR');
    expect(factsOf(fixture.unitYear({ labour: fixture.labour({ source }) })).missing.dti).toEqual([{ path: 'labour.source.asOf', subgraph: 'labour' }]);
  });

  it("a predecessor's year asks for neither predecessors nor manual entries; its own figures are checked", () => {
    expect(factsOf(fixture.mergedUnitYear(2024)).missing.dti).toEqual([]);
    const { labour: _l, ...p58 } = fixture.predecessorYear('58', 2024);
    expect(factsOf(fixture.mergedUnitYear(2024, { predecessorYears: [fixture.predecessorYear('56', 2024), p58] })).missing.dti).toEqual([
      { path: 'predecessorYears[1].labour', subgraph: 'labour' },
    ]);
  });

  it('each field is judged on its own @requires: the 766 estimate does not need what only dti needs', () => {
    const rep = { __typename: 'UnitYear', unitId: '56@origin', year: 2023, publicServices: fixture.publicServices(), publicServiceIndexCounts: null };
    const facts = factsOf(rep);
    expect(facts.missing.publicServiceIndex766).toEqual([]);
    expect(facts.missing.dti.map((m) => m.path)).toEqual(['documents', 'labour', 'plans', 'predecessorYears', 'approvedEntries']);
  });

  it("a representation shaped like the Hive JS planner's (the chained @requires fields never fetched) names every one of them", () => {
    // The plans subgraph's own fields arrive; documents, publicServices and labour (which themselves
    // @require recordScopes, dti's own) and the submissions field do not.
    const { documents: _d, publicServices: _s, labour: _l, approvedEntries: _a, ...rest } = fixture.unitYear();
    expect(factsOf(rest).missing.dti).toEqual([
      { path: 'documents', subgraph: 'documents' },
      { path: 'publicServices', subgraph: 'services' },
      { path: 'labour', subgraph: 'labour' },
      { path: 'approvedEntries', subgraph: 'submissions' },
    ]);
  });
});

describe('assessUnitYear', () => {
  it('DTI 2020 (1726) is scored on pillar values, which no system gives: null score with the reason', () => {
    const a = assessUnitYear(factsOf(fixture.unitYear({ unitId: '48@origin', year: 2020 })), { catalogue, published: loadPublished() });
    expect(a.methodology).toBe('1726/QĐ-BTTTT');
    expect(a.score).toBeNull();
    expect(a.scoreNote).toMatch(/No value for any weighted item/);
    expect(a.notes.join(' ')).toMatch(/pillar values/);
    expect(a.published).toMatchObject({ score: 0.4874, rank: 1 });
  });

  it('a rolled-up year before 2024 says no published result compares', () => {
    const a = assessUnitYear(factsOf(fixture.mergedUnitYear(2022)), { catalogue, published: loadPublished() });
    expect(a.merger).toMatchObject({ basis: 'ROLLED_UP_INPUTS', rule: null });
    expect(a.merger?.note).toMatch(/not comparable/);
  });

  it('a unit with one own scope is not a merger', () => {
    const a = assessUnitYear(factsOf(fixture.unitYear()), { catalogue, published: loadPublished() });
    expect(a.merger).toBeNull();
  });
});
