import type { DossierCounts, MonthlyServiceRecord, ProcedureCounts, PublicServiceFigures, RecordScope, ServiceRates } from './types.ts';
import { deriveStatus } from './status.ts';
import { monthEnd } from '../../../lib/units/index.ts';

type Procedures = PublicServiceFigures['procedures'];
type Dossiers = PublicServiceFigures['dossiers'];

const NO_PROCEDURES: Procedures = { total: null, published: null, fullyOnline: null, partlyOnline: null };
const NO_DOSSIERS: Dossiers = {
  received: null, online: null, resolved: null, resolvedOnTime: null, resolvedLate: null,
  digitised: null, withFees: null, paidOnline: null, satisfactionVotes: null, satisfiedVotes: null,
};
const NO_RATES: ServiceRates = {
  fullyOnlineProcedureRate: null, onlineDossierRate: null, onTimeRate: null, digitisedDossierRate: null, onlinePaymentRate: null, satisfactionRate: null,
};

function sumProcedures(rows: readonly ProcedureCounts[]): ProcedureCounts {
  return rows.reduce((a, b) => ({
    total: a.total + b.total, published: a.published + b.published, fullyOnline: a.fullyOnline + b.fullyOnline, partlyOnline: a.partlyOnline + b.partlyOnline,
  }), { total: 0, published: 0, fullyOnline: 0, partlyOnline: 0 });
}

function sumDossiers(rows: readonly DossierCounts[]): DossierCounts {
  const zero: DossierCounts = {
    received: 0, online: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, digitised: 0, withFees: 0, paidOnline: 0, satisfactionVotes: 0, satisfiedVotes: 0,
  };
  return rows.reduce((a, b) => ({
    received: a.received + b.received, online: a.online + b.online, resolved: a.resolved + b.resolved,
    resolvedOnTime: a.resolvedOnTime + b.resolvedOnTime, resolvedLate: a.resolvedLate + b.resolvedLate, digitised: a.digitised + b.digitised,
    withFees: a.withFees + b.withFees, paidOnline: a.paidOnline + b.paidOnline,
    satisfactionVotes: a.satisfactionVotes + b.satisfactionVotes, satisfiedVotes: a.satisfiedVotes + b.satisfiedVotes,
  }), zero);
}

/** Each rate's numerator and denominator, and what an empty denominator means for the note. */
const RATES: { readonly [K in keyof ServiceRates]: (p: Procedures, d: Dossiers) => readonly [number | null, number | null, string] } = {
  fullyOnlineProcedureRate: (p) => [p.fullyOnline, p.total, 'no procedures in the catalogue'],
  onlineDossierRate: (_p, d) => [d.online, d.received, 'no dossiers received'],
  onTimeRate: (_p, d) => [d.resolvedOnTime, d.resolved, 'no dossiers resolved'],
  digitisedDossierRate: (_p, d) => [d.digitised, d.received, 'no dossiers received'],
  onlinePaymentRate: (_p, d) => [d.paidOnline, d.withFees, 'no dossiers with fees'],
  satisfactionRate: (_p, d) => [d.satisfiedVotes, d.satisfactionVotes, 'no satisfaction votes'],
};

/** The latest month end on or before `iso`: the last cut-off a scope ending that day can require. */
export function lastMonthEndOnOrBefore(iso: string): string {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const end = monthEnd(y, m);
  return end === iso ? end : monthEnd(y, m - 1);
}

export const describe = (s: RecordScope): string => `${s.code} ${s.name} (${s.from}..${s.to})`;

// One upstream answer serves every unit-year of a batch: its records are grouped by code once,
// not scanned once per scope.
// Positions rather than records, so one index serves any record type without a cast.
const byCodeOf = new WeakMap<readonly object[], Map<string, number[]>>();

function recordsByCode<R extends { readonly code: string }>(records: readonly R[]): (code: string) => R[] {
  let index = byCodeOf.get(records);
  if (index === undefined) {
    const built = new Map<string, number[]>();
    records.forEach((r, i) => {
      const group = built.get(r.code);
      if (group === undefined) built.set(r.code, [i]);
      else group.push(i);
    });
    byCodeOf.set(records, built);
    index = built;
  }
  const positions = index;
  return (code) => (positions.get(code) ?? []).flatMap((i) => {
    const r = records[i];
    return r === undefined ? [] : [r];
  });
}

/** A record belongs to the scope filed under its code whose dates hold the record's month end. */
export function recordsOf<R extends Pick<MonthlyServiceRecord, 'code' | 'year' | 'month'>>(scope: RecordScope, records: readonly R[]): R[] {
  return recordsByCode(records)(scope.code).filter((r) => {
    const end = monthEnd(r.year, r.month);
    return scope.from <= end && end <= scope.to;
  });
}

/** The latest of some ISO dates (they compare as strings). */
function latest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

/**
 * Rolls a unit-year up from its record scopes' monthly records. Counts of dossiers sum across
 * scopes and months; the procedure catalogue is a stock, so it is taken at the last month of the
 * scopes that reach furthest into the period (summed when several units end together). Rates are
 * recomputed from the summed counts, never averaged.
 */
export function rollUp(scopes: readonly RecordScope[], records: readonly MonthlyServiceRecord[]): PublicServiceFigures {
  const matched = scopes.map((scope) => ({ scope, rows: recordsOf(scope, records) }));
  const withRecords = matched.filter((m) => m.rows.length > 0);
  const notes: string[] = [];
  const lagging = withRecords.filter((m) => latest(m.rows.map((r) => r.cutOff)) < lastMonthEndOnOrBefore(m.scope.to));
  const status = deriveStatus({ scopes: scopes.length, scopesWithRecords: withRecords.length, stale: lagging.length > 0 });
  const asOf = withRecords.length === 0 ? null : withRecords.flatMap((m) => m.rows.map((r) => r.cutOff)).sort().at(-1) ?? null;

  if (status === 'MISSING') {
    notes.push(scopes.length === 0 ? 'No unit’s records make up this unit-year.' : `The portal holds no records for ${scopes.map(describe).join(', ')}.`);
    return {
      procedures: NO_PROCEDURES,
      dossiers: NO_DOSSIERS,
      rates: NO_RATES,
      provenance: { status, asOf, rolledUpFrom: [], note: notes.join(' ') },
    };
  }
  const missing = matched.filter((m) => m.rows.length === 0);
  if (missing.length > 0) notes.push(`No records for ${missing.map((m) => describe(m.scope)).join(', ')}; figures cover the other scopes only.`);
  for (const m of lagging) {
    const last = m.rows.map((r) => r.cutOff).sort().at(-1) ?? '';
    notes.push(`Records of ${describe(m.scope)} run only to ${last}.`);
  }

  const dossiers = sumDossiers(withRecords.flatMap((m) => m.rows.map((r) => r.dossiers)));
  const lastTo = withRecords.map((m) => m.scope.to).sort().at(-1);
  const stockScopes = withRecords.filter((m) => m.scope.to === lastTo);
  const latestRows = stockScopes.map((m) => m.rows.reduce((a, b) => (b.month > a.month ? b : a)));
  const procedures = sumProcedures(latestRows.map((r) => r.procedures));

  const units = new Set(withRecords.map((m) => m.scope.unitId));
  const rolledUpFrom = units.size > 1 ? withRecords.map((m) => m.scope) : [];
  if (rolledUpFrom.length > 0) {
    notes.push(
      `Summed from ${units.size} units’ records; rates recomputed from the summed counts; procedure counts are the catalogue at ${latestRows
        .map((r) => `${r.code} ${r.cutOff}`)
        .join(' + ')}.`,
    );
  }
  const rate = (name: keyof ServiceRates): number | null => {
    const [num, den, why] = RATES[name](procedures, dossiers);
    if (num !== null && den !== null && den > 0) return num / den;
    notes.push(`${name} is null: ${why}.`);
    return null;
  };
  const rates: ServiceRates = {
    fullyOnlineProcedureRate: rate('fullyOnlineProcedureRate'),
    onlineDossierRate: rate('onlineDossierRate'),
    onTimeRate: rate('onTimeRate'),
    digitisedDossierRate: rate('digitisedDossierRate'),
    onlinePaymentRate: rate('onlinePaymentRate'),
    satisfactionRate: rate('satisfactionRate'),
  };
  return { procedures, dossiers, rates, provenance: { status, asOf, rolledUpFrom, note: notes.length === 0 ? null : notes.join(' ') } };
}
