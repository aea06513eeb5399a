import { bilingual } from './messages.ts';
import type { Warning } from './types.ts';

export interface CheckOptions {
  /** Largest change against the same unit's previous year, on the 0–1 scale, that passes without a warning. */
  readonly jumpThreshold: number;
}

/**
 * Plausibility warnings on a value about to be saved (errors, such as a rate above 1, are
 * `rateOf`'s). A warning does not stop a draft; submitting needs each one acknowledged with a
 * justification.
 */
export function warningsFor(value: number, previousYear: { readonly year: number; readonly value: number } | null, options: CheckOptions): Warning[] {
  const warnings: Warning[] = [];
  if (previousYear !== null && Math.abs(value - previousYear.value) > options.jumpThreshold) {
    warnings.push({
      code: 'YEAR_ON_YEAR_JUMP',
      ...bilingual(
        `Giá trị ${value} chênh lệch so với giá trị năm ${previousYear.year} (${previousYear.value}) quá ${options.jumpThreshold}.`,
        `The value ${value} differs from ${previousYear.year}'s ${previousYear.value} by more than ${options.jumpThreshold}.`,
      ),
    });
  }
  return warnings;
}

/** Warnings found that the editor has not acknowledged. */
export function unacknowledged(warnings: readonly string[], acknowledged: readonly string[]): string[] {
  return warnings.filter((w) => !acknowledged.includes(w));
}
