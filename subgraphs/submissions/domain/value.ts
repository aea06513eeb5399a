import { bilingual } from './messages.ts';
import type { UserError } from './types.ts';

export interface ValueInput {
  readonly value?: number | null | undefined;
  readonly numerator?: number | null | undefined;
  readonly denominator?: number | null | undefined;
}

export type ValueResult =
  | { readonly ok: true; readonly value: number; readonly numerator: number | null; readonly denominator: number | null }
  | { readonly ok: false; readonly errors: readonly UserError[] };

const err = (field: string, code: string, vi: string, en: string): UserError => ({ field, code, ...bilingual(vi, en) });

/**
 * The rate an entry stores: the value as given (0–1), or numerator ÷ denominator. Both forms given
 * must agree; anything outside the scale is an error, never clamped.
 */
export function rateOf(input: ValueInput): ValueResult {
  const { value, numerator, denominator } = input;
  const hasFraction = numerator !== null && numerator !== undefined && denominator !== null && denominator !== undefined;
  const errors: UserError[] = [];
  if ((numerator === null || numerator === undefined) !== (denominator === null || denominator === undefined)) {
    errors.push(err(numerator === null || numerator === undefined ? 'numerator' : 'denominator', 'INCOMPLETE_FRACTION', 'Nhập cả tử số và mẫu số, hoặc không nhập cả hai.', 'Give both numerator and denominator, or neither.'));
  }
  if (hasFraction) {
    if (!Number.isFinite(denominator) || denominator <= 0) errors.push(err('denominator', 'OUT_OF_RANGE', `Mẫu số phải lớn hơn 0; nhận được ${denominator}.`, `The denominator must be above 0; got ${denominator}.`));
    if (!Number.isFinite(numerator) || numerator < 0) errors.push(err('numerator', 'OUT_OF_RANGE', `Tử số phải từ 0 trở lên; nhận được ${numerator}.`, `The numerator must be 0 or more; got ${numerator}.`));
    if (numerator > denominator) errors.push(err('numerator', 'NUMERATOR_ABOVE_DENOMINATOR', `Tử số ${numerator} lớn hơn mẫu số ${denominator}.`, `The numerator ${numerator} is above the denominator ${denominator}.`));
  }
  if (value !== null && value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1)) {
    errors.push(err('value', 'OUT_OF_RANGE', `Giá trị là tỉ lệ từ 0 đến 1 theo thang công bố; nhận được ${value}.`, `A value is a rate from 0 to 1 on the published scale; got ${value}.`));
  }
  if (!hasFraction && (value === null || value === undefined) && errors.length === 0) {
    errors.push(err('value', 'REQUIRED', 'Nhập giá trị (0–1) hoặc tử số và mẫu số.', 'Give a value (0–1) or a numerator and denominator.'));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (hasFraction) {
    const derived = numerator / denominator;
    if (value !== null && value !== undefined && Math.abs(value - derived) > 1e-9) {
      return { ok: false, errors: [err('value', 'VALUE_DISAGREES_WITH_FRACTION', `Giá trị ${value} không bằng ${numerator}/${denominator} = ${derived}.`, `The value ${value} is not ${numerator}/${denominator} = ${derived}.`)] };
    }
    return { ok: true, value: derived, numerator, denominator };
  }
  // Checked above: value is a number here.
  return { ok: true, value: value ?? 0, numerator: null, denominator: null };
}
