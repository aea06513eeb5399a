import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../../lib/errors/index.ts';
import { averageMainIndicators } from '../merge.ts';
import { dtiScore } from '../score.ts';

const values922 = (xs: number[]) => xs.map((value, i) => ({ code: `922-M-${i + 1}`, value }));

describe('averageMainIndicators', () => {
  it('takes the unweighted mean per main indicator', () => {
    const merged = averageMainIndicators([
      [{ code: '405-M-1', value: 0.6 }, { code: '405-M-6', value: 0.9 }],
      [{ code: '405-M-1', value: 0.8 }, { code: '405-M-6', value: 0.5 }],
      [{ code: '405-M-1', value: 1.0 }, { code: '405-M-6', value: 0.4 }],
    ]);
    expect(merged.find((m) => m.code === '405-M-1')?.value).toBeCloseTo(0.8, 12);
    expect(merged.find((m) => m.code === '405-M-6')?.value).toBeCloseTo(0.6, 12);
    expect(merged.every((m) => m.complete && m.predecessorCount === 3)).toBe(true);
  });

  it('flags an indicator some predecessor lacks and averages over the others', () => {
    const merged = averageMainIndicators([[{ code: '405-M-3', value: 0.4 }], []]);
    expect(merged).toEqual([{ code: '405-M-3', value: 0.4, predecessorsWithValue: 1, predecessorCount: 2, complete: false }]);
  });

  it('feeds dtiScore; with weights, the merged score is the mean of the predecessors\' scores', () => {
    const a = values922([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.75, 0.4, 0.2]);
    const b = values922([0.5, 0.6, 0.7, 0.8, 0.9, 0.1, 0.55, 0.6, 0.8]);
    const merged = dtiScore('922/QĐ-BTTTT', averageMainIndicators([a, b]));
    const mean = ((dtiScore('922/QĐ-BTTTT', a).score ?? 0) + (dtiScore('922/QĐ-BTTTT', b).score ?? 0)) / 2;
    expect(merged.score).toBeCloseTo(mean, 12);
    expect(merged.score).toBeCloseTo(0.63, 12);
  });

  it('a merged province under 405 still gets a null score (points unconfirmed)', () => {
    const merged = averageMainIndicators([[{ code: '405-M-1', value: 0.7 }], [{ code: '405-M-1', value: 0.9 }]]);
    expect(dtiScore('405/QĐ-BKHCN', merged).score).toBeNull();
  });

  it.each([
    ['no predecessors', []],
    ['a value outside 0..1', [[{ code: '405-M-1', value: 1.5 }]]],
    ['a duplicate code in one predecessor', [[{ code: '405-M-1', value: 0.5 }, { code: '405-M-1', value: 0.6 }]]],
  ])('rejects %s', (_label, input) => {
    expect(() => averageMainIndicators(input)).toThrow(BadUserInputError);
  });
});
