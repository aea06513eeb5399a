import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../../lib/errors/index.ts';
import { index766, index766Weights } from '../index766.ts';
import type { Index766Stats } from '../index766.ts';

const stats: Index766Stats = {
  unitCode: '48',
  year: 2024,
  procedures: {
    total: 100, announced: 10, announcedOnTime: 9, publicisationRequired: 20, publicisedOnTime: 20, published: 100,
    publishedComplete: 95, withOnlineService: 60, onlineServices: 60, onlineServicesWithDossiers: 30, feeBearing: 40,
    feeBearingWithOnlinePayment: 40,
  },
  dossiers: {
    received: 1000, handled: 1000, handledOnTime: 950, syncedToNationalPortal: 1000, receivedOnline: 400, completed: 800,
    totalProcessingDays: 4000, feeBearing: 500, feeBearingZeroAmount: 100, paidOnline: 200, writtenResultRequired: 500,
    electronicResult: 250, digitised: 600, reusedDigitisedData: 200, linkedToCitizenData: 100, forCitizens: 800,
    usingPopulationData: 400, withComplaintOrDislike: 20,
  },
  feedback: { total: 50, classified: 50, handledOnTime: 45, dissatisfiedOrOverdue: 5 },
};

describe('index766', () => {
  it('estimate weights keep confirmed points and split each group\'s remainder, totalling 100', () => {
    const w = index766Weights();
    expect([...w.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(w.get('766-1.2')).toBe(4);
    expect(w.get('766-1.1')).toBeCloseTo(14 / 3, 12);
    expect(w.get('766-2.1')).toBe(20);
    expect(w.get('766-2.2')).toBe(0);
    expect(w.get('766-3.1')).toBeCloseTo(4.4, 12);
    expect(w.get('766-5.4')).toBe(6);
    expect(w.get('766-5.1')).toBe(4);
  });

  it('computes a hand-checked case', () => {
    const r = index766(stats);
    const group = (code: string) => r.groups.find((g) => g.code === code)?.points;
    const ind = (code: string) => r.indicators.find((i) => i.code === code);
    // G1: 14/3·0.9 + 4·1 + 14/3·0.95 + 14/3·1 = 17.3
    expect(group('766-G1')).toBeCloseTo(17.3, 10);
    // G2: 20 · 0.95
    expect(group('766-G2')).toBeCloseTo(19, 10);
    expect(ind('766-2.2')).toMatchObject({ value: 5, points: null });
    // G3: 3.1 0.6/0.8→0.75; 3.2 0.5; 3.3 0.4·1 /0.5→0.8; 3.5 1; 3.6 200/400 = 0.5 → 4.4·(0.75+0.5+0.8+1+0.5) = 15.62
    expect(ind('766-3.6')?.value).toBeCloseTo(0.5, 12);
    expect(group('766-G3')).toBeCloseTo(15.62, 10);
    // G4: 4.4·(0.5 + 0.75 + 0.25 + 0.1 + 0.5) = 9.24
    expect(group('766-G4')).toBeCloseTo(9.24, 10);
    // G5: 4·1 + 4·0.9 + 4·0.9 + 6·min(1, (1 − (50 + 20)/1000)/0.9) = 17.2
    expect(ind('766-5.4')?.value).toBeCloseTo(0.93, 12);
    expect(group('766-G5')).toBeCloseTo(17.2, 10);
    expect(r.points).toBeCloseTo(78.36, 10);
    expect(r.completeness).toBeCloseTo(1, 12);
    expect(r.confirmed).toBe(false);
  });

  it('reports indicators the source lacks as missing and lowers completeness', () => {
    const r = index766({
      unitCode: '48',
      year: 2024,
      procedures: { total: 100, withOnlineService: 80 },
      dossiers: { received: 1000, handled: 1000, handledOnTime: 900, receivedOnline: 300 },
    });
    const ind = (code: string) => r.indicators.find((i) => i.code === code);
    expect(ind('766-3.1')).toMatchObject({ value: 0.8, attainment: 1 });
    expect(ind('766-3.3')?.note).toMatch(/sync-rate factor omitted/);
    expect(ind('766-4.2')).toMatchObject({ value: null, missingReason: expect.stringMatching(/dossiers.digitised/) });
    // 3.1, 3.3 (4.4 each) and 2.1 (20) have values: 4.4·1 + 4.4·(0.3/0.5) + 20·0.9
    expect(r.completeness).toBeCloseTo(0.288, 12);
    expect(r.points).toBeCloseTo(4.4 + 2.64 + 18, 10);
  });

  it('keeps the conflicts of group 3 in the result', () => {
    const g3 = index766(stats).groups.find((g) => g.code === '766-G3');
    expect(g3).toMatchObject({ maxPoints: 22, maxPointsConfirmed: false });
    expect(g3?.conflicts.join(' ')).toMatch(/TTTT/);
  });

  it.each<[string, Index766Stats]>([
    ['a numerator above its denominator', { ...stats, dossiers: { ...stats.dossiers, handledOnTime: 1001 } }],
    ['a negative count', { ...stats, procedures: { ...stats.procedures, total: -1 } }],
    ['a fractional count', { ...stats, dossiers: { ...stats.dossiers, received: 10.5 } }],
  ])('rejects %s', (_label, bad) => {
    expect(() => index766(bad)).toThrow(BadUserInputError);
  });
});
