import { addRow, figuresOf, sumCounts, undefinedRateNotes, zeroCounts, type CountsSum } from './figures.ts';
import { coverageOf, deriveStatus, lastDayOf, monthInScope } from './status.ts';
import type { AgencyFigures, DocumentCounts, DocumentStats, MonthFigures, MonthlyDocumentRow, RecordScope, StatsSnapshot } from './types.ts';

/** How a scope's `code` matches rows: a unit code (UnitYear) or an agency code (Agency.documents). */
export type ScopeMatch = 'unit' | 'agency';

/** What a roll-up needs: the year, whose records, and one upstream answer holding them (and possibly more). */
export interface RollUpInput {
  readonly year: number;
  readonly scopes: readonly RecordScope[];
  readonly match: ScopeMatch;
  readonly snapshot: StatsSnapshot;
}

// One snapshot serves every unit-year (or agency) of a batch: its rows are indexed once, by year
// and code and then by month, with each month's counts summed there. A roll-up then reads its
// scopes' months (at most 12 each) instead of their records: the per-record work is done once
// per upstream answer, not once per unit-year asking for it.
interface MonthGroup {
  readonly month: number;
  /** The month's counts, summed while indexing. */
  readonly counts: CountsSum;
}
/** A year and code's rows, in the answer's order, and by month in order of first appearance. */
interface CodeRows {
  readonly rows: MonthlyDocumentRow[];
  readonly months: Map<number, MonthGroup>;
}
// By snapshot, then by how scopes match (each index built only when a roll-up of that kind asks).
const indexes = new WeakMap<readonly MonthlyDocumentRow[], Partial<Record<ScopeMatch, Map<string, CodeRows>>>>();

function addCounts(a: DocumentCounts, b: DocumentCounts): DocumentCounts {
  return {
    incomingCount: a.incomingCount + b.incomingCount,
    outgoingCount: a.outgoingCount + b.outgoingCount,
    outgoingSignedDigitallyCount: a.outgoingSignedDigitallyCount + b.outgoingSignedDigitallyCount,
    sentViaAxisCount: a.sentViaAxisCount + b.sentViaAxisCount,
    receivedViaAxisCount: a.receivedViaAxisCount + b.receivedViaAxisCount,
    workRecordsCount: a.workRecordsCount + b.workRecordsCount,
    workRecordsOnlineCount: a.workRecordsOnlineCount + b.workRecordsOnlineCount,
  };
}

function rowIndex(rows: readonly MonthlyDocumentRow[], match: ScopeMatch): Map<string, CodeRows> {
  let byMatch = indexes.get(rows);
  if (byMatch === undefined) indexes.set(rows, (byMatch = {}));
  const cached = byMatch[match];
  if (cached !== undefined) return cached;
  const index = new Map<string, CodeRows>();
  for (const r of rows) {
    const key = `${r.year}|${match === 'unit' ? r.unitCode : r.agencyCode}`;
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = { rows: [], months: new Map() }));
    code.rows.push(r);
    let group = code.months.get(r.month);
    if (group === undefined) code.months.set(r.month, (group = { month: r.month, counts: zeroCounts() }));
    addRow(group.counts, r);
  }
  byMatch[match] = index;
  return index;
}

/** A scope's share of the answer: its months in scope (in order of first appearance) and their rows. */
interface ScopeRows {
  readonly scope: RecordScope;
  readonly months: readonly MonthGroup[];
  /** The rows of those months, in the answer's order (read only for the per-agency figures). */
  rows(): MonthlyDocumentRow[];
}

function scopeRows(input: RollUpInput, scope: RecordScope): ScopeRows {
  const code = rowIndex(input.snapshot.rows, input.match).get(`${input.year}|${scope.code}`);
  if (code === undefined) return { scope, months: [], rows: () => [] };
  const months = [...code.months.values()].filter((g) => monthInScope(input.year, g.month, scope));
  const inScope = new Set(months.map((g) => g.month));
  return { scope, months, rows: () => (inScope.size === code.months.size ? code.rows : code.rows.filter((r) => inScope.has(r.month))) };
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
  const perScope = scopes.map((scope) => scopeRows(input, scope));
  // No as-of date means nothing was fetched, which only happens when there are no scopes.
  const asOf = snapshot.asOf ?? lastDayOf(year, 12);
  const coverages = perScope.map((p) => coverageOf(p.scope, year, p.months.map((g) => g.month), asOf));
  const { status, notes } = deriveStatus(coverages, asOf);
  // Summed from the months' sums: integer counts, so the order of the additions changes nothing.
  const byMonth = new Map<number, DocumentCounts>();
  for (const p of perScope) {
    for (const g of p.months) {
      const sum = byMonth.get(g.month);
      byMonth.set(g.month, sum === undefined ? g.counts : addCounts(sum, g.counts));
    }
  }
  const counts = byMonth.size === 0 ? null : [...byMonth.values()].reduce(addCounts, zeroCounts());
  if (counts !== null) notes.push(...undefinedRateNotes(counts));

  const contributing = perScope.filter((p) => p.months.length > 0).map((p) => p.scope);
  const units = new Set(contributing.map((s) => s.unitId));
  const rolledUpFrom = units.size > 1 ? contributing : [];
  if (rolledUpFrom.length > 0) {
    notes.push(`summed from the records of ${[...units].join(', ')}; rates recomputed from the summed counts, not averaged`);
  }

  const months: MonthFigures[] = [...byMonth]
    .sort(([a], [b]) => a - b)
    .map(([month, c]) => ({ year, month, ...figuresOf(c) }));
  // Per agency needs the records themselves: worked out only when a query asks for it.
  let agencies: AgencyFigures[] | undefined;
  const agenciesOf = (): AgencyFigures[] =>
    [...groupBy(perScope.flatMap((p) => p.rows()), (r) => r.agencyCode)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agencyCode, group]) => ({ agencyCode, agencyName: group[0]?.agencyName ?? agencyCode, ...figuresOf(sumCounts(group)) }));

  return {
    year,
    ...figuresOf(counts),
    months,
    get agencies(): AgencyFigures[] {
      return (agencies ??= agenciesOf());
    },
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
