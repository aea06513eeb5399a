import { describe, expect, it } from 'vitest';
import { parseTimeframe } from './timeframe.ts';

describe('parseTimeframe', () => {
  it('normalises quarters, also with roman numerals, spaces and "năm"', () => {
    expect(parseTimeframe('Quý III/2024')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(parseTimeframe('Quý III /2024.')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(parseTimeframe('Quý II năm 2022 hoàn thành, hằng năm cập nhật')).toEqual({ from: '2022-04-01', to: '2022-06-30' });
    expect(parseTimeframe('Tháng Quý IV/2024')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(parseTimeframe('quý 1/2025')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });
  it('normalises months, years and year ranges', () => {
    expect(parseTimeframe('Tháng 12/2023')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(parseTimeframe('tháng 2 năm 2024')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseTimeframe('Năm 2023')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(parseTimeframe('2022-2025')).toEqual({ from: '2022-01-01', to: '2025-12-31' });
    expect(parseTimeframe('Giai đoạn 2022 – 2025')).toEqual({ from: '2022-01-01', to: '2025-12-31' });
  });
  it('reads deadlines and single days', () => {
    expect(parseTimeframe('Trước ngày 30/6/2024')).toEqual({ from: null, to: '2024-06-30' });
    expect(parseTimeframe('15/12/2023')).toEqual({ from: '2023-12-15', to: '2023-12-15' });
  });
  it('gives null for recurring or open wording', () => {
    expect(parseTimeframe('Hàng năm')).toBeNull();
    expect(parseTimeframe('Hằng năm')).toBeNull();
    expect(parseTimeframe('Thường xuyên')).toBeNull();
    expect(parseTimeframe('Khi có phát sinh đề xuất')).toBeNull();
    expect(parseTimeframe('Theo kế hoạch của Bộ Thông tin và Truyền thông')).toBeNull();
  });
});
