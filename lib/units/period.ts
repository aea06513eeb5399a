import { BadUserInputError } from '../errors/index.ts';
import type { AdministrativeUnitRecord } from './catalogue.ts';
import { beforeRecords, recordScopes, type RecordScope } from './temporal.ts';

/** Years the connected systems hold data for. */
export interface DataYears {
  readonly first: number;
  readonly last: number;
}

/** Rejects a year outside the data with a message that says the range. */
export function checkYear(year: number, years: DataYears): number {
  if (!Number.isInteger(year) || year < years.first || year > years.last) {
    throw new BadUserInputError(`year ${year} is outside the data: the connected systems hold ${years.first} through ${years.last}`, {
      argument: 'year',
    });
  }
  return year;
}

/**
 * Parses an `asOf` argument (ISO date) or rejects it naming the expected form. With `units` and
 * `recordsBegin`, also rejects a date before the first day records are held for: units whose start
 * the reference does not give would otherwise answer as if they had existed forever.
 */
export function checkAsOf(asOf: string, units?: readonly AdministrativeUnitRecord[], recordsBegin?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const valid = m !== null && new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) === asOf;
  if (!valid) throw new BadUserInputError(`asOf "${asOf}" is not a date: expected YYYY-MM-DD, e.g. 2024-12-31`, { argument: 'asOf' });
  if (units !== undefined && recordsBegin !== undefined) {
    const refused = beforeRecords(units, asOf, recordsBegin);
    if (refused !== null) throw new BadUserInputError(`asOf ${refused}`, { argument: 'asOf' });
  }
  return asOf;
}

/** First and last day of a calendar year, ISO. */
export function yearBounds(year: number): { readonly from: string; readonly to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The first day the connected systems hold records for: 1 January of the first data year. */
export function recordsBegin(years: DataYears): string {
  return `${years.first}-01-01`;
}

/** One unit and one calendar year, with the units whose records make it up. */
export interface UnitYearScopes {
  readonly unitId: string;
  readonly year: number;
  readonly unit: AdministrativeUnitRecord;
  /** Whose records make up this year: the unit itself, or its predecessors before it existed. */
  readonly recordScopes: readonly RecordScope[];
}

/** A unit's year: which units' records make it up (itself, or its predecessors before it existed). */
export function unitYear(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number): UnitYearScopes {
  const { from, to } = yearBounds(year);
  return { unitId: unit.id, year, unit, recordScopes: recordScopes(units, unit, from, to) };
}
