import { describe, expect, it } from 'vitest';
import { findUnit, loadUnitCatalogue, predecessorsOf, recordScopes, REFERENCE_UNITS_URL, successorsOf, unitsInForce } from './index.ts';

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);

describe('unit catalogue over time', () => {
  it('has 63 provinces before 1 July 2025 and 34 after', () => {
    expect(unitsInForce(units, 'province', '2024-12-31')).toHaveLength(63);
    expect(unitsInForce(units, 'province', '2025-06-30')).toHaveLength(63);
    expect(unitsInForce(units, 'province', '2025-07-01')).toHaveLength(34);
  });

  it('tells the two units named 56 apart by date', () => {
    const before = findUnit(units, '56', '2024-12-31');
    const after = findUnit(units, '56', '2025-07-01');
    expect(before?.id).not.toBe(after?.id);
    expect(predecessorsOf(units, after!).map((u) => u.code).sort()).toEqual(['56', '58']);
    expect(successorsOf(units, before!).map((u) => u.id)).toEqual([after!.id]);
  });

  it('rolls a merged unit back onto its predecessors for a year before the merger', () => {
    const khanhHoa = findUnit(units, '56', '2026-01-01')!;
    expect(recordScopes(units, khanhHoa, '2024-01-01', '2024-12-31').map((s) => [s.code, s.from, s.to])).toEqual([
      ['56', '2024-01-01', '2024-12-31'],
      ['58', '2024-01-01', '2024-12-31'],
    ]);
    expect(recordScopes(units, khanhHoa, '2025-01-01', '2025-12-31').map((s) => [s.code, s.from, s.to])).toEqual([
      ['56', '2025-01-01', '2025-06-30'],
      ['58', '2025-01-01', '2025-06-30'],
      ['56', '2025-07-01', '2025-12-31'],
    ]);
  });

  it('follows a rename: Huế in 2024 is Thừa Thiên Huế', () => {
    const hue = findUnit(units, '46', '2025-03-01')!;
    expect(hue.name).toBe('Thành phố Huế');
    expect(recordScopes(units, hue, '2024-01-01', '2024-12-31').map((s) => s.name)).toEqual(['Tỉnh Thừa Thiên Huế']);
  });

  it('keeps unconfirmed notes marked', () => {
    expect(findUnit(units, '22', '2026-01-01')?.confirmed).toBe(false);
  });
});
