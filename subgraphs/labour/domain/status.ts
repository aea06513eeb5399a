import type { ProvenanceStatus, RecordScope } from './types.ts';

/** Last day of the month before `now` (ISO): the latest date an upstream can have closed figures for. */
export function lastClosedDay(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

/**
 * The as-of date figures for these scopes must reach to be current: the end of the period, or the
 * last closed day when the period is still running. Null when there is nothing to cover.
 */
export function requiredAsOf(scopes: readonly RecordScope[], now: Date): string | null {
  if (scopes.length === 0) return null;
  const end = scopes.reduce((max, s) => (s.to > max ? s.to : max), scopes[0]?.to ?? '');
  const closed = lastClosedDay(now);
  return end < closed ? end : closed;
}

/** What status derivation looks at. */
export interface StatusInput {
  readonly scopes: number;
  readonly covered: number;
  /** Earliest date the used reports run to; null when none was used. */
  readonly asOf: string | null;
  readonly required: string | null;
}

/** OK when every scope has its report; PARTIAL when some lack one; MISSING when none; STALE when all are there but too old. */
export function deriveStatus(input: StatusInput): ProvenanceStatus {
  if (input.scopes === 0 || input.covered === 0) return 'MISSING';
  if (input.covered < input.scopes) return 'PARTIAL';
  if (input.asOf !== null && input.required !== null && input.asOf < input.required) return 'STALE';
  return 'OK';
}
