import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';
import { predecessorsOf } from '../../lib/units/index.ts';
import { intBetween, seeded } from '../shared/random.ts';
import { FIRST_YEAR, lastClosedMonth, lastDayOfMonth, provincesFilingMonth, provincesFilingYear, seedUnits } from '../shared/units.ts';
import { portalIdOf } from './ids.ts';

/** One province's figures for one month, as the portal stores them (before wire formatting). */
export interface MonthlyStats {
  readonly portalId: string;
  readonly name: string;
  readonly year: number;
  readonly month: number;
  /** ISO date the figures are closed at (last day of the month). */
  readonly cutOff: string;
  readonly proceduresTotal: number;
  readonly proceduresPublished: number;
  readonly proceduresFullyOnline: number;
  readonly proceduresPartlyOnline: number;
  readonly received: number;
  readonly online: number;
  readonly resolved: number;
  readonly onTime: number;
  readonly late: number;
  readonly digitised: number;
  readonly withFees: number;
  readonly paidOnline: number;
  readonly votes: number;
  readonly satisfied: number;
}

/** A province's QĐ 766 group scores for a year (the portal's published ranking). */
export interface Scores766 {
  readonly portalId: string;
  readonly name: string;
  readonly year: number;
  readonly ckmb: number;
  readonly tdgq: number;
  readonly tttt: number;
  readonly mdhl: number;
  readonly mdsh: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// A pure function of the unit, asked for every row of every answer: worked out once per unit.
const scales = new Map<string, number>();

/** Dossiers a unit receives per month: merged units inherit the sum of their predecessors. */
function monthlyScale(unit: AdministrativeUnitRecord): number {
  const known = scales.get(unit.id);
  if (known !== undefined) return known;
  const preds = predecessorsOf(seedUnits(), unit);
  const scale = preds.length > 0 ? preds.reduce((sum, p) => sum + monthlyScale(p), 0) : intBetween(seeded('services', 'scale', unit.id), 6_000, 55_000);
  scales.set(unit.id, scale);
  return scale;
}

/** How far ahead of the national trend a unit runs, in rate points (-0.08..0.08). */
function lead(unit: AdministrativeUnitRecord): number {
  return (seeded('services', 'lead', unit.id)() - 0.5) * 0.16;
}

/** Figures one province files for one month; rates trend upward from 2020. */
export function monthlyStats(unit: AdministrativeUnitRecord, year: number, month: number): MonthlyStats | undefined {
  const portalId = portalIdOf(unit.code);
  if (portalId === undefined) return undefined;
  const rand = seeded('services', 'month', unit.id, year, month);
  const t = year - FIRST_YEAR + (month - 1) / 12;
  const off = lead(unit);
  const noise = (): number => (rand() - 0.5) * 0.03;
  // Dossiers dip at Tết (month 1-2) and rise mid-year, roughly as portals report.
  const season = month <= 2 ? 0.8 : month >= 6 && month <= 9 ? 1.1 : 1;
  const received = Math.round(monthlyScale(unit) * season * (1 + t * 0.04) * (0.9 + rand() * 0.2));
  const online = Math.round(received * clamp(0.12 + 0.11 * t + off + noise(), 0.02, 0.95));
  const resolved = Math.round(received * (0.88 + rand() * 0.09));
  const onTime = Math.round(resolved * clamp(0.9 + 0.015 * t + off / 3 + noise() / 3, 0.5, 0.998));
  const digitised = Math.round(received * clamp(0.05 + 0.14 * t + off + noise(), 0, 0.95));
  const withFees = Math.round(received * (0.3 + rand() * 0.12));
  const paidOnline = Math.round(withFees * clamp(0.03 + 0.1 * t + off + noise(), 0, 0.9));
  const votes = Math.round(online * (0.05 + rand() * 0.15));
  const satisfied = Math.round(votes * clamp(0.86 + 0.02 * t + noise(), 0.5, 0.995));
  const catalogue = seeded('services', 'procedures', unit.id, year);
  const proceduresTotal = intBetween(catalogue, 1_650, 1_980);
  const proceduresFullyOnline = Math.round(proceduresTotal * clamp(0.14 + 0.09 * t + off, 0.05, 0.8));
  const proceduresPartlyOnline = Math.round((proceduresTotal - proceduresFullyOnline) * (0.45 + catalogue() * 0.25));
  return {
    portalId,
    name: unit.name,
    year,
    month,
    cutOff: lastDayOfMonth(year, month),
    proceduresTotal,
    proceduresPublished: proceduresTotal - intBetween(catalogue, 0, 25),
    proceduresFullyOnline,
    proceduresPartlyOnline,
    received,
    online,
    resolved,
    onTime,
    late: resolved - onTime,
    digitised,
    withFees,
    paidOnline,
    votes,
    satisfied,
  };
}

/** Months of `year` the portal has closed on `today`, within [fromMonth, toMonth]. */
export function closedMonths(year: number, fromMonth: number, toMonth: number, today: Date): number[] {
  const closed = lastClosedMonth(today);
  const months: number[] = [];
  if (year < FIRST_YEAR || year > closed.year) return months;
  const last = year === closed.year ? Math.min(toMonth, closed.month) : toMonth;
  for (let m = Math.max(1, fromMonth); m <= Math.min(12, last); m++) months.push(m);
  return months;
}

/**
 * Monthly rows for the provinces whose portal ids are in `ids` (all when empty), ordered by
 * portal id then month. Each month is filed under the province in force on its last day.
 */
export function monthlyRows(query: {
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly ids: ReadonlySet<string>;
  readonly today: Date;
}): MonthlyStats[] {
  const rows: MonthlyStats[] = [];
  for (const month of closedMonths(query.year, query.fromMonth, query.toMonth, query.today)) {
    for (const unit of provincesFilingMonth(query.year, month)) {
      const row = monthlyStats(unit, query.year, month);
      if (row !== undefined && (query.ids.size === 0 || query.ids.has(row.portalId))) rows.push(row);
    }
  }
  return rows.sort((a, b) => a.portalId.localeCompare(b.portalId) || a.month - b.month);
}

/** QĐ 766 group scores per province for a year (only provinces filing that year). */
export function scores766(year: number, ids: ReadonlySet<string>, today: Date): Scores766[] {
  if (year < FIRST_YEAR || closedMonths(year, 1, 12, today).length === 0) return [];
  const rows: Scores766[] = [];
  for (const unit of provincesFilingYear(year, today)) {
    const portalId = portalIdOf(unit.code);
    if (portalId === undefined || (ids.size > 0 && !ids.has(portalId))) continue;
    const rand = seeded('services', '766', unit.id, year);
    const level = clamp(0.45 + 0.09 * (year - FIRST_YEAR) + lead(unit) * 2, 0.2, 0.97);
    const score = (max: number): number => Math.round(max * clamp(level + (rand() - 0.5) * 0.2, 0, 1) * 100) / 100;
    rows.push({ portalId, name: unit.name, year, ckmb: score(18), tdgq: score(20), tttt: score(22), mdhl: score(18), mdsh: score(22) });
  }
  return rows.sort((a, b) => a.portalId.localeCompare(b.portalId));
}
