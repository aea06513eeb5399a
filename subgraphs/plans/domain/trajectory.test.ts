import { describe, expect, it } from 'vitest';
import { leastSquaresAt, trajectory, TRAJECTORY_RULES, worstFirst, type YearFigures } from './trajectory.ts';
import type { PlanTarget, Provenance } from './types.ts';

const target = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  index: 0,
  text: '90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng',
  min: 90,
  max: 90,
  unit: 'percent',
  targetYear: 2025,
  level: 'province',
  ...over,
});

const source = (year: number): Provenance => ({
  system: 'DOCUMENTS',
  status: 'OK',
  recordRef: `r${year}`,
  fetchedAt: '2026-11-25T00:00:00Z',
  asOf: `${year}-12-31`,
  rolledUpFrom: [],
  note: null,
});

/** Work-record rates per year, as the documents subgraph sends them (fractions). */
const series = (rates: Record<number, number | null>): YearFigures[] =>
  Object.entries(rates).map(([y, r]) => ({ year: Number(y), figures: { documents: { workRecordsOnlineRate: r, source: source(Number(y)) } } }));

const CODE = 'WORK_RECORDS_ONLINE_RATE';

describe('trajectory of a target', () => {
  it('fits the least-squares line by hand: 40, 45, 47 over 2020–2022 gives slope 3.5 and 58 in 2025', () => {
    // mean year 2021, mean value 44; Σ(dx·dy) = (-1)(-4) + 0 + (1)(3) = 7; Σdx² = 2; slope 3.5; 44 + 3.5·4 = 58.
    expect(leastSquaresAt([{ year: 2020, value: 40 }, { year: 2021, value: 45 }, { year: 2022, value: 47 }], 2025)).toBeCloseTo(58, 10);
  });

  it('AT_RISK when the projection misses by at most 5 points (58 against 60)', () => {
    const t = trajectory(target({ min: 60, max: 60 }), CODE, series({ 2020: 0.4, 2021: 0.45, 2022: 0.47 }));
    expect(t.points.map((p) => [p.year, p.value, p.source?.asOf])).toEqual([
      [2020, 40, '2020-12-31'],
      [2021, 45, '2021-12-31'],
      [2022, 47, '2022-12-31'],
    ]);
    expect(t.projection).toEqual({ year: 2025, value: 58 });
    expect(t.method).toMatch(/least-squares linear/);
    expect(t).toMatchObject({ verdict: 'AT_RISK', shortfall: 2 });
    expect(t.rule).toMatch(/^R6: /);
  });

  it('OFF_TRACK when it misses by more (58 against 70)', () => {
    const t = trajectory(target({ min: 70, max: 70 }), CODE, series({ 2020: 0.4, 2021: 0.45, 2022: 0.47 }));
    expect(t).toMatchObject({ verdict: 'OFF_TRACK', shortfall: 12, projection: { year: 2025, value: 58 } });
    expect(t.rule).toMatch(/^R7: /);
  });

  it('ON_TRACK when the projection meets it, clamped to 100% (50, 60, 70 → 100 in 2025)', () => {
    const t = trajectory(target(), CODE, series({ 2020: 0.5, 2021: 0.6, 2022: 0.7 }));
    expect(t).toMatchObject({ verdict: 'ON_TRACK', projection: { year: 2025, value: 100 }, shortfall: null });
    expect(t.rule).toMatch(/^R5: /);
  });

  it('MET when the latest value meets the target already', () => {
    const t = trajectory(target(), CODE, series({ 2022: 0.8, 2023: 0.92 }));
    expect(t.verdict).toBe('MET');
    expect(t.rule).toMatch(/^R2: /);
  });

  it('OFF_TRACK without projecting when the target year was measured and missed', () => {
    const t = trajectory(target({ targetYear: 2023 }), CODE, series({ 2021: 0.6, 2022: 0.7, 2023: 0.85 }));
    expect(t).toMatchObject({ verdict: 'OFF_TRACK', projection: null, method: null, shortfall: 5 });
    expect(t.rule).toMatch(/^R3: /);
  });

  it('no projection from one point: NOT_MEASURABLE; missing years are shown but not fitted', () => {
    const t = trajectory(target(), CODE, series({ 2021: null, 2022: 0.7 }));
    expect(t.points.map((p) => p.value)).toEqual([null, 70]);
    expect(t).toMatchObject({ verdict: 'NOT_MEASURABLE', projection: null, method: null });
    expect(t.rule).toMatch(/^R4: /);
  });

  it('NOT_MEASURABLE for a target no system measures, or at commune level', () => {
    expect(trajectory(target(), null, series({ 2021: 0.6, 2022: 0.7 })).rule).toMatch(/^R1: /);
    const commune = trajectory(target({ level: 'commune' }), CODE, series({ 2021: 0.6, 2022: 0.7 }));
    expect(commune.verdict).toBe('NOT_MEASURABLE');
    expect(commune.points.every((p) => p.value === null)).toBe(true);
  });

  it('a ceiling target ("dưới 10%") is met below it and projected against it', () => {
    const ceiling = target({ min: null, max: 10 });
    expect(trajectory(ceiling, CODE, series({ 2021: 0.3, 2022: 0.09 })).verdict).toBe('MET');
    // 30, 20 → slope −10 → 2025: 20 − 30 = −10, clamped to 0: meets.
    expect(trajectory(ceiling, CODE, series({ 2021: 0.3, 2022: 0.2 }))).toMatchObject({ verdict: 'ON_TRACK', projection: { value: 0 } });
  });

  it('the rule table ends with a catch-all and every verdict is reachable', () => {
    expect(TRAJECTORY_RULES.at(-1)?.when.kind).toBe('otherwise');
    expect(new Set(TRAJECTORY_RULES.map((r) => r.verdict))).toEqual(new Set(['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'MET', 'NOT_MEASURABLE']));
  });

  it('lists at-risk targets worst first: off track by shortfall, then at risk', () => {
    const mk = (name: string, min: number) => ({ name, trajectory: trajectory(target({ min, max: min }), CODE, series({ 2020: 0.4, 2021: 0.45, 2022: 0.47 })) });
    const ordered = worstFirst([mk('at risk', 60), mk('met', 40), mk('off 12', 70), mk('off 22', 80)]);
    expect(ordered.map((o) => o.name)).toEqual(['off 22', 'off 12', 'at risk']);
  });
});
