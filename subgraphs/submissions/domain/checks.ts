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

/** What the connected systems say of an entry's main indicator, as the dti subgraph handed it over. */
export interface SystemFigure {
  /** Upper-case system names, comma-separated (e.g. "DOCUMENTS, SERVICES"). */
  readonly system: string;
  /** 0–1; null when the figure could not be had. */
  readonly value: number | null;
  /** Provenance status (OK, PARTIAL, STALE carry a value; SOURCE_UNAVAILABLE, MISSING, NOT_COLLECTED do not). */
  readonly status: string;
  readonly asOf: string | null;
}

/** A 0–1 value as a message shows it: at most four decimals (0.675, not 0.67499999999). */
const shown = (v: number): string => String(Number(v.toFixed(4)));

/** How the Vietnamese screens name each connected system. */
const SYSTEM_VI: Readonly<Record<string, string>> = {
  DOCUMENTS: 'hệ thống quản lý văn bản',
  SERVICES: 'hệ thống giải quyết thủ tục hành chính',
  LABOUR: 'hệ thống thông tin thị trường lao động',
  PLANS: 'hệ thống kế hoạch',
};
const namesVi = (system: string): string =>
  system
    .split(',')
    .map((s) => SYSTEM_VI[s.trim()] ?? s.trim())
    .join(', ');

/**
 * The check of a manual value against the connected systems' figure for the same main indicator:
 * SYSTEM_MISMATCH when they differ by more than `tolerance` (both values in the message),
 * SYSTEM_FIGURE_UNAVAILABLE when the systems' figure could not be had (the editor submits knowing
 * nothing checked the value). Both need acknowledging with a justification, as any warning.
 */
export function systemWarnings(value: number, figure: SystemFigure, tolerance: number): Warning[] {
  if (figure.value === null) {
    return [
      {
        code: 'SYSTEM_FIGURE_UNAVAILABLE',
        ...bilingual(
          `Không lấy được số liệu của ${namesVi(figure.system)} (${figure.status}) để đối chiếu với giá trị nhập tay ${value}.`,
          `The figure of the connected system (${figure.system}) could not be had (${figure.status}) to check the manual value ${value} against.`,
        ),
      },
    ];
  }
  const difference = Math.abs(value - figure.value);
  // Rounded to 12 places so 0.65 − 0.6 (0.05000000000000004 in binary) is at the tolerance, not past it.
  if (Math.round(difference * 1e12) / 1e12 <= tolerance) return [];
  const asOf = figure.asOf === null ? '' : ` (${figure.asOf})`;
  const system = shown(figure.value);
  return [
    {
      code: 'SYSTEM_MISMATCH',
      ...bilingual(
        `Giá trị nhập tay ${shown(value)} khác số liệu của ${namesVi(figure.system)} ${system}${asOf} quá ${tolerance}.`,
        `The manual value ${shown(value)} differs from the connected system's figure ${system}${asOf} (${figure.system}) by more than ${tolerance}.`,
      ),
    },
  ];
}
