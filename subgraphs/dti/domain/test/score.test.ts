import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../../lib/errors/index.ts';
import { publishedResult, publishedResultsForYear } from '../published.ts';
import { dtiScore } from '../score.ts';

const M922 = '922/QĐ-BTTTT';
const all922 = (v: number) => Array.from({ length: 9 }, (_, i) => ({ code: `922-M-${i + 1}`, value: v }));

describe('dtiScore', () => {
  it('922: all main indicators at 1 give the full score', () => {
    const s = dtiScore(M922, all922(1));
    expect(s).toMatchObject({ score: 1, maxScore: 1, points: 1000, totalPoints: 1000, completeness: 1, reason: null, confirmed: true });
  });

  it('922: weighted sum over hand-computed values', () => {
    // 100·0.9 + 100·0.8 + 100·0.7 + 100·0.6 + 100·0.5 + 0·1 + 200·0.75 + 150·0.4 + 150·0.2 = 590
    const values = [0.9, 0.8, 0.7, 0.6, 0.5, 1, 0.75, 0.4, 0.2].map((value, i) => ({ code: `922-M-${i + 1}`, value }));
    expect(dtiScore(M922, values).score).toBeCloseTo(0.59, 12);
  });

  it('922: Đô thị thông minh carries no weight', () => {
    const base = all922(0.5);
    const changed = base.map((v) => (v.code === '922-M-6' ? { ...v, value: 0 } : v));
    expect(dtiScore(M922, changed).score).toBe(dtiScore(M922, base).score);
  });

  it('922: a partial set counts only indicators with a value and reports completeness', () => {
    const s = dtiScore(M922, [
      { code: '922-M-1', value: 0.5 },
      { code: '922-M-7', value: 0.8 },
    ]);
    expect(s.points).toBeCloseTo(210, 12);
    expect(s.score).toBeCloseTo(0.21, 12);
    expect(s.coveredPoints).toBe(300);
    expect(s.completeness).toBeCloseTo(0.3, 12);
    expect(s.scoreOnCovered).toBeCloseTo(0.7, 12);
    expect(s.reason).toMatch(/922-M-2/);
  });

  it('922: Đà Nẵng 2023 published HĐ KTS and HĐ XHS give a partial score below the published total', () => {
    const dn = publishedResult(2023, '48');
    const values = (dn?.mainIndicators ?? []).flatMap((m) => (m.value === null ? [] : [{ code: m.code, value: m.value }]));
    expect(values).toHaveLength(2);
    const s = dtiScore(M922, values);
    expect(s.score).toBeCloseTo((150 * 0.7262 + 150 * 0.5881) / 1000, 12);
    expect(s.completeness).toBeCloseTo(0.3, 12);
    expect(s.score ?? 1).toBeLessThan(dn?.score ?? 0);
  });

  it('1726: the weighted pillar values reproduce the published DTI 2020 totals (±0.0001)', () => {
    const rows = publishedResultsForYear(2020).filter((r) => r.score !== null && r.pillars.length === 3 && r.pillars.every((p) => p.value !== null));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      const values = r.pillars.map((p) => ({ code: p.code, value: p.value ?? 0 }));
      const s = dtiScore('1726/QĐ-BTTTT', values);
      expect(Math.abs((s.score ?? 0) - (r.score ?? 0)), r.name).toBeLessThanOrEqual(0.0001);
    }
  });

  it('405: points unconfirmed, so the score is null with a reason', () => {
    const values = Array.from({ length: 8 }, (_, i) => ({ code: `405-M-${i + 1}`, value: 0.7 }));
    const s = dtiScore('405/QĐ-BKHCN', values);
    expect(s.score).toBeNull();
    expect(s.completeness).toBeNull();
    expect(s.confirmed).toBe(false);
    expect(s.reason).toMatch(/unconfirmed/);
    expect(s.itemsWithValue).toBe(8);
    expect(s.contributions.every((c) => c.value === 0.7 && c.points === null)).toBe(true);
  });

  it('no value at all gives a null score, not 0', () => {
    const s = dtiScore(M922, []);
    expect(s.score).toBeNull();
    expect(s.completeness).toBe(0);
  });

  it.each([
    ['unknown methodology', 'QĐ 1/2020', [{ code: '922-M-1', value: 0.5 }]],
    ['unknown indicator', M922, [{ code: '922-M-10', value: 0.5 }]],
    ['indicator of another methodology', M922, [{ code: '405-M-1', value: 0.5 }]],
    ['value above 1', M922, [{ code: '922-M-1', value: 1.2 }]],
    ['negative value', M922, [{ code: '922-M-1', value: -0.1 }]],
    ['NaN', M922, [{ code: '922-M-1', value: Number.NaN }]],
    ['duplicate code', M922, [{ code: '922-M-1', value: 0.1 }, { code: '922-M-1', value: 0.2 }]],
  ])('rejects %s with BAD_USER_INPUT', (_label, methodology, values) => {
    expect(() => dtiScore(methodology, values)).toThrow(BadUserInputError);
    try {
      dtiScore(methodology, values);
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});
