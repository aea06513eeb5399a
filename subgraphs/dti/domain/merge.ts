import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { IndicatorValue } from './score.ts';

/** A merged province's main-indicator value and how many predecessors it rests on. */
export interface MergedIndicatorValue extends IndicatorValue {
  /** Predecessors that had a value for this indicator. */
  readonly predecessorsWithValue: number;
  readonly predecessorCount: number;
  /** False when some predecessor had no value: the mean is then over the others only. */
  readonly complete: boolean;
}

/**
 * Main-indicator values of a province merged on 2025-07-01: the unweighted mean (trung bình cộng) of its
 * pre-merger provinces' values, per indicator, as DTI 2024 ranks merged provinces (dantri.com.vn,
 * 21/10/2025). `predecessorValues[p]` holds predecessor p's values. Feed the result to `dtiScore`.
 */
export function averageMainIndicators(predecessorValues: readonly (readonly IndicatorValue[])[]): MergedIndicatorValue[] {
  if (predecessorValues.length === 0) {
    throw new BadUserInputError('A merged province needs at least one predecessor', { argument: 'predecessorValues' });
  }
  const sums = new Map<string, { sum: number; n: number }>();
  predecessorValues.forEach((values, p) => {
    const seen = new Set<string>();
    for (const { code, value } of values) {
      if (!Number.isFinite(value) || value < 0 || value > 1) {
        throw new BadUserInputError(`Predecessor ${p}: ${code} = ${value} is not a value from 0 to 1`, { argument: 'predecessorValues' });
      }
      if (seen.has(code)) throw new BadUserInputError(`Predecessor ${p}: ${code} is given twice`, { argument: 'predecessorValues' });
      seen.add(code);
      const acc = sums.get(code) ?? { sum: 0, n: 0 };
      sums.set(code, { sum: acc.sum + value, n: acc.n + 1 });
    }
  });
  const count = predecessorValues.length;
  return [...sums].map(([code, { sum, n }]) => ({
    code,
    value: sum / n,
    predecessorsWithValue: n,
    predecessorCount: count,
    complete: n === count,
  }));
}
