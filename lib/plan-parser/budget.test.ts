import { describe, expect, it } from 'vitest';
import { extractBudget } from './budget.ts';

describe('extractBudget', () => {
  it('reads per-year lines and the stated total', () => {
    const r = extractBudget([
      'Kinh phí thực hiện giai đoạn 2022-2025 dự kiến khoản: 5.191.000.000 đồng (Bằng chữ: Năm tỷ một trăm chín mươi mốt triệu đồng). Trong đó:',
      'Năm 2022: 1.170.385.000 đồng',
      'Năm 2023: 1.340.205.000 đồng',
    ]);
    expect(r.budget).toEqual([{ year: 2022, amountVND: 1170385000 }, { year: 2023, amountVND: 1340205000 }]);
    expect(r.totalVND).toBe(5191000000);
  });
  it('reads triệu/tỷ, several years in one line and table rows', () => {
    const r = extractBudget(['Tổng kinh phí: 2,5 tỷ đồng, trong đó năm 2024 là 1,2 tỷ đồng; năm 2025: 1.300 triệu đồng', '2026 | 300 triệu đồng']);
    expect(r.budget).toEqual([{ year: 2024, amountVND: 1.2e9 }, { year: 2025, amountVND: 1.3e9 }, { year: 2026, amountVND: 3e8 }]);
    expect(r.totalVND).toBe(2.5e9); // stated before the per-year amounts, as "Tổng kinh phí"
  });
  it('reads "Tổng kinh phí X, trong đó năm YYYY: Y" but never a per-year amount as the total', () => {
    expect(extractBudget(['Tổng kinh phí: 2.500.000.000 đồng, trong đó năm 2024: 2.500.000.000 đồng.'])).toEqual({ budget: [{ year: 2024, amountVND: 2.5e9 }], totalVND: 2.5e9, totalHedge: null });
    expect(extractBudget(['Kinh phí thực hiện năm 2024: 800 triệu đồng.'])).toEqual({ budget: [{ year: 2024, amountVND: 8e8 }], totalVND: null, totalHedge: null });
    expect(extractBudget(['Tổng kinh phí giai đoạn 2024 - 2025 dự kiến 6,2 tỷ đồng, trong đó năm 2024 là 2,7 tỷ đồng, năm 2025 là 3,5 tỷ đồng.']).totalVND).toBe(6.2e9);
  });
  it('keeps an approximate total ("khoảng") and says so; a bound ("trên", "tối đa") is not a total', () => {
    const approx = extractBudget(['Kinh phí thực hiện giai đoạn 2022-2025 khoảng 45 tỷ đồng; năm 2022: 5 tỷ đồng;']);
    expect(approx.totalVND).toBe(45e9);
    expect(approx.totalHedge).toEqual({ kind: 'approximate', phrase: 'khoảng 45 tỷ đồng' });
    expect(extractBudget(['Tổng kinh phí dự kiến khoảng 45.000 triệu đồng.']).totalHedge?.kind).toBe('approximate');
    expect(extractBudget(['Tổng kinh phí thực hiện trên 45 tỷ đồng.'])).toEqual({ budget: [], totalVND: null, totalHedge: { kind: 'bound', phrase: 'trên 45 tỷ đồng' } });
    expect(extractBudget(['Tổng kinh phí tối đa 3 tỷ đồng.', 'Tổng kinh phí: 2,8 tỷ đồng.'])).toEqual({ budget: [], totalVND: 2.8e9, totalHedge: null });
  });
  it('returns nothing when no amounts are stated', () => {
    expect(extractBudget(['Kinh phí thực hiện từ ngân sách nhà nước.'])).toEqual({ budget: [], totalVND: null, totalHedge: null });
  });
});
