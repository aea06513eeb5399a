import { describe, expect, it } from 'vitest';
import { rollUp } from './rollup.ts';
import type { LabourFigures, LabourReport, RecordScope, UnitYearRef } from './types.ts';

const figures = (lf: number, f: Partial<LabourFigures> = {}): LabourFigures => ({
  labourForce: lf,
  employed: lf * 0.97,
  unemployed: lf * 0.03,
  trainedWorkers: lf * 0.3,
  digitallySkilledWorkers: lf * 0.2,
  jobSeekers: lf * 0.01,
  vacancies: lf * 0.012,
  underemploymentRate: 0.02,
  ...f,
});

const report = (code: string, year: number, lf: number, extra: Partial<LabourReport> = {}): LabourReport => ({
  reportId: `TTLD-${year}-${code}`,
  code,
  name: code === '56' ? 'Tỉnh Khánh Hòa' : 'Tỉnh Ninh Thuận',
  year,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  coveredCodes: [code],
  updatedAt: `${year + 1}-01-20T02:30:00.000Z`,
  synthetic: false,
  note: null,
  figures: figures(lf),
  ...extra,
});

const scope = (code: string, from: string, to: string, unitId = `${code}@origin`): RecordScope => ({
  unitId,
  code,
  name: code === '56' ? 'Tỉnh Khánh Hòa' : 'Tỉnh Ninh Thuận',
  from,
  to,
});

const merged2024: UnitYearRef = {
  unitId: '56@2025-07-01',
  year: 2024,
  recordScopes: [scope('56', '2024-01-01', '2024-12-31'), scope('58', '2024-01-01', '2024-12-31')],
};
const now = new Date('2026-03-10T00:00:00Z');
const fetchedAt = '2026-03-10T01:00:00.000Z';

describe('rollUp', () => {
  it('sums a merged unit from its two predecessors and recomputes rates from the sums', () => {
    const a = report('56', 2024, 800_000, { figures: figures(800_000, { trainedWorkers: 400_000, unemployed: 8_000 }) });
    const b = report('58', 2024, 200_000, { figures: figures(200_000, { trainedWorkers: 20_000, unemployed: 12_000 }) });
    const stats = rollUp({ ref: merged2024, reports: [a, b], fetchedAt, now });
    expect(stats.source.status).toBe('OK');
    expect(stats.labourForce).toBe(1_000_000);
    // 420k / 1M, not the average of 0.5 and 0.1.
    expect(stats.trainedWorkforceRate).toBeCloseTo(0.42);
    expect(stats.unemploymentRate).toBeCloseTo(0.02);
    expect(stats.source.rolledUpFrom.map((s) => s.code)).toEqual(['56', '58']);
    expect(stats.source.recordRef).toBe('TTLD-2024-56, TTLD-2024-58');
    expect(stats.source.asOf).toBe('2024-12-31');
    expect(stats.source.note).toContain('Sum of 2 reports');
  });

  it('leaves a rate-only figure null with a note once several reports are summed', () => {
    const stats = rollUp({ ref: merged2024, reports: [report('56', 2024, 1), report('58', 2024, 1)], fetchedAt, now });
    expect(stats.underemploymentRate).toBeNull();
    expect(stats.source.note).toContain('underemploymentRate');
  });

  it('passes a rate-only figure through for a single report', () => {
    const ref: UnitYearRef = { unitId: '56@origin', year: 2024, recordScopes: [scope('56', '2024-01-01', '2024-12-31')] };
    const stats = rollUp({ ref, reports: [report('56', 2024, 100)], fetchedAt, now });
    expect(stats.underemploymentRate).toBe(0.02);
    expect(stats.source.rolledUpFrom).toEqual([]);
    expect(stats.source.note).toBeNull();
  });

  it('is PARTIAL when one predecessor has no report, and says which', () => {
    const stats = rollUp({ ref: merged2024, reports: [report('56', 2024, 500_000)], fetchedAt, now });
    expect(stats.source.status).toBe('PARTIAL');
    expect(stats.labourForce).toBe(500_000);
    expect(stats.source.note).toContain('58 Tỉnh Ninh Thuận');
  });

  it('is MISSING with null figures (never 0) when no scope has a report', () => {
    const stats = rollUp({ ref: merged2024, reports: [report('01', 2024, 5)], fetchedAt, now });
    expect(stats.source.status).toBe('MISSING');
    expect(stats.labourForce).toBeNull();
    expect(stats.trainedWorkforceRate).toBeNull();
    expect(stats.digitalSkillsRate).toBeNull();
    expect(stats.source.recordRef).toBeNull();
  });

  it('is MISSING for empty record scopes', () => {
    const stats = rollUp({ ref: { unitId: '56@2025-07-01', year: 2019, recordScopes: [] }, reports: [], fetchedAt, now });
    expect(stats.source.status).toBe('MISSING');
    expect(stats.source.note).toContain('no record scopes');
  });

  it('uses a mid-year merged report that covers its predecessors for the whole year', () => {
    const ref: UnitYearRef = {
      unitId: '56@2025-07-01',
      year: 2025,
      recordScopes: [
        scope('56', '2025-01-01', '2025-06-30'),
        scope('58', '2025-01-01', '2025-06-30'),
        scope('56', '2025-07-01', '2025-12-31', '56@2025-07-01'),
      ],
    };
    const merged = report('56', 2025, 900_000, { coveredCodes: ['56', '58'] });
    const stats = rollUp({ ref, reports: [merged], fetchedAt, now });
    expect(stats.source.status).toBe('OK');
    expect(stats.labourForce).toBe(900_000);
    expect(stats.source.rolledUpFrom).toEqual([]);
    expect(stats.source.note).toContain('covers the territory of 56, 58');
  });

  it('refuses a report covering more territory than the unit (old Khánh Hòa, 2025)', () => {
    const ref: UnitYearRef = { unitId: '56@origin', year: 2025, recordScopes: [scope('56', '2025-01-01', '2025-06-30')] };
    const stats = rollUp({ ref, reports: [report('56', 2025, 900_000, { coveredCodes: ['56', '58'] })], fetchedAt, now });
    expect(stats.source.status).toBe('MISSING');
    expect(stats.labourForce).toBeNull();
    expect(stats.source.note).toContain('cannot be separated');
  });

  it('is STALE when the figures run short of the last closed month of a running year', () => {
    const ref: UnitYearRef = { unitId: '56@2025-07-01', year: 2026, recordScopes: [scope('56', '2026-01-01', '2026-12-31', '56@2025-07-01')] };
    const late = report('56', 2026, 100, { to: '2026-01-31' });
    const stats = rollUp({ ref, reports: [late], fetchedAt, now });
    expect(stats.source.status).toBe('STALE');
    expect(stats.source.note).toContain('2026-02-28');
    const current = rollUp({ ref, reports: [report('56', 2026, 100, { to: '2026-02-28' })], fetchedAt, now });
    expect(current.source.status).toBe('OK');
  });

  it('nulls a rate whose numerator a report lacks, with a note', () => {
    const ref: UnitYearRef = { unitId: '56@origin', year: 2020, recordScopes: [scope('56', '2020-01-01', '2020-12-31')] };
    const r = report('56', 2020, 100, { figures: figures(100, { digitallySkilledWorkers: null }), synthetic: true });
    const stats = rollUp({ ref, reports: [r], fetchedAt, now });
    expect(stats.digitalSkillsRate).toBeNull();
    expect(stats.trainedWorkforceRate).toBeCloseTo(0.3);
    expect(stats.synthetic).toBe(true);
    expect(stats.source.note).toContain('digitallySkilledWorkers not reported by TTLD-2020-56');
    expect(stats.source.note).toContain('SYNTHETIC');
  });
});
