/**
 * Last day of a month as an ISO date, by arithmetic and a small table: roll-ups ask this for
 * every record of every scope, and a `Date` plus `toISOString()` per call was most of their CPU.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const memo = new Map<number, string>();

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * ISO date of the last day of `month` (1..12) of `year`; month 0 is December of the year before,
 * as `Date.UTC(year, month, 0)` reads it. Years 1..9999.
 */
export function monthEnd(year: number, month: number): string {
  const key = year * 16 + month;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 0 || month > 12) throw new RangeError(`not a month: ${year}-${month}`);
  const [y, m] = month === 0 ? [year - 1, 12] : [year, month];
  const day = m === 2 && isLeap(y) ? 29 : (DAYS[m - 1] ?? 31);
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${day}`;
  memo.set(key, iso);
  return iso;
}
