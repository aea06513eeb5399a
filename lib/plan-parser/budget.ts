// Budget: per-year amounts ("Năm 2022: 1.170.385.000 đồng") and a stated total ("Kinh phí thực hiện
// giai đoạn 2022-2025 dự kiến: 5.191.000.000 đồng", "Tổng kinh phí: 5,2 tỷ đồng").
import { fold } from './normalise.ts';
import { MONEY_SRC, toVND } from './numbers.ts';
import type { BudgetLine } from './types.ts';

const PER_YEAR = new RegExp(
  String.raw`(?:năm|Năm|NĂM)\s+(\d{4})(?!\s*[-–]\s*\d)\s*(?:[:：]|là|khoảng|dự kiến|:)?\s*(?:(?:là|khoảng|dự kiến|dự toán)\s*:?\s*)?${MONEY_SRC}`,
  'gu',
);
const PER_YEAR_START = new RegExp(PER_YEAR.source, 'u');
const TABLE_YEAR = new RegExp(String.raw`^\s*(\d{4})\s*\|\s*${MONEY_SRC}`, 'u');
const MONEY = new RegExp(MONEY_SRC, 'u');
const TOTAL_CUE = /tổng|kinh phí|dự toán|nguồn vốn|tổng mức/u;
// A word right before the amount that hedges it: "khoảng 45 tỷ" is still the plan's total, only rounded;
// "trên 45 tỷ" / "tối đa 45 tỷ" is a bound, not a total.
const APPROXIMATE = /(?:khoảng|xấp xỉ|ước tính|ước|chừng|gần)\s*(?:là\s*)?:?\s*$/u;
const BOUND = /(?:hơn|trên|dưới|tối đa|tối thiểu|không quá|không dưới|ít nhất)\s*(?:là\s*)?:?\s*$/u;

/** How a stated total is hedged, with the words as written ("khoảng 45 tỷ đồng"). */
export interface TotalHedge {
  kind: 'approximate' | 'bound';
  phrase: string;
}

/**
 * Budget lines and total from the lines of a budget section (or any lines mentioning kinh phí). An
 * approximate total ("khoảng 45 tỷ đồng") is kept and reported in `totalHedge`; a bound ("trên 45 tỷ
 * đồng") is not a total: `totalVND` stays null and `totalHedge` says why.
 */
export function extractBudget(lines: readonly string[]): { budget: BudgetLine[]; totalVND: number | null; totalHedge: TotalHedge | null } {
  const budget: BudgetLine[] = [];
  let totalVND: number | null = null;
  let totalHedge: TotalHedge | null = null;
  for (const line of lines) {
    let perYear = false;
    for (const m of line.matchAll(PER_YEAR)) {
      const year = Number(m[1]);
      const amount = toVND(m[2] ?? '', m[3]);
      if (amount === null || year < 1990 || year > 2100) continue;
      perYear = true;
      if (!budget.some((b) => b.year === year && b.amountVND === amount)) budget.push({ year, amountVND: amount });
    }
    const t = TABLE_YEAR.exec(line);
    if (!perYear && t?.[1]) {
      const amount = toVND(t[2] ?? '', t[3]);
      if (amount !== null) {
        perYear = true;
        budget.push({ year: Number(t[1]), amountVND: amount });
      }
    }
    if (totalVND !== null) continue;
    // "Tổng kinh phí: X đồng, trong đó năm 2024: Y đồng": an amount before the first per-year amount can
    // still be the total; an amount inside a per-year phrase never is.
    const yearAt = line.search(PER_YEAR_START);
    const firstYear = !perYear ? line.length : yearAt >= 0 ? yearAt : 0;
    const f = fold(line);
    const money = MONEY.exec(line);
    if (money?.[1] && money.index < firstYear && TOTAL_CUE.test(f.slice(0, money.index + 1))) {
      // A total is stated for a period or as "tổng"; an amount tied to one year is not a total.
      const before = f.slice(0, money.index);
      if (/tổng|giai đoạn|\d{4}\s*[-–]\s*\d{4}|kinh phí thực hiện|dự kiến/u.test(before)) {
        const amount = toVND(money[1], money[2]);
        // Read on the line itself (not folded) so the match indexes the words as written.
        const lead = line.slice(0, money.index).toLowerCase();
        const approx = APPROXIMATE.exec(lead);
        const hedge = approx ?? BOUND.exec(lead);
        if (amount === null) continue;
        // A later plain statement of the total replaces an earlier bound.
        totalHedge = hedge ? { kind: approx ? 'approximate' : 'bound', phrase: `${line.slice(hedge.index, money.index)}${money[0]}`.trim() } : null;
        if (totalHedge?.kind !== 'bound') totalVND = amount;
      }
    }
  }
  return { budget, totalVND, totalHedge };
}
