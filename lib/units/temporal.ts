import type { AdministrativeUnitRecord, UnitLevel } from './catalogue.ts';

/** True when `unit` is in force on the ISO date `date`. */
export function inForceOn(unit: AdministrativeUnitRecord, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo);
}

/** The unit with `code` in force on `date`, or undefined. */
export function findUnit(units: readonly AdministrativeUnitRecord[], code: string, date: string): AdministrativeUnitRecord | undefined {
  return units.find((u) => u.code === code && inForceOn(u, date));
}

/** Units of one level in force on `date`, ordered by code. */
export function unitsInForce(units: readonly AdministrativeUnitRecord[], level: UnitLevel, date: string): AdministrativeUnitRecord[] {
  return units.filter((u) => u.level === level && inForceOn(u, date)).sort((a, b) => a.code.localeCompare(b.code));
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Units merged (or renamed) into `unit` on its first day of validity. */
export function predecessorsOf(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord): AdministrativeUnitRecord[] {
  if (unit.validFrom === null) return [];
  const eve = dayBefore(unit.validFrom);
  return units.filter((u) => u.validTo === eve && u.mergedInto === unit.code && u.level === unit.level);
}

/** The unit `unit` merged (or was renamed) into, the day after it ceased. */
export function successorsOf(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord): AdministrativeUnitRecord[] {
  if (unit.validTo === null || unit.mergedInto === null) return [];
  const found = findUnit(units.filter((u) => u.level === unit.level), unit.mergedInto, dayAfter(unit.validTo));
  return found === undefined ? [] : [found];
}

/**
 * Whose records make up a unit's figures for a period: the unit itself while it was in force,
 * and, before it existed, its predecessors (recursively). Each scope says which upstream code
 * holds the records and for which dates, so a source system can answer without knowing the
 * reorganisation: code "56" in 2024 is old Khánh Hòa, in 2026 the merged one.
 */
export interface RecordScope {
  readonly unitId: string;
  readonly code: string;
  readonly name: string;
  /** ISO date, inclusive. */
  readonly from: string;
  /** ISO date, inclusive. */
  readonly to: string;
}

/** Record scopes of `unit` over [from, to] (ISO dates, inclusive). Empty when nothing overlaps. */
export function recordScopes(
  units: readonly AdministrativeUnitRecord[],
  unit: AdministrativeUnitRecord,
  from: string,
  to: string,
): RecordScope[] {
  const scopes: RecordScope[] = [];
  const ownFrom = unit.validFrom !== null && unit.validFrom > from ? unit.validFrom : from;
  const ownTo = unit.validTo !== null && unit.validTo < to ? unit.validTo : to;
  if (ownFrom <= ownTo) scopes.push({ unitId: unit.id, code: unit.code, name: unit.name, from: ownFrom, to: ownTo });
  if (unit.validFrom !== null && from < unit.validFrom) {
    const eve = dayBefore(unit.validFrom);
    for (const p of predecessorsOf(units, unit)) {
      scopes.push(...recordScopes(units, p, from, eve < to ? eve : to));
    }
  }
  return scopes.sort((a, b) => a.from.localeCompare(b.from) || a.code.localeCompare(b.code));
}

/**
 * Why a date cannot be answered from the catalogue, or null when it can. Units of unknown start
 * are only known to exist from `recordsBegin` (the first day the caller holds records for); before
 * that the catalogue cannot say which units existed, so the date is refused rather than answered
 * with today's units projected backwards.
 */
export function beforeRecords(units: readonly AdministrativeUnitRecord[], date: string, recordsBegin: string): string | null {
  if (date >= recordsBegin) return null;
  const unknown = units.filter((u) => !u.startKnown && (u.validTo === null || u.validTo >= recordsBegin));
  const what =
    unknown.length > 0
      ? `the reference data gives no start date for ${unknown.length} unit(s) in force on ${recordsBegin} (start unknown)`
      : 'no unit record reaches that far back';
  return `${date} is outside the data: before ${recordsBegin}, the first date records are held for; ${what}, so which units were in force then is not known`;
}
