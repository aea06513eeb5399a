import { figuresOf, sumCounts, undefinedRateNotes } from './figures.ts';
import { coverageOf, deriveStatus, lastDayOf, monthInScope } from './status.ts';
import type { AgencyFigures, DocumentStats, MonthFigures, MonthlyDocumentRow, RecordScope, StatsSnapshot } from './types.ts';

/** How a scope's `code` matches rows: a unit code (UnitYear) or an agency code (Agency.documents). */
export type ScopeMatch = 'unit' | 'agency';

/** What a roll-up needs: the year, whose records, and one upstream answer holding them (and possibly more). */
export interface RollUpInput {
  readonly year: number;
  readonly scopes: readonly RecordScope[];
  readonly match: ScopeMatch;
  readonly snapshot: StatsSnapshot;
}

// One snapshot serves every unit-year (or agency) of a batch: its rows are indexed by year and
// code once, so a roll-up reads its scopes' rows instead of scanning the whole answer per scope.
const indexes = new WeakMap<readonly MonthlyDocumentRow[], Map<string, MonthlyDocumentRow[]>>();

function rowIndex(rows: readonly MonthlyDocumentRow[]): Map<string, MonthlyDocumentRow[]> {
  const cached = indexes.get(rows);
  if (cached !== undefined) return cached;
  const index = new Map<string, MonthlyDocumentRow[]>();
  const add = (key: string, r: MonthlyDocumentRow): void => {
    const group = index.get(key);
    if (group === undefined) index.set(key, [r]);
    else group.push(r);
  };
  for (const r of rows) {
    add(`unit|${r.year}|${r.unitCode}`, r);
    add(`agency|${r.year}|${r.agencyCode}`, r);
  }
  indexes.set(rows, index);
  return index;
}

function rowsOf(input: RollUpInput, scope: RecordScope): MonthlyDocumentRow[] {
  const candidates = rowIndex(input.snapshot.rows).get(`${input.match}|${input.year}|${scope.code}`) ?? [];
  return candidates.filter((r) => monthInScope(input.year, r.month, scope));
}

function groupBy<K>(rows: readonly MonthlyDocumentRow[], key: (r: MonthlyDocumentRow) => K): Map<K, MonthlyDocumentRow[]> {
  const groups = new Map<K, MonthlyDocumentRow[]>();
  for (const r of rows) {
    const group = groups.get(key(r));
    if (group === undefined) groups.set(key(r), [r]);
    else group.push(r);
  }
  return groups;
}

/** The upstream's identifiers for the records a figure is made of. */
export function recordRefOf(year: number, scopes: readonly RecordScope[], match: ScopeMatch): string | null {
  if (scopes.length === 0) return null;
  const field = match === 'unit' ? 'UnitCode' : 'OrganId';
  const parts = scopes.map((s) => `${field}=${s.code} ${s.from.slice(5, 7)}..${s.to.slice(5, 7)}/${year}`);
  return `QLVBĐH statistics/documents/monthly Year=${year}: ${parts.join('; ')}`;
}

/**
 * Rolls a year's figures up from the records of its scopes: counts are summed across scopes,
 * rates recomputed from the summed counts, and the status says whether every scope had its
 * records. Nothing is invented: no records give null figures, never zeros.
 */
export function rollUpDocuments(input: RollUpInput): DocumentStats {
  const { year, scopes, snapshot } = input;
  const perScope = scopes.map((scope) => ({ scope, rows: rowsOf(input, scope) }));
  // No as-of date means nothing was fetched, which only happens when there are no scopes.
  const asOf = snapshot.asOf ?? lastDayOf(year, 12);
  const coverages = perScope.map((p) => coverageOf(p.scope, year, p.rows.map((r) => r.month), asOf));
  const { status, notes } = deriveStatus(coverages, asOf);
  const rows = perScope.flatMap((p) => p.rows);
  const counts = sumCounts(rows);
  if (counts !== null) notes.push(...undefinedRateNotes(counts));

  const contributing = perScope.filter((p) => p.rows.length > 0).map((p) => p.scope);
  const units = new Set(contributing.map((s) => s.unitId));
  const rolledUpFrom = units.size > 1 ? contributing : [];
  if (rolledUpFrom.length > 0) {
    notes.push(`summed from the records of ${[...units].join(', ')}; rates recomputed from the summed counts, not averaged`);
  }

  const months: MonthFigures[] = [...groupBy(rows, (r) => r.month)]
    .sort(([a], [b]) => a - b)
    .map(([month, group]) => ({ year, month, ...figuresOf(sumCounts(group)) }));
  const agencies: AgencyFigures[] = [...groupBy(rows, (r) => r.agencyCode)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agencyCode, group]) => ({ agencyCode, agencyName: group[0]?.agencyName ?? agencyCode, ...figuresOf(sumCounts(group)) }));

  return {
    year,
    ...figuresOf(counts),
    months,
    agencies,
    source: {
      system: 'DOCUMENTS',
      status,
      recordRef: recordRefOf(year, scopes, input.match),
      fetchedAt: snapshot.fetchedAt,
      asOf: snapshot.asOf,
      rolledUpFrom,
      note: notes.length === 0 ? null : notes.join('. '),
    },
  };
}
