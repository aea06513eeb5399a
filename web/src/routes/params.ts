import * as z from 'zod/mini';

/** First DTI year the graph covers (1726/QĐ-BTTTT, DTI 2020). */
export const FIRST_YEAR = 2020;

/** The latest DTI year that can be assembled: the current calendar year. */
export function latestYear(): number {
  return new Date().getFullYear();
}

const yearSchema = z.pipe(z.string(), z.transform((s) => Number.parseInt(s, 10)));

/** A year from a route or query string, within the covered years; the default otherwise. */
export function parseYear(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const parsed = yearSchema.safeParse(raw);
  return parsed.success && Number.isInteger(parsed.data) && parsed.data >= FIRST_YEAR && parsed.data <= latestYear() ? parsed.data : fallback;
}

/** The date whose units a DTI year is assessed on: its last day, or today for the running year. */
export function asOfForYear(year: number): string {
  const today = new Date().toISOString().slice(0, 10);
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** Every year a user can pick, newest first. */
export function selectableYears(): number[] {
  const years: number[] = [];
  for (let y = latestYear(); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}
