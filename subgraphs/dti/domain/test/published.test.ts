import { describe, expect, it } from 'vitest';
import { loadUnitCatalogue, REFERENCE_UNITS_URL } from '../../../../lib/units/index.ts';
import { loadPublished, publishedResult, publishedResultsForYear, publishedSummary } from '../published.ts';

// Compare names across "TP. Đà Nẵng" / "Thành phố Đà Nẵng" and "Hòa" / "Hoà" spellings.
const key = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(tp\.|thanh pho|tinh)\s*/, '')
    .replace(/[^a-zđ]/g, '');

describe('published results', () => {
  it('finds a result by year and province code', () => {
    expect(publishedResult(2022, '48')).toMatchObject({ rank: 1, name: 'TP. Đà Nẵng', score: 0.8002, grade: 'A' });
    expect(publishedResult(2024, '31')).toMatchObject({ rank: 3, score: 0.7857, unitValidFrom: '2025-07-01' });
    expect(publishedResult(2024, '31', null)).toBeNull();
    expect(publishedResult(2021, '99')).toBeNull();
  });

  it('names every result by a province in force for it in the unit reference', () => {
    const units = loadUnitCatalogue(REFERENCE_UNITS_URL).filter((u) => u.level === 'province');
    for (const r of loadPublished().results) {
      const unit = units.find((u) => u.code === r.provinceCode && u.validFrom === r.unitValidFrom);
      expect(unit, `${r.year} ${r.name}`).toBeDefined();
      expect(key(unit?.name ?? ''), `${r.year} ${r.name}`).toBe(key(r.name));
      if (r.year < 2024) expect(unit?.validTo === null || (unit?.validTo ?? '') >= '2024-12-31').toBe(true);
    }
  });

  it('has the full 2022 order (63 provinces, tie at 15) and keeps C-only values unconfirmed', () => {
    const y2022 = publishedResultsForYear(2022);
    expect(y2022).toHaveLength(63);
    expect(y2022.filter((r) => r.rank === 15).map((r) => r.name)).toEqual(['Thanh Hóa', 'Yên Bái']);
    expect(publishedResult(2020, '82')).toMatchObject({ grade: 'C', confirmed: false });
  });

  it('keeps the conflicting 2022 provincial average as a conflict, not a value', () => {
    const s = publishedSummary(2022);
    expect(s?.provincialAverage).toBeNull();
    expect(s?.conflicts.join(' ')).toMatch(/0\.5786.*0\.5763/);
  });
});
