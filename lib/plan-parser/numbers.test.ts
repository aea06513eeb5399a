import { describe, expect, it } from 'vitest';
import { parseMoneyVND, parseVietnameseNumber } from './numbers.ts';

describe('parseVietnameseNumber', () => {
  it('reads dot thousands and comma decimals', () => {
    expect(parseVietnameseNumber('1.170.385.000')).toBe(1170385000);
    expect(parseVietnameseNumber('1.000')).toBe(1000);
    expect(parseVietnameseNumber('5,5')).toBe(5.5);
    expect(parseVietnameseNumber('1.234,5')).toBe(1234.5);
    expect(parseVietnameseNumber('2.5')).toBe(2.5);
  });
  it('rejects non-numbers', () => {
    expect(parseVietnameseNumber('abc')).toBeNull();
    expect(parseVietnameseNumber('12.')).toBeNull();
  });
});

describe('parseMoneyVND', () => {
  it('handles đồng, triệu đồng and tỷ đồng', () => {
    expect(parseMoneyVND('1.170.385.000 đồng')).toBe(1170385000);
    expect(parseMoneyVND('khoảng 500 triệu đồng')).toBe(500_000_000);
    expect(parseMoneyVND('5,191 tỷ đồng')).toBe(5_191_000_000);
    expect(parseMoneyVND('1.200 triệu VNĐ')).toBe(1_200_000_000);
  });
  it('needs a currency word', () => {
    expect(parseMoneyVND('1.000 chuyên gia')).toBeNull();
  });
});
