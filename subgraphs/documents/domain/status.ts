import { monthEnd } from '../../../lib/units/index.ts';
import type { ProvenanceStatus, RecordScope } from './types.ts';

/** Which closed months a scope needs and which the upstream had. */
export interface ScopeCoverage {
  readonly scope: RecordScope;
  /** Months (1..12) whose records the scope needs and the upstream has closed. */
  readonly expectedMonths: readonly number[];
  readonly foundMonths: readonly number[];
}

/** ISO date of the last day of a month. */
export function lastDayOf(year: number, month: number): string {
  return monthEnd(year, month);
}

/** True when month `month` of `year` belongs to the scope: records are filed by whoever was in force on its last day. */
export function monthInScope(year: number, month: number, scope: Pick<RecordScope, 'from' | 'to'>): boolean {
  const last = lastDayOf(year, month);
  return scope.from <= last && last <= scope.to;
}

/** Coverage of one scope for a year, given the months found for it and the upstream's as-of date. */
export function coverageOf(scope: RecordScope, year: number, foundMonths: readonly number[], asOf: string): ScopeCoverage {
  const expectedMonths: number[] = [];
  for (let m = 1; m <= 12; m++) if (monthInScope(year, m, scope) && lastDayOf(year, m) <= asOf) expectedMonths.push(m);
  return { scope, expectedMonths, foundMonths: [...new Set(foundMonths)].sort((a, b) => a - b) };
}

function label(s: RecordScope): string {
  return `${s.name} (code ${s.code}, ${s.from}..${s.to})`;
}

/** Status of a figure made of these scopes, and notes saying why it is not OK. */
export function deriveStatus(coverages: readonly ScopeCoverage[], asOf: string): { readonly status: ProvenanceStatus; readonly notes: string[] } {
  if (coverages.length === 0) return { status: 'MISSING', notes: ['no unit or agency in force in this period, so no records make up the figures'] };
  const withData = coverages.filter((c) => c.foundMonths.length > 0);
  if (withData.length === 0) {
    return { status: 'MISSING', notes: [`the document system holds no records for ${coverages.map((c) => label(c.scope)).join(', ')}`] };
  }
  const gaps = coverages
    .map((c) => ({ c, missing: c.expectedMonths.filter((m) => !c.foundMonths.includes(m)) }))
    .filter((g) => g.missing.length > 0);
  if (gaps.length > 0) {
    const which = gaps.map((g) => `${label(g.c.scope)} lacks months ${g.missing.join(', ')}`);
    return { status: 'PARTIAL', notes: [`figures cover the other records only: ${which.join('; ')}`] };
  }
  const periodEnd = coverages.reduce((end, c) => (c.scope.to > end ? c.scope.to : end), '');
  if (asOf < periodEnd) {
    return { status: 'STALE', notes: [`the document system has closed figures through ${asOf}; the period runs to ${periodEnd}`] };
  }
  return { status: 'OK', notes: [] };
}
