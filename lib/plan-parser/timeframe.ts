// Timeframes as written in plans ("Quý III/2024", "Tháng 12/2023", "Năm 2023", "2022-2025",
// "Hàng năm") normalised to an ISO date range where the text pins one down.
import { fold } from './normalise.ts';
import { isoDate } from './metadata.ts';

/** An ISO date range; either end may be open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const ROMAN_QUARTER: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthRange(y: number, m1: number, m2: number): DateRange | null {
  const from = isoDate(y, m1, 1);
  const to = isoDate(y, m2, lastDay(y, m2));
  return from && to ? { from, to } : null;
}

function plausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/**
 * Normalises a timeframe to a date range. Returns null for recurring or open-ended wording
 * ("Hàng năm", "Thường xuyên", "Khi có phát sinh") and for anything it cannot pin down.
 */
export function parseTimeframe(text: string): DateRange | null {
  const t = fold(text);
  let m = /quý\s*(iv|iii|ii|i|[1-4])\s*(?:\/|năm|-|,)\s*(?:năm\s*)?(\d{4})/u.exec(t);
  if (m?.[1] && m[2]) {
    const q = ROMAN_QUARTER[m[1]];
    const y = Number(m[2]);
    if (q !== undefined && plausibleYear(y)) return monthRange(y, q * 3 - 2, q * 3);
  }
  m = /(6|sáu) tháng (đầu|cuối) năm\s*(\d{4})/u.exec(t);
  if (m?.[2] && m[3]) return m[2] === 'đầu' ? monthRange(Number(m[3]), 1, 6) : monthRange(Number(m[3]), 7, 12);
  m = /(?:trước|chậm nhất|hạn chót|trước ngày|đến ngày)\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const to = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return to ? { from: null, to } : null;
  }
  m = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return d ? { from: d, to: d } : null;
  }
  m = /tháng\s*(\d{1,2})\s*(?:\/|năm|-)\s*(?:năm\s*)?(\d{4})/u.exec(t) ?? /(?<![\d/])(\d{1,2})\/(\d{4})(?!\d)/u.exec(t);
  if (m?.[1] && m[2]) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (mo >= 1 && mo <= 12 && plausibleYear(y)) return monthRange(y, mo, mo);
  }
  m = /(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)/u.exec(t) ?? /từ năm\s*(\d{4})\s*(?:đến|tới)\s*(?:năm\s*)?(\d{4})/u.exec(t);
  if (m?.[1] && m[2]) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (plausibleYear(a) && plausibleYear(b) && a <= b) return { from: `${a}-01-01`, to: `${b}-12-31` };
  }
  m = /(?:^|năm|trong năm|vào năm|cuối năm)\s*(\d{4})(?!\d)/u.exec(t);
  if (m?.[1] && !/(hàng|hằng) năm/u.test(t.slice(0, m.index + 1))) {
    const y = Number(m[1]);
    if (plausibleYear(y)) return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  return null;
}
