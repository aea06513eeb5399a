import { BadUserInputError } from '../../../lib/errors/index.ts';

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

/** Parses an `asOf` argument (ISO date) or rejects it naming the expected form. */
export function checkAsOf(asOf: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const valid = m !== null && new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) === asOf;
  if (!valid) throw new BadUserInputError(`asOf "${asOf}" is not a date: expected YYYY-MM-DD, e.g. 2024-12-31`, { argument: 'asOf' });
  return asOf;
}

/** First and last day of a calendar year, ISO. */
export function yearBounds(year: number): { readonly from: string; readonly to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
