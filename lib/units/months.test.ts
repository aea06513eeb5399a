import { describe, expect, it } from 'vitest';
import { monthEnd } from './months.ts';

describe('monthEnd', () => {
  it('agrees with Date.UTC for every month of 1999..2032, and month 0 is the December before', () => {
    for (let y = 1999; y <= 2032; y++) {
      for (let m = 0; m <= 12; m++) expect(monthEnd(y, m)).toBe(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
    }
  });

  it('knows the century leap rules', () => {
    expect(monthEnd(1900, 2)).toBe('1900-02-28');
    expect(monthEnd(2000, 2)).toBe('2000-02-29');
    expect(monthEnd(2100, 2)).toBe('2100-02-28');
  });

  it('refuses what is not a month', () => {
    expect(() => monthEnd(2024, 13)).toThrow(RangeError);
    expect(() => monthEnd(2024, -1)).toThrow(RangeError);
    expect(() => monthEnd(2024, 1.5)).toThrow(RangeError);
  });
});
