import type { RecordScope, RollupProvenance } from './types.ts';
import { deriveStatus } from './status.ts';
import { describe, lastMonthEndOnOrBefore, recordsOf } from './rollup.ts';
import { COLUMNS_766, type Count766Field } from '../upstream/schemas766.ts';

/** One province's 766 counts for one month, translated to the official unit code. */
export interface Monthly766Record {
  readonly code: string;
  readonly portalId: string;
  readonly year: number;
  readonly month: number;
  readonly cutOff: string;
  readonly counts: Readonly<Record<Count766Field, number>>;
}

/** A unit-year's 766 counts; every count null when no record backs it. */
export interface Index766Counts {
  readonly counts: Readonly<Record<Count766Field, number | null>>;
  readonly provenance: RollupProvenance;
}

const FIELDS = Object.values(COLUMNS_766);

/**
 * Rolls a unit-year's 766 counts up from its record scopes' months, as `rollUp` does for the
 * monthly statistics: flows summed over months and scopes; stocks (the procedure catalogue, and the
 * cumulative count of online services with a dossier) taken at the last month of the scopes that
 * reach furthest, summed across scopes ending together.
 */
export function rollUp766(scopes: readonly RecordScope[], records: readonly Monthly766Record[]): Index766Counts {
  const matched = scopes.map((scope) => ({ scope, rows: recordsOf(scope, records) }));
  const withRecords = matched.filter((m) => m.rows.length > 0);
  const lagging = withRecords.filter((m) => Math.max(...m.rows.map((r) => Date.parse(r.cutOff))) < Date.parse(lastMonthEndOnOrBefore(m.scope.to)));
  const status = deriveStatus({ scopes: scopes.length, scopesWithRecords: withRecords.length, stale: lagging.length > 0 });
  const asOf = withRecords.flatMap((m) => m.rows.map((r) => r.cutOff)).sort().at(-1) ?? null;
  const notes: string[] = [];
  if (status === 'MISSING') {
    const counts = Object.fromEntries(FIELDS.map(([f]) => [f, null])) as Record<Count766Field, number | null>;
    notes.push(scopes.length === 0 ? 'No unit’s records make up this unit-year.' : `The portal holds no 766 counts for ${scopes.map(describe).join(', ')}.`);
    return { counts, provenance: { status, asOf, rolledUpFrom: [], note: notes.join(' ') } };
  }
  const missing = matched.filter((m) => m.rows.length === 0);
  if (missing.length > 0) notes.push(`No 766 counts for ${missing.map((m) => describe(m.scope)).join(', ')}; figures cover the other scopes only.`);
  for (const m of lagging) notes.push(`766 counts of ${describe(m.scope)} run only to ${m.rows.map((r) => r.cutOff).sort().at(-1) ?? ''}.`);
  const lastTo = withRecords.map((m) => m.scope.to).sort().at(-1);
  const latestRows = withRecords.filter((m) => m.scope.to === lastTo).map((m) => m.rows.reduce((a, b) => (b.month > a.month ? b : a)));
  const allRows = withRecords.flatMap((m) => m.rows);
  const sum = (rows: readonly Monthly766Record[], f: Count766Field): number => rows.reduce((a, r) => a + r.counts[f], 0);
  const counts = Object.fromEntries(FIELDS.map(([f, kind]) => [f, kind === 'stock' ? sum(latestRows, f) : sum(allRows, f)])) as Record<Count766Field, number>;
  const units = new Set(withRecords.map((m) => m.scope.unitId));
  const rolledUpFrom = units.size > 1 ? withRecords.map((m) => m.scope) : [];
  if (rolledUpFrom.length > 0) notes.push(`Summed from ${units.size} units’ 766 counts; catalogue counts at ${latestRows.map((r) => `${r.code} ${r.cutOff}`).join(' + ')}.`);
  return { counts, provenance: { status, asOf, rolledUpFrom, note: notes.length === 0 ? null : notes.join(' ') } };
}
