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
    expect(r.totalVND).toBeNull(); // the total shares a line with per-year amounts: not guessed
  });
  it('returns nothing when no amounts are stated', () => {
    expect(extractBudget(['Kinh phí thực hiện từ ngân sách nhà nước.'])).toEqual({ budget: [], totalVND: null });
  });
});
