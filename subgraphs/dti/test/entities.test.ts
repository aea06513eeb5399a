import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { run } from './harness.ts';
import { listUnits, loadUnits } from '../domain/units.ts';

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on UnitYear {
        unitId
        year
        dti {
          methodology score maxScore completeness scoreNote scoreConfirmed estimate synthetic points totalPoints coveredPoints
          mainIndicators {
            code name nameEn maxPoints value status basis estimate confirmed pointsConfirmed note citation
            predecessorsWithValue predecessorCount predecessorValues { unit { unitId } value status }
          }
          inputs {
            indicator { code name nameEn unit sourceSystem confirmed mappingIsJudgement }
            value status used feeds note
            source { system status recordRef fetchedAt asOf }
          }
          missing { kind code status reason }
          notes
          merger {
            predecessors { unitId name } basis rule ruleCitation ruleConfirmed status note
            predecessorAssessments { unit { unitId name } status unavailableSystems inputsUnavailable note }
          }
          published { score rank confirmed source }
        }
      }
    }
  }
`;

interface Row {
  readonly code: string;
  readonly value: number | null;
  readonly status: string;
  readonly note: string | null;
  readonly basis?: string;
  readonly predecessorsWithValue?: number | null;
  readonly predecessorCount?: number | null;
}

// Reads the assessment of the first entity; graphql() results are plain JSON-like objects.
async function assess(representation: Record<string, unknown>) {
  const result = await run(ENTITIES, { representations: [representation] });
  expect(result.errors).toBeUndefined();
  const entities = (result.data?.['_entities'] ?? []) as Record<string, unknown>[];
  const dti = entities[0]?.['dti'] as Record<string, unknown>;
  const main = dti['mainIndicators'] as Row[];
  const inputs = (dti['inputs'] as (Row & { indicator: { code: string }; source: Record<string, unknown> | null })[]).map((i) => ({ ...i, code: i.indicator.code }));
  return { dti, main: (code: string) => main.find((m) => m.code === code), input: (code: string) => inputs.find((i) => i.code === code) };
}

function codeOf(error: GraphQLFormattedError | undefined): unknown {
  return error?.extensions?.['code'];
}

describe('UnitYear.dti over _entities', () => {
  it('scores a 922 year from full inputs: Σ points × value ÷ 1000 over the main indicators with a value', async () => {
    const { dti, main, input } = await assess(fixture.unitYear());
    expect(dti['methodology']).toBe('922/QĐ-BTTTT');
    // By hand: M-1 has no value (its only input, PLAN_TASK_COMPLETION_RATE, is not collected), M-2 is NOT_COLLECTED
    // (PLAN_ADOPTED is evidence only), M-4 = (0.3+0.2)/2, M-7 = mean of the 8 rates = 5.4/8, M-9 = 0.2.
    expect(main('922-M-1')).toMatchObject({ value: null, status: 'NOT_COLLECTED', basis: 'NONE' });
    expect(main('922-M-2')).toMatchObject({ value: null, status: 'NOT_COLLECTED', basis: 'NONE', estimate: false });
    expect(main('922-M-4')?.value).toBeCloseTo(0.25, 12);
    expect(main('922-M-7')?.value).toBeCloseTo(0.675, 12);
    expect(main('922-M-9')?.value).toBeCloseTo(0.2, 12);
    // 100·0.25 + 200·0.675 + 150·0.2 = 190 of 1000; covered 100 + 200 + 150 = 450
    expect(dti['points']).toBeCloseTo(25 + 135 + 30, 9);
    expect(dti['score']).toBeCloseTo(0.19, 12);
    expect(dti['maxScore']).toBe(1);
    expect(dti['completeness']).toBeCloseTo(0.45, 12);
    expect(dti['estimate']).toBe(true);
    expect(dti['scoreConfirmed']).toBe(false);
    expect(dti['scoreNote']).toMatch(/Partial/);
    expect(main('922-M-3')?.status).toBe('NOT_COLLECTED');
    expect(main('922-M-7')?.status).toBe('OK');
    expect(input('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ value: 0.9, status: 'OK', source: { system: 'DOCUMENTS', recordRef: 'documents:56:2022', asOf: '2022-12-31' } });
    expect(input('PLAN_TASK_COMPLETION_RATE')).toMatchObject({ value: null, status: 'NOT_COLLECTED', source: null });
    expect(input('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ used: true, feeds: ['922-M-7'] });
    // The plan registry's answer is shown as evidence, never scored.
    expect(input('PLAN_ADOPTED')).toMatchObject({ value: 1, status: 'OK', used: false, feeds: [], source: { system: 'PLANS' } });
    expect(input('PLAN_ADOPTED')?.note).toMatch(/^Evidence only, not scored: .*Read as 1 when the plan registry holds at least one plan/);
    expect((dti['missing'] as { code: string }[]).map((m) => m.code)).not.toContain('PLAN_ADOPTED');
    expect(dti['published']).toEqual({ score: null, rank: 41, confirmed: true, source: expect.any(String) });
    expect(dti['synthetic']).toBe(true);
  });

  it('with the labour system down, its inputs are SOURCE_UNAVAILABLE, named, and completeness drops', async () => {
    const { dti, main, input } = await assess(fixture.unitYear({ labour: null }));
    for (const code of ['LAB_TRAINED_WORKFORCE_RATE', 'LAB_DIGITAL_SKILLS_RATE']) {
      const i = input(code);
      expect(i).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE', source: null });
      expect(i?.note).toMatch(/labour/);
    }
    expect(main('922-M-4')).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE' });
    // Only M-7 is left: 200·0.675 = 135 of 1000, covering 200.
    expect(dti['completeness']).toBeCloseTo(0.2, 12);
    expect(dti['completeness']).toBeLessThan(1);
    expect(dti['score']).toBeCloseTo(0.135, 12);
    expect(dti['synthetic']).toBe(false);
    const missing = dti['missing'] as { code: string; status: string }[];
    expect(missing).toContainEqual(expect.objectContaining({ code: 'LAB_DIGITAL_SKILLS_RATE', status: 'SOURCE_UNAVAILABLE' }));
  });

  it('the plan registry answering no plans, or not at all, leaves the score unchanged', async () => {
    const base = await assess(fixture.unitYear());
    for (const plans of [fixture.plans({ planCount: 0 }), null]) {
      const { dti, input } = await assess(fixture.unitYear({ plans }));
      expect(dti['score']).toBe(base.dti['score']);
      expect(dti['mainIndicators']).toEqual(base.dti['mainIndicators']);
      expect(input('PLAN_ADOPTED')).toMatchObject({ used: false, status: plans === null ? 'SOURCE_UNAVAILABLE' : 'OK', value: plans === null ? null : 0 });
      expect(input('PLAN_ADOPTED')?.note).toMatch(/^Evidence only, not scored/);
    }
  });

  it('a value from a MISSING source is not used; a null rate from an OK source is MISSING', async () => {
    const { main, input } = await assess(
      fixture.unitYear({
        documents: fixture.documents({ source: fixture.provenance('DOCUMENTS', { status: 'MISSING', note: 'no records for 2022' }) }),
        publicServices: fixture.publicServices({ onlinePaymentRate: null }),
      }),
    );
    expect(input('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ value: null, status: 'MISSING', note: 'no records for 2022' });
    expect(input('PS_ONLINE_PAYMENT_RATE')).toMatchObject({ value: null, status: 'MISSING' });
    expect(main('922-M-7')?.value).toBeCloseTo((0.5 + 0.6 + 0.95 + 0.65) / 4, 12);
    expect(main('922-M-7')?.status).toBe('PARTIAL');
  });

  it('a STALE source keeps its value and marks the main indicator STALE', async () => {
    const { main, input } = await assess(fixture.unitYear({ labour: fixture.labour({ source: fixture.provenance('LABOUR', { status: 'STALE' }) }) }));
    expect(input('LAB_TRAINED_WORKFORCE_RATE')).toMatchObject({ value: 0.3, status: 'STALE' });
    expect(main('922-M-4')?.status).toBe('STALE');
  });

  it('DTI 2024 (405): main-indicator values are given, the score is null with the reason', async () => {
    const { dti, main } = await assess(fixture.unitYear({ unitId: '01@origin', year: 2024 }));
    expect(dti['methodology']).toBe('405/QĐ-BKHCN');
    expect(dti['score']).toBeNull();
    expect(dti['completeness']).toBeNull();
    expect(dti['scoreNote']).toMatch(/unconfirmed/);
    expect(main('405-M-6')?.value).toBeCloseTo(0.675, 12);
    expect(main('405-M-6')).toMatchObject({ maxPoints: null, pointsConfirmed: false, estimate: true });
    expect(dti['published']).toMatchObject({ score: 0.8241, rank: 1, confirmed: true });
  });

  it('a merged province from DTI 2024 is scored on the mean of its predecessors\' main-indicator values', async () => {
    const { dti, main, input } = await assess(fixture.mergedUnitYear(2024));
    // By hand, each predecessor assessed on its own figures (mean of mapped inputs):
    //   Khánh Hòa: M-6 = 5.4/8 = 0.675, M-4 = (0.3+0.2)/2 = 0.25, M-8 = 0.2
    //   Ninh Thuận: M-6 = (0.7+0.6+0.5+0.3+0.4+0.85+0.45+0.1)/8 = 0.4875, M-4 = (0.1+0.3)/2 = 0.2, M-8 = 0.3
    expect(main('405-M-6')?.value).toBeCloseTo((0.675 + 0.4875) / 2, 12);
    expect(main('405-M-4')?.value).toBeCloseTo(0.225, 12);
    expect(main('405-M-8')?.value).toBeCloseTo(0.25, 12);
    for (const code of ['405-M-4', '405-M-6', '405-M-8']) {
      expect(main(code)).toMatchObject({ basis: 'PREDECESSOR_AVERAGE', status: 'OK', estimate: true, predecessorsWithValue: 2, predecessorCount: 2 });
      expect(main(code)?.note).toMatch(/over 2 of 2: Tỉnh Khánh Hòa \(56@origin\) .*, Tỉnh Ninh Thuận \(58@origin\)/);
    }
    const m6 = (dti['mainIndicators'] as { code: string; predecessorValues: { unit: { unitId: string }; value: number; status: string }[] }[]).find((m) => m.code === '405-M-6');
    expect(m6?.predecessorValues.map((v) => [v.unit.unitId, v.status])).toEqual([['56@origin', 'OK'], ['58@origin', 'OK']]);
    expect(m6?.predecessorValues[1]?.value).toBeCloseTo(0.4875, 12);
    expect(main('405-M-3')).toMatchObject({ value: null, status: 'NOT_COLLECTED', basis: 'NONE', predecessorsWithValue: 0 });
    // 405 points are unconfirmed: still no score.
    expect(dti['score']).toBeNull();
    expect(dti['scoreNote']).toMatch(/unconfirmed/);

    const merger = dti['merger'] as Record<string, unknown> & { predecessors: { unitId: string }[]; note: string; predecessorAssessments: { status: string; note: string | null }[] };
    expect(merger.predecessors.map((p) => p.unitId)).toEqual(['56@origin', '58@origin']);
    expect(merger).toMatchObject({ basis: 'PREDECESSOR_AVERAGE', status: 'OK', ruleConfirmed: false });
    expect(merger['rule']).toMatch(/mean of predecessors/);
    expect(merger['ruleCitation']).toMatch(/dantri\.com\.vn.*\(merged provinces\)/);
    expect(merger.note).toMatch(/Tỉnh Khánh Hòa \(56@origin\), Tỉnh Ninh Thuận \(58@origin\)/);
    expect(merger.note).toMatch(/dantri\.com\.vn/);
    expect(merger.predecessorAssessments.map((p) => [p.status, p.note])).toEqual([['OK', null], ['OK', null]]);
    expect(dti['notes']).toContain(merger.note);

    // The rolled-up inputs stay visible, with their own values, and enter nothing.
    expect(input('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ value: 0.1, status: 'OK', used: false, feeds: ['405-M-6'] });
    expect(input('LAB_TRAINED_WORKFORCE_RATE')).toMatchObject({ value: 0.9, used: false });
    expect(input('LAB_TRAINED_WORKFORCE_RATE')?.note).toMatch(/rolled-up figure, shown for reference/);
    expect((dti['missing'] as { kind: string }[]).every((m) => m.kind === 'MAIN_INDICATOR')).toBe(true);
  });

  it('a predecessor whose labour system did not answer is left out of the labour means, and the note says so', async () => {
    const merged = fixture.mergedUnitYear(2024, { predecessorYears: [fixture.predecessorYear('56', 2024), fixture.predecessorYear('58', 2024, { labour: null })] });
    const { dti, main } = await assess(merged);
    // Khánh Hòa's values alone: M-4 = 0.25, M-8 = 0.2; M-6 is unaffected.
    expect(main('405-M-4')).toMatchObject({ status: 'PARTIAL', basis: 'PREDECESSOR_AVERAGE', predecessorsWithValue: 1, predecessorCount: 2 });
    expect(main('405-M-4')?.value).toBeCloseTo(0.25, 12);
    expect(main('405-M-8')?.value).toBeCloseTo(0.2, 12);
    expect(main('405-M-4')?.note).toMatch(/over 1 of 2: Tỉnh Khánh Hòa \(56@origin\) 0\.25; no value for Tỉnh Ninh Thuận \(58@origin\) \(LAB_TRAINED_WORKFORCE_RATE SOURCE_UNAVAILABLE/);
    expect(main('405-M-6')).toMatchObject({ status: 'OK', predecessorsWithValue: 2 });
    expect(main('405-M-6')?.value).toBeCloseTo((0.675 + 0.4875) / 2, 12);

    const merger = dti['merger'] as { status: string; note: string; predecessorAssessments: { unit: { unitId: string }; status: string; unavailableSystems: string[]; inputsUnavailable: string[]; note: string | null }[] };
    expect(merger.status).toBe('PARTIAL');
    expect(merger.predecessorAssessments[0]).toMatchObject({ status: 'OK', unavailableSystems: [], note: null });
    expect(merger.predecessorAssessments[1]).toMatchObject({
      unit: { unitId: '58@origin' },
      status: 'PARTIAL',
      unavailableSystems: ['LABOUR'],
      inputsUnavailable: ['LAB_TRAINED_WORKFORCE_RATE', 'LAB_DIGITAL_SKILLS_RATE'],
    });
    expect(merger.predecessorAssessments[1]?.note).toMatch(/Tỉnh Ninh Thuận \(58@origin\), 2024: the labour-market information system did not answer .*405-M-4, 405-M-8 are absent from the average/);
    expect(merger.note).toMatch(/Not every predecessor's figures arrived: Tỉnh Ninh Thuận/);
    expect(dti['missing']).toContainEqual(expect.objectContaining({ kind: 'PREDECESSOR', code: '58@origin', status: 'PARTIAL' }));
  });

  it('a predecessor with every source down has no values; the mean is over the other', async () => {
    const down = { documents: null, publicServices: null, labour: null, plans: null };
    const { dti, main } = await assess(fixture.mergedUnitYear(2024, { predecessorYears: [fixture.predecessorYear('56', 2024), fixture.predecessorYear('58', 2024, down)] }));
    expect(main('405-M-6')?.value).toBeCloseTo(0.675, 12);
    expect(main('405-M-6')).toMatchObject({ status: 'PARTIAL', predecessorsWithValue: 1 });
    const merger = dti['merger'] as { status: string; predecessorAssessments: { status: string; unavailableSystems: string[] }[] };
    expect(merger.status).toBe('PARTIAL');
    expect(merger.predecessorAssessments[1]).toMatchObject({ status: 'SOURCE_UNAVAILABLE', unavailableSystems: ['DOCUMENTS', 'SERVICES', 'LABOUR'] });
  });

  it('before DTI 2024 a merged unit is assessed as before: on its rolled-up inputs, predecessors or not', async () => {
    const withPredecessors = await assess(fixture.mergedUnitYear(2023));
    const without = await assess(fixture.mergedUnitYear(2023, { predecessorYears: null }));
    expect(withPredecessors.dti).toEqual(without.dti);
    // Rolled-up M-7: (0.1·3 + 0.5 + 0.6 + 0.95 + 0.65 + 0.3) / 8
    expect(withPredecessors.main('922-M-7')).toMatchObject({ basis: 'ESTIMATE', predecessorsWithValue: null, predecessorCount: null });
    expect(withPredecessors.main('922-M-7')?.value).toBeCloseTo(3.3 / 8, 12);
    expect(withPredecessors.input('DOC_SIGNED_DIGITALLY_RATE')).toMatchObject({ used: true });
    const merger = withPredecessors.dti['merger'] as { basis: string; rule: string | null; status: string | null; note: string };
    expect(merger).toMatchObject({ basis: 'ROLLED_UP_INPUTS', rule: null, status: null });
    expect(merger.note).toMatch(/DTI 2023 was assessed per pre-merger province/);
  });

  it('from DTI 2024, without the predecessors\' figures, falls back to the rolled-up inputs and says why', async () => {
    const { dti, main } = await assess(fixture.mergedUnitYear(2024, { predecessorYears: null }));
    const merger = dti['merger'] as { basis: string; rule: string | null; note: string };
    expect(merger.basis).toBe('ROLLED_UP_INPUTS');
    expect(merger.rule).toMatch(/mean of predecessors/);
    expect(merger.note).toMatch(/did not reach dti.*rolled-up inputs/);
    expect(main('405-M-4')).toMatchObject({ basis: 'ESTIMATE' });
    expect(main('405-M-4')?.value).toBeCloseTo(0.9, 12);
  });

  it('a renamed unit (one predecessor, e.g. Thừa Thiên Huế → Huế) is not a merger: assessed on its figures as before', async () => {
    const scope = { unitId: '46@origin', code: '46', name: 'Tỉnh Thừa Thiên Huế', from: '2024-01-01', to: '2024-12-31' };
    const predecessor = { ...fixture.predecessorYear('56', 2024), unitId: '46@origin', recordScopes: [scope], documents: fixture.documents({ signedDigitallyRate: 0.1 }) };
    const renamed = await assess(fixture.unitYear({ unitId: '46@2025-01-01', year: 2024, recordScopes: [scope], predecessorYears: [predecessor] }));
    const plain = await assess(fixture.unitYear({ unitId: '46@2025-01-01', year: 2024, recordScopes: [scope], predecessorYears: null }));
    expect(renamed.dti).toEqual(plain.dti);
    expect(renamed.dti['merger']).toBeNull();
    expect(renamed.main('405-M-6')).toMatchObject({ basis: 'ESTIMATE' });
  });

  it('a year the merged unit holds records of its own in (merger during the year) is not averaged', async () => {
    const scopes = [
      { unitId: '56@origin', code: '56', name: 'Tỉnh Khánh Hòa', from: '2025-01-01', to: '2025-06-30' },
      { unitId: '58@origin', code: '58', name: 'Tỉnh Ninh Thuận', from: '2025-01-01', to: '2025-06-30' },
      { unitId: '56@2025-07-01', code: '56', name: 'Tỉnh Khánh Hòa', from: '2025-07-01', to: '2025-12-31' },
    ];
    const { dti } = await assess(fixture.mergedUnitYear(2025, { recordScopes: scopes }));
    const merger = dti['merger'] as { basis: string; note: string };
    expect(merger.basis).toBe('ROLLED_UP_INPUTS');
    expect(merger.note).toMatch(/partly before and partly after the merger/);
  });

  it('finds the published result by code and validity (codes are reused)', async () => {
    const merged = await assess(fixture.unitYear({ unitId: '31@2025-07-01', year: 2024, predecessorYears: null }));
    expect(merged.dti['published']).toMatchObject({ score: 0.7857, rank: 3 });
    const before = await assess(fixture.unitYear({ unitId: '31@origin', year: 2024 }));
    expect(before.dti['published']).toBeNull();
  });

  it('answers a batch of 34 unit-years in one _entities call, in order', async () => {
    const provinces = listUnits(loadUnits().units, 'province', '2023-06-30').slice(0, 34);
    expect(provinces).toHaveLength(34);
    const representations = provinces.map((u) => fixture.unitYear({ unitId: u.id, year: 2023 }));
    const result = await run(ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    const entities = (result.data?.['_entities'] ?? []) as { unitId: string; dti: { score: number } }[];
    expect(entities.map((e) => e.unitId)).toEqual(representations.map((r) => r['unitId']));
    expect(entities.every((e) => Math.abs(e.dti.score - 0.19) < 1e-12)).toBe(true);
  });

  it('a @requires field the router did not send is REQUIRES_FIELD_MISSING naming it and its subgraph, not SOURCE_UNAVAILABLE; the next unit-year still answers', async () => {
    const { labour: _l, approvedEntries: _a, ...broken } = fixture.unitYear();
    const result = await run(ENTITIES, { representations: [broken, fixture.unitYear({ unitId: '58@origin', labour: null })] });
    expect(result.errors).toHaveLength(1);
    const error = result.errors?.[0];
    expect(codeOf(error)).toBe('REQUIRES_FIELD_MISSING');
    expect(error?.path).toEqual(['_entities', 0, 'dti']);
    expect(error?.extensions?.['missing']).toEqual([
      { path: 'labour', subgraph: 'labour' },
      { path: 'approvedEntries', subgraph: 'submissions' },
    ]);
    expect(error?.message).toMatch(/^Lỗi hợp đồng @requires.*không phải nguồn dữ liệu ngừng hoạt động.*labour \(labour\), approvedEntries \(submissions\)/);
    expect(error?.extensions?.['messageEn']).toMatch(/contract broken.*not a source outage/);
    const entities = (result.data?.['_entities'] ?? []) as ({ dti: { inputs: { status: string; indicator: { code: string } }[] } | null } | null)[];
    expect(entities[0]?.dti).toBeNull();
    // null (the source failed) is still an outage, read as such.
    expect(entities[1]?.dti?.inputs.find((i) => i.indicator.code === 'LAB_DIGITAL_SKILLS_RATE')?.status).toBe('SOURCE_UNAVAILABLE');
  });

  it('rejects a malformed representation with BAD_USER_INPUT', async () => {
    const result = await run(ENTITIES, { representations: [fixture.unitYear({ year: '2024' })] });
    expect(codeOf(result.errors?.[0])).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/does not match the fields dti requires: year/);
  });

  it('answers null for a unit the reference data does not hold (dti owns the units)', async () => {
    const result = await run(ENTITIES, { representations: [fixture.unitYear({ unitId: '56' }), fixture.unitYear()] });
    expect(result.errors).toBeUndefined();
    const entities = (result.data?.['_entities'] ?? []) as ({ unitId: string } | null)[];
    expect(entities[0]).toBeNull();
    expect(entities[1]?.unitId).toBe('56@origin');
  });

  it("reads each predecessor's figures by position in the reference's predecessors, and refuses a count that differs", async () => {
    const swapped = await assess(fixture.mergedUnitYear(2024, { predecessorYears: [fixture.predecessorYear('56', 2024), fixture.predecessorYear('58', 2024)].map(({ unitId: _u, year: _y, recordScopes: _r, ...figures }) => figures) }));
    const m6 = (swapped.dti['mainIndicators'] as { code: string; predecessorValues: { unit: { unitId: string } }[] }[]).find((m) => m.code === '405-M-6');
    expect(m6?.predecessorValues.map((v) => v.unit.unitId)).toEqual(['56@origin', '58@origin']);
    const result = await run(ENTITIES, { representations: [fixture.mergedUnitYear(2024, { predecessorYears: [fixture.predecessorYear('56', 2024)] })] });
    expect(codeOf(result.errors?.[0])).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/carries 1 predecessor years; the unit has 2/);
  });
});

const INDEX766 = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on UnitYear {
        publicServiceIndex766 {
          score maxScore completeness confirmed estimate status reason
          groups { code name score maxScore }
          indicators { code value points missingReason }
          source { system status }
        }
      }
    }
  }
`;

describe('UnitYear.publicServiceIndex766', () => {
  async function index766(publicServices: unknown) {
    // No 766 counts (null: the portal sent none): the estimate falls back to the monthly statistics.
    const result = await run(INDEX766, { representations: [{ __typename: 'UnitYear', unitId: '56@origin', year: 2023, publicServices, publicServiceIndexCounts: null }] });
    expect(result.errors).toBeUndefined();
    const entities = (result.data?.['_entities'] ?? []) as { publicServiceIndex766: Record<string, unknown> }[];
    return entities[0]?.publicServiceIndex766 ?? {};
  }

  it('estimates the index from the portal counts, flagged unconfirmed', async () => {
    const r = await index766(fixture.publicServices());
    expect(r['maxScore']).toBe(100);
    expect(r['confirmed']).toBe(false);
    expect(r['status']).toBe('OK');
    expect(typeof r['score']).toBe('number');
    const groups = r['groups'] as { code: string; score: number | null; maxScore: number }[];
    expect(groups.map((g) => g.code)).toEqual(['766-G1', '766-G2', '766-G3', '766-G4', '766-G5']);
    expect(groups.reduce((s, g) => s + (g.score ?? 0), 0)).toBeCloseTo(r['score'] as number, 9);
    // A group none of whose indicators has a value is unscored (null), not 0: the portal sends no counts for groups 1 and 5.
    expect(groups.filter((g) => g.score === null).map((g) => g.code)).toEqual(['766-G1', '766-G5']);
    expect(groups.find((g) => g.code === '766-G2')?.score).toBeCloseTo(20 * (34_200 / 36_000), 12);
    const indicators = r['indicators'] as { code: string; value: number | null; missingReason: string | null }[];
    expect(indicators.find((i) => i.code === '766-2.1')?.value).toBeCloseTo(34_200 / 36_000, 12);
    expect(indicators.find((i) => i.code === '766-3.1')?.value).toBeCloseTo(1400 / 1800, 12);
    expect(indicators.find((i) => i.code === '766-1.3')?.missingReason).toMatch(/publishedComplete/);
  });

  it('with the portal down, says so and scores nothing', async () => {
    const r = await index766(null);
    expect(r).toMatchObject({ score: null, status: 'SOURCE_UNAVAILABLE', source: null, confirmed: false });
    expect(r['reason']).toMatch(/services/);
    expect((r['groups'] as unknown[]).length).toBe(5);
  });

  it('with inconsistent counts, reports them rather than failing as bad user input', async () => {
    const r = await index766(fixture.publicServices({ dossiersResolvedOnTime: 40_000 }));
    expect(r).toMatchObject({ score: null, status: 'MISSING' });
    expect(r['reason']).toMatch(/inconsistent/);
  });
});

describe('Query.dtiScore', () => {
  const QUERY = /* GraphQL */ `
    query ($m: String!, $v: [MainIndicatorValueInput!]!) {
      dtiScore(methodology: $m, mainIndicatorValues: $v) { methodology score maxScore completeness reason confirmed contributions { code points } }
    }
  `;

  it('computes the weighted sum by hand for 922', async () => {
    const values = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2].map((value, i) => ({ code: `922-M-${i + 1}`, value }));
    const result = await run(QUERY, { m: '922/QĐ-BTTTT', v: values });
    expect(result.errors).toBeUndefined();
    const s = result.data?.['dtiScore'] as Record<string, unknown>;
    // 100·(1+0.9+0.8+0.7+0.6) + 0·0.5 + 200·0.4 + 150·0.3 + 150·0.2 = 555 of 1000.
    expect(s['score']).toBeCloseTo(0.555, 12);
    expect(s['completeness']).toBe(1);
    expect(s['reason']).toBeNull();
  });

  it('rejects an unknown methodology with BAD_USER_INPUT naming the known ones', async () => {
    const result = await run(QUERY, { m: '999/QĐ-XYZ', v: [] });
    expect(codeOf(result.errors?.[0])).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/922\/QĐ-BTTTT/);
  });

  it('rejects a value outside 0..1 with BAD_USER_INPUT', async () => {
    const result = await run(QUERY, { m: '922/QĐ-BTTTT', v: [{ code: '922-M-1', value: 1.5 }] });
    expect(codeOf(result.errors?.[0])).toBe('BAD_USER_INPUT');
  });
});

describe('Query.dtiCatalogue', () => {
  const QUERY = /* GraphQL */ `
    query ($m: String, $y: Int) {
      dtiCatalogue(methodology: $m, year: $y) {
        version
        methodologies { code totalPoints totalPointsConfirmed mainIndicators { code maxPoints pointsConfirmed confirmed status dataHeldBy citation inputs { code } } }
        inputs { code sourceSystem feeds mappingIsJudgement confirmed }
        index766 { totalPoints groups { code maxPoints confirmed } }
      }
    }
  `;

  it('gives the methodology of a DTI year with NOT_COLLECTED main indicators and their data holders', async () => {
    const result = await run(QUERY, { y: 2024 });
    expect(result.errors).toBeUndefined();
    const cat = result.data?.['dtiCatalogue'] as { methodologies: { code: string; mainIndicators: { code: string; status: string; maxPoints: number | null; inputs: unknown[] }[] }[]; inputs: unknown[] };
    expect(cat.methodologies.map((m) => m.code)).toEqual(['405/QĐ-BKHCN']);
    const m3 = cat.methodologies[0]?.mainIndicators.find((i) => i.code === '405-M-3');
    expect(m3).toMatchObject({ status: 'NOT_COLLECTED', maxPoints: null, inputs: [] });
    expect(cat.methodologies[0]?.mainIndicators.find((i) => i.code === '405-M-2')).toMatchObject({ status: 'NOT_COLLECTED', inputs: [] });
    expect(cat.inputs.length).toBe(12);
    expect(cat.inputs).toContainEqual(expect.objectContaining({ code: 'PLAN_ADOPTED', feeds: [] }));
  });

  it('lists every methodology without arguments', async () => {
    const result = await run(QUERY);
    const cat = result.data?.['dtiCatalogue'] as { methodologies: { code: string }[] };
    expect(cat.methodologies.map((m) => m.code)).toEqual(['1726/QĐ-BTTTT', '922/QĐ-BTTTT', '405/QĐ-BKHCN']);
  });

  it('rejects a methodology that does not govern the year given', async () => {
    const result = await run(QUERY, { m: '922/QĐ-BTTTT', y: 2024 });
    expect(codeOf(result.errors?.[0])).toBe('BAD_USER_INPUT');
  });
});
