import { describe, expect, it } from 'vitest';
import { beforeRecords, findUnit, loadUnitCatalogue, predecessorsOf, recordScopes, REFERENCE_UNITS_URL, successorsOf, unitsInForce } from './index.ts';

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

describe('time has a beginning', () => {
  it('marks every unit without a start date in the reference as of unknown start, and only those', () => {
    const unknown = units.filter((u) => !u.startKnown);
    expect(unknown).toHaveLength(units.filter((u) => u.validFrom === null).length);
    // The 63 provinces in force before the 2025 reorganisation, Huế's and the merged ones start on known days.
    expect(unknown).toHaveLength(63);
    expect(findUnit(units, '56', '2025-07-01')?.startKnown).toBe(true);
    expect(findUnit(units, '46', '2025-03-01')?.validFrom).toBe('2025-01-01');
  });

  it('refuses a date before the first day records are held for, saying why', () => {
    const why = beforeRecords(units, '1900-01-01', '2020-01-01');
    expect(why).toContain('1900-01-01 is outside the data: before 2020-01-01');
    expect(why).toContain('no start date for 63 unit(s)');
    expect(beforeRecords(units, '2019-12-31', '2020-01-01')).not.toBeNull();
  });

  it('answers from the first day on exactly as before', () => {
    expect(beforeRecords(units, '2020-01-01', '2020-01-01')).toBeNull();
    expect(beforeRecords(units, '2024-12-31', '2020-01-01')).toBeNull();
    expect(unitsInForce(units, 'province', '2020-01-01')).toHaveLength(63);
  });
});
