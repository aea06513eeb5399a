import type { UserError } from './types.ts';

export interface ValueInput {
  readonly value?: number | null | undefined;
  readonly numerator?: number | null | undefined;
  readonly denominator?: number | null | undefined;
}

export type ValueResult =
  | { readonly ok: true; readonly value: number; readonly numerator: number | null; readonly denominator: number | null }
  | { readonly ok: false; readonly errors: readonly UserError[] };

const err = (field: string, code: string, message: string): UserError => ({ field, code, message });

/**
 * The rate an entry stores: the value as given (0–1), or numerator ÷ denominator. Both forms given
 * must agree; anything outside the scale is an error, never clamped.
 */
export function rateOf(input: ValueInput): ValueResult {
  const { value, numerator, denominator } = input;
  const hasFraction = numerator !== null && numerator !== undefined && denominator !== null && denominator !== undefined;
  const errors: UserError[] = [];
  if ((numerator === null || numerator === undefined) !== (denominator === null || denominator === undefined)) {
    errors.push(err(numerator === null || numerator === undefined ? 'numerator' : 'denominator', 'INCOMPLETE_FRACTION', 'Give both numerator and denominator, or neither.'));
  }
  if (hasFraction) {
    if (!Number.isFinite(denominator) || denominator <= 0) errors.push(err('denominator', 'OUT_OF_RANGE', `The denominator must be above 0; got ${denominator}.`));
    if (!Number.isFinite(numerator) || numerator < 0) errors.push(err('numerator', 'OUT_OF_RANGE', `The numerator must be 0 or more; got ${numerator}.`));
    if (numerator > denominator) errors.push(err('numerator', 'NUMERATOR_ABOVE_DENOMINATOR', `The numerator ${numerator} is above the denominator ${denominator}.`));
  }
  if (value !== null && value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1)) {
    errors.push(err('value', 'OUT_OF_RANGE', `A value is a rate from 0 to 1 on the published scale; got ${value}.`));
  }
  if (!hasFraction && (value === null || value === undefined) && errors.length === 0) {
    errors.push(err('value', 'REQUIRED', 'Give a value (0–1) or a numerator and denominator.'));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (hasFraction) {
    const derived = numerator / denominator;
    if (value !== null && value !== undefined && Math.abs(value - derived) > 1e-9) {
      return { ok: false, errors: [err('value', 'VALUE_DISAGREES_WITH_FRACTION', `The value ${value} is not ${numerator}/${denominator} = ${derived}.`)] };
    }
    return { ok: true, value: derived, numerator, denominator };
  }
  // Checked above: value is a number here.
  return { ok: true, value: value ?? 0, numerator: null, denominator: null };
}
