import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL, type AdministrativeUnitRecord } from '../../lib/units/index.ts';
import { inForceOn } from '../../lib/units/index.ts';

/** First year the simulators hold data for. */
export const FIRST_YEAR = 2020;

let cached: AdministrativeUnitRecord[] | undefined;

/** The unit catalogue every simulator seeds from (reference provinces plus seeded districts), loaded once. */
export function seedUnits(): AdministrativeUnitRecord[] {
  cached ??= [...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)];
  return cached;
}

/** ISO date of `d` (UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Last day of a month (month 1..12), ISO. */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(new Date(Date.UTC(year, month, 0)));
}

/**
 * The last month whose figures a system has closed on `today`: the previous calendar month.
 * Years after it have no data; the simulators serve FIRST_YEAR through this month.
 */
export function lastClosedMonth(today: Date): { readonly year: number; readonly month: number } {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Provinces that file a month's records: those in force on the month's last day. */
export function provincesFilingMonth(year: number, month: number): AdministrativeUnitRecord[] {
  const day = lastDayOfMonth(year, month);
  return seedUnits().filter((u) => u.level === 'province' && inForceOn(u, day));
}

/**
 * Provinces that file a year's records: those in force on 31 December, or on the last closed
 * day for the running year. A province that ceased mid-year files no yearly report; its
 * successor's report covers the whole year.
 */
export function provincesFilingYear(year: number, today: Date): AdministrativeUnitRecord[] {
  const closed = lastClosedMonth(today);
  const day = year < closed.year ? `${year}-12-31` : lastDayOfMonth(closed.year, closed.month);
  return seedUnits().filter((u) => u.level === 'province' && inForceOn(u, day));
}
