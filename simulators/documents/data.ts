import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';
import { agenciesOf, type SeedAgency } from '../shared/agencies.ts';
import { intBetween, seeded } from '../shared/random.ts';
import { FIRST_YEAR, lastClosedMonth, lastDayOfMonth, provincesFilingMonth, seedUnits } from '../shared/units.ts';

/** An agency as the document system's organ directory knows it: the seed plus its unit's start of validity. */
export interface Organ extends SeedAgency {
  /** ISO date the agency's administrative unit came into force, null before the simulated period. */
  readonly unitValidFrom: string | null;
}

/** One agency's document statistics for one month. */
export interface MonthlyStats {
  readonly organ: Organ;
  readonly year: number;
  readonly month: number;
  readonly incoming: number;
  readonly outgoing: number;
  readonly outgoingSigned: number;
  readonly sentViaAxis: number;
  readonly receivedViaAxis: number;
  readonly workRecords: number;
  readonly workRecordsOnline: number;
  /** ISO date the month was closed in the system. */
  readonly updated: string;
}

const organsByUnit = new Map<string, Organ[]>();

/** The organs (agencies) of one unit over its whole validity, memoised. */
export function organsOf(unit: AdministrativeUnitRecord): Organ[] {
  let organs = organsByUnit.get(unit.id);
  if (organs === undefined) {
    organs = agenciesOf(unit).map((a) => ({ ...a, unitValidFrom: unit.validFrom }));
    organsByUnit.set(unit.id, organs);
  }
  return organs;
}

/** Every organ of every province the simulator knows, ordered by unit code then organ code. */
export function allOrgans(): Organ[] {
  return seedUnits()
    .flatMap((u) => organsOf(u))
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.code.localeCompare(b.code));
}

function inForce(organ: Organ, day: string): boolean {
  return (organ.validFrom === null || organ.validFrom <= day) && (organ.validTo === null || day <= organ.validTo);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

// Typical monthly incoming volume by kind; the Office of the People's Committee handles the most paper.
const VOLUME: Record<SeedAgency['kind'], readonly [number, number]> = {
  office: [900, 1600],
  'people-committee': [500, 900],
  department: [150, 450],
  inspectorate: [40, 120],
};

function statsFor(unit: AdministrativeUnitRecord, organ: Organ, year: number, month: number): MonthlyStats {
  // Province traits: how far ahead its digital transformation is (±0.12 on every rate).
  const province = seeded('documents', 'province', unit.code);
  const maturity = (province() - 0.5) * 0.24;
  const [lo, hi] = VOLUME[organ.kind];
  const size = intBetween(seeded('documents', 'organ', organ.code), lo, hi);
  const r = seeded('documents', organ.code, year, month);
  const t = year - FIRST_YEAR + (month - 1) / 12;
  const season = month <= 2 ? 0.8 : month === 12 ? 1.25 : 1;
  const noise = (): number => (r() - 0.5) * 0.06;

  const incoming = Math.round(size * season * (0.85 + 0.3 * r()));
  const outgoing = Math.round(incoming * (0.45 + 0.25 * r()));
  const signedRate = clamp(0.4 + 0.1 * t + maturity + noise(), 0.05, 0.995);
  const axisRate = clamp(0.5 + 0.08 * t + maturity + noise(), 0.05, 0.995);
  const onlineRate = clamp(0.15 + 0.12 * t + maturity + noise(), 0.02, 0.97);
  const workRecords = Math.round(incoming * (0.25 + 0.15 * r()));
  const closed = new Date(Date.UTC(year, month, 3 + intBetween(r, 0, 6)));
  return {
    organ,
    year,
    month,
    incoming,
    outgoing,
    outgoingSigned: Math.round(outgoing * signedRate),
    sentViaAxis: Math.round(outgoing * axisRate),
    receivedViaAxis: Math.round(incoming * clamp(axisRate + noise(), 0.05, 1)),
    workRecords,
    workRecordsOnline: Math.round(workRecords * onlineRate),
    updated: closed.toISOString().slice(0, 10),
  };
}

/** Which records a statistics query asks for; an absent filter means "all". */
export interface StatsFilter {
  readonly year: number;
  readonly unitCodes?: ReadonlySet<string>;
  readonly organIds?: ReadonlySet<string>;
}

/** ISO date of the last closed day on `today`: the figures are valid up to it. */
export function reportDate(today: Date): string {
  const closed = lastClosedMonth(today);
  return lastDayOfMonth(closed.year, closed.month);
}

/**
 * Monthly statistics rows for a year, filed under the unit code in force each month (code 56 in
 * 2024 is old Khánh Hòa, from July 2025 the merged one; a merged-away province files nothing after
 * it ceased). Months after the last closed month have no rows. Pure and deterministic.
 */
export function monthlyStats(filter: StatsFilter, today: Date): MonthlyStats[] {
  // Filtering the year's full, already ordered list keeps its order, so the answer is the same
  // as generating (and sorting) only the filtered rows.
  return yearStats(filter.year, today).filter(
    (s) => (filter.unitCodes === undefined || filter.unitCodes.has(s.organ.unitCode)) && (filter.organIds === undefined || filter.organIds.has(s.organ.code)),
  );
}

// The figures are a pure function of (year, last closed month): a year's rows are generated once
// and reused, so a batched request costs a filter, not 13 000 seeded draws and a locale sort. A
// few years at most are kept (a year is ~13 600 small rows).
const YEARS_KEPT = 3;
const yearCache = new Map<string, MonthlyStats[]>();

/** Forgets the generated years (the routes drop them when the simulator has been idle a while). */
export function forgetYears(): void {
  yearCache.clear();
}

function yearStats(year: number, today: Date): MonthlyStats[] {
  const closed = lastClosedMonth(today);
  const key = `${year}|${closed.year}-${closed.month}`;
  const hit = yearCache.get(key);
  if (hit !== undefined) return hit;
  const rows = generateYear(year, closed);
  if (yearCache.size >= YEARS_KEPT) yearCache.delete(yearCache.keys().next().value ?? '');
  yearCache.set(key, rows);
  return rows;
}

function generateYear(year: number, closed: { readonly year: number; readonly month: number }): MonthlyStats[] {
  if (year < FIRST_YEAR || year > closed.year) return [];
  const lastMonth = year === closed.year ? closed.month : 12;
  const rows: MonthlyStats[] = [];
  for (let month = 1; month <= lastMonth; month++) {
    const day = lastDayOfMonth(year, month);
    for (const unit of provincesFilingMonth(year, month)) {
      for (const organ of organsOf(unit)) {
        if (!inForce(organ, day)) continue;
        rows.push(statsFor(unit, organ, year, month));
      }
    }
  }
  return rows.sort((a, b) => a.organ.unitCode.localeCompare(b.organ.unitCode) || a.month - b.month || a.organ.code.localeCompare(b.organ.code));
}
