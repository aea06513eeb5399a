import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../../lib/errors/index.ts';
import { assessDti } from '../assess.ts';
import type { DtiInputValue } from '../assess.ts';

const ok = (code: string, value: number): DtiInputValue => ({ code, value, status: 'OK' });
const fullInputs: DtiInputValue[] = [
  ok('DOC_SIGNED_DIGITALLY_RATE', 0.9),
  ok('DOC_SENT_ELECTRONICALLY_RATE', 0.8),
  ok('WORK_RECORDS_ONLINE_RATE', 0.7),
  ok('PS_FULLY_ONLINE_PROCEDURE_RATE', 0.6),
  ok('PS_ONLINE_DOSSIER_RATE', 0.5),
  ok('PS_ON_TIME_RATE', 0.95),
  ok('PS_DIGITISED_DOSSIER_RATE', 0.4),
  ok('PS_ONLINE_PAYMENT_RATE', 0.25),
  ok('LAB_TRAINED_WORKFORCE_RATE', 0.3),
  ok('LAB_DIGITAL_SKILLS_RATE', 0.5),
  ok('PLAN_TASK_COMPLETION_RATE', 0.8),
  ok('PLAN_ADOPTED', 1),
];
const valueOf = (a: ReturnType<typeof assessDti>, code: string) => a.mainIndicators.find((m) => m.code === code)?.value;

describe('assessDti', () => {
  it('2022 (922): estimates main indicators as the mean of mapped inputs and scores them', () => {
    const a = assessDti({ year: 2022, inputs: fullInputs });
    expect(a.methodology).toBe('922/QĐ-BTTTT');
    expect(valueOf(a, '922-M-7')).toBeCloseTo(5.1 / 8, 12);
    expect(valueOf(a, '922-M-4')).toBeCloseTo(0.4, 12);
    expect(valueOf(a, '922-M-9')).toBeCloseTo(0.5, 12);
    // M-1 from PLAN_TASK_COMPLETION_RATE alone; PLAN_ADOPTED feeds nothing, so M-2 has no value.
    expect(valueOf(a, '922-M-1')).toBeCloseTo(0.8, 12);
    expect(a.mainIndicators.find((m) => m.code === '922-M-2')).toMatchObject({ value: null, basis: 'NONE', estimate: false, collectionStatus: 'NOT_COLLECTED', inputsUsed: [] });
    // 100·0.8 + 100·0.4 + 200·0.6375 + 150·0.5 = 322.5 of 1000; covered 100 + 100 + 200 + 150 = 550
    expect(a.score.score).toBeCloseTo(0.3225, 12);
    expect(a.completeness).toBeCloseTo(0.55, 12);
    expect(a.mainIndicators.filter((m) => m.estimate).map((m) => m.code)).toEqual(['922-M-1', '922-M-4', '922-M-7', '922-M-9']);
  });

  it('shows PLAN_ADOPTED as evidence only: value kept, not used, feeds nothing, no effect on the score', () => {
    const a = assessDti({ year: 2022, inputs: fullInputs });
    expect(a.inputs.find((i) => i.code === 'PLAN_ADOPTED')).toMatchObject({
      value: 1,
      status: 'OK',
      used: false,
      feeds: [],
      note: expect.stringMatching(/^Evidence only, not scored: .*922\/QĐ-BTTTT/),
    });
    expect(a.inputs.filter((i) => i.note !== null).map((i) => i.code)).toEqual(['PLAN_ADOPTED']);
    expect(a.mainIndicators.some((m) => m.inputsUsed.includes('PLAN_ADOPTED') || m.inputsUnavailable.includes('PLAN_ADOPTED'))).toBe(false);
    for (const replaced of [ok('PLAN_ADOPTED', 0), { code: 'PLAN_ADOPTED', value: null, status: 'SOURCE_UNAVAILABLE' } satisfies DtiInputValue]) {
      const other = assessDti({ year: 2022, inputs: fullInputs.map((i) => (i.code === 'PLAN_ADOPTED' ? replaced : i)) });
      expect(other.score).toEqual(a.score);
      expect(other.mainIndicators).toEqual(a.mainIndicators);
    }
    const down = assessDti({ year: 2022, inputs: fullInputs.filter((i) => i.code !== 'PLAN_ADOPTED') });
    expect(down.inputs.find((i) => i.code === 'PLAN_ADOPTED')).toMatchObject({ value: null, status: 'MISSING', used: false });
    // Missing evidence is not something the score lacks.
    expect(down.missing.map((m) => m.code)).not.toContain('PLAN_ADOPTED');
    for (const year of [2020, 2024]) {
      expect(assessDti({ year, inputs: fullInputs }).inputs.find((i) => i.code === 'PLAN_ADOPTED')).toMatchObject({ value: 1, used: false, feeds: [] });
    }
  });

  it('lists not-collected main indicators with the body that holds the data', () => {
    const a = assessDti({ year: 2022, inputs: fullInputs });
    const notCollected = a.missing.filter((m) => m.status === 'NOT_COLLECTED');
    expect(notCollected.map((m) => m.code)).toEqual(['922-M-2', '922-M-3', '922-M-5', '922-M-6', '922-M-8']);
    expect(notCollected.every((m) => m.kind === 'MAIN_INDICATOR' && /Bộ KH&CN/.test(m.reason))).toBe(true);
  });

  it('leaves unavailable inputs out of the mean and reports why', () => {
    const inputs = fullInputs.map((i): DtiInputValue =>
      i.code === 'PS_ONLINE_PAYMENT_RATE' ? { code: i.code, value: null, status: 'SOURCE_UNAVAILABLE' } : i,
    );
    const a = assessDti({ year: 2022, inputs: inputs.filter((i) => i.code !== 'LAB_DIGITAL_SKILLS_RATE') });
    expect(valueOf(a, '922-M-7')).toBeCloseTo(4.85 / 7, 12);
    expect(valueOf(a, '922-M-9')).toBeNull();
    const missing = new Map(a.missing.map((m) => [m.code, m]));
    expect(missing.get('PS_ONLINE_PAYMENT_RATE')).toMatchObject({ kind: 'INPUT', status: 'SOURCE_UNAVAILABLE' });
    expect(missing.get('LAB_DIGITAL_SKILLS_RATE')).toMatchObject({ kind: 'INPUT', status: 'MISSING', reason: expect.stringMatching(/not provided/) });
    expect(missing.get('922-M-9')).toMatchObject({ kind: 'MAIN_INDICATOR', status: 'MISSING' });
    // M-1, M-4 (LAB_TRAINED_WORKFORCE_RATE alone) and M-7 have values: (100 + 100 + 200) of 1000
    expect(valueOf(a, '922-M-4')).toBeCloseTo(0.3, 12);
    expect(a.completeness).toBeCloseTo(0.4, 12);
  });

  it('flags a main indicator fed by a stale input', () => {
    const inputs = fullInputs.map((i): DtiInputValue => (i.code === 'PLAN_TASK_COMPLETION_RATE' ? { ...i, status: 'STALE' } : i));
    const a = assessDti({ year: 2023, inputs });
    expect(a.mainIndicators.find((m) => m.code === '922-M-1')).toMatchObject({ value: 0.8, stale: true, estimate: true });
    expect(a.mainIndicators.filter((m) => m.stale).map((m) => m.code)).toEqual(['922-M-1']);
  });

  it('a stale evidence-only input marks no main indicator stale', () => {
    const inputs = fullInputs.map((i): DtiInputValue => (i.code === 'PLAN_ADOPTED' ? { ...i, status: 'STALE' } : i));
    const a = assessDti({ year: 2023, inputs });
    expect(a.mainIndicators.some((m) => m.stale)).toBe(false);
    expect(a.inputs.find((i) => i.code === 'PLAN_ADOPTED')).toMatchObject({ value: 1, status: 'STALE', used: false });
  });

  it('what-if: supplied values replace estimates and fill not-collected indicators', () => {
    const a = assessDti({
      year: 2022,
      inputs: fullInputs,
      suppliedValues: [
        { code: '922-M-2', value: 0.5 },
        { code: '922-M-3', value: 0.5 },
        { code: '922-M-5', value: 0.5 },
        { code: '922-M-8', value: 0.5 },
        { code: '922-M-7', value: 1 },
      ],
    });
    expect(a.mainIndicators.find((m) => m.code === '922-M-7')).toMatchObject({ value: 1, basis: 'SUPPLIED', estimate: false });
    expect(a.mainIndicators.find((m) => m.code === '922-M-2')).toMatchObject({ value: 0.5, basis: 'SUPPLIED' });
    // 322.5 − 127.5 + 200 + 50 (M-2) + 50 (M-3) + 50 (M-5) + 75 (M-8) = 620
    expect(a.score.score).toBeCloseTo(0.62, 12);
    expect(a.completeness).toBe(1);
  });

  it('what-if: raising one input moves the score by its share of the weights', () => {
    const base = assessDti({ year: 2022, inputs: fullInputs }).score.score ?? 0;
    const raised = fullInputs.map((i) => (i.code === 'PS_ONLINE_PAYMENT_RATE' ? ok(i.code, 1) : i));
    const after = assessDti({ year: 2022, inputs: raised }).score.score ?? 0;
    expect(after - base).toBeCloseTo((200 * (0.75 / 8)) / 1000, 12);
  });

  it('2024 (405): main indicators estimated, score null with the reason', () => {
    const a = assessDti({ year: 2024, inputs: fullInputs });
    expect(a.methodology).toBe('405/QĐ-BKHCN');
    expect(valueOf(a, '405-M-6')).toBeCloseTo(5.1 / 8, 12);
    expect(a.score.score).toBeNull();
    expect(a.score.reason).toMatch(/unconfirmed/);
    expect(a.completeness).toBeNull();
  });

  it('2020 (1726): scored on supplied pillar values only', () => {
    const a = assessDti({
      year: 2020,
      inputs: fullInputs,
      suppliedValues: [
        { code: 'CQS', value: 0.4449 },
        { code: 'KTS', value: 0.3668 },
        { code: 'XHS', value: 0.4052 },
      ],
    });
    expect(a.score.score).toBeCloseTo(0.40956, 12);
    expect(a.notes.join(' ')).toMatch(/pillar/);
  });

  it.each<[string, Parameters<typeof assessDti>[0]]>([
    ['year before 2020', { year: 2019, inputs: [] }],
    ['unknown input', { year: 2022, inputs: [ok('PS_MAGIC_RATE', 0.5)] }],
    ['OK without a value', { year: 2022, inputs: [{ code: 'PS_ON_TIME_RATE', value: null, status: 'OK' }] }],
    ['MISSING with a value', { year: 2022, inputs: [{ code: 'PS_ON_TIME_RATE', value: 0.5, status: 'MISSING' }] }],
    ['rate above 1', { year: 2022, inputs: [ok('PS_ON_TIME_RATE', 1.5)] }],
    ['PLAN_ADOPTED not 0/1', { year: 2022, inputs: [ok('PLAN_ADOPTED', 0.5)] }],
    ['duplicate input', { year: 2022, inputs: [ok('PS_ON_TIME_RATE', 0.5), ok('PS_ON_TIME_RATE', 0.6)] }],
    ['supplied value of another methodology', { year: 2022, inputs: [], suppliedValues: [{ code: '405-M-1', value: 0.5 }] }],
  ])('rejects %s with BadUserInputError', (_label, request) => {
    expect(() => assessDti(request)).toThrow(BadUserInputError);
  });
});
