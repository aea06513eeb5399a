import { describe, expect, it } from 'vitest';
import { rollUp } from './rollup.ts';
import { deriveStatus } from './status.ts';
import type { MonthlyServiceRecord, RecordScope } from './types.ts';

function record(code: string, year: number, month: number, n = 1): MonthlyServiceRecord {
  const cutOff = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return {
    code,
    portalId: `p${code}`,
    name: `Tỉnh ${code}`,
    year,
    month,
    cutOff,
    procedures: { total: 100 * n, published: 100 * n, fullyOnline: 50 * n + month, partlyOnline: 30 * n },
    dossiers: {
      received: 1000 * n, online: 600 * n, resolved: 900 * n, resolvedOnTime: 800 * n, resolvedLate: 100 * n,
      digitised: 500 * n, withFees: 400 * n, paidOnline: 100 * n, satisfactionVotes: 50 * n, satisfiedVotes: 45 * n,
    },
  };
}

const months = (code: string, year: number, from: number, to: number, n = 1): MonthlyServiceRecord[] =>
  Array.from({ length: to - from + 1 }, (_, i) => record(code, year, from + i, n));

const scope = (code: string, unitId: string, from: string, to: string): RecordScope => ({ unitId, code, name: `Tỉnh ${code}`, from, to });

// Merged Khánh Hòa (56@2025-07-01) for 2025: old 56 and 58 for Jan–Jun, the merged 56 for Jul–Dec.
const khanhHoa2025 = [
  scope('56', '56@origin', '2025-01-01', '2025-06-30'),
  scope('58', '58@origin', '2025-01-01', '2025-06-30'),
  scope('56', '56@2025-07-01', '2025-07-01', '2025-12-31'),
];

describe('roll-up of a unit-year from its record scopes', () => {
  it('sums a merged unit over two predecessors and itself, recomputing rates from the sums', () => {
    const records = [...months('56', 2025, 1, 12, 2), ...months('58', 2025, 1, 6, 1), ...months('64', 2025, 1, 12)];
    const r = rollUp(khanhHoa2025, records);
    expect(r.provenance.status).toBe('OK');
    // old 56 (6 months × 2) + 58 (6 × 1) + new 56 (6 × 2) = 30 units of 1000
    expect(r.dossiers.received).toBe(30_000);
    expect(r.dossiers.paidOnline).toBe(3_000);
    expect(r.rates.onlinePaymentRate).toBeCloseTo(3_000 / 12_000);
    expect(r.rates.onTimeRate).toBeCloseTo(800 / 900);
    // The catalogue is a stock: December of the merged unit only, not a sum over the year.
    expect(r.procedures.total).toBe(200);
    expect(r.procedures.fullyOnline).toBe(112);
    expect(r.rates.fullyOnlineProcedureRate).toBeCloseTo(112 / 200);
    expect(r.provenance.rolledUpFrom.map((s) => s.unitId)).toEqual(['56@origin', '58@origin', '56@2025-07-01']);
    expect(r.provenance.note).toMatch(/Summed from 3 units/);
    expect(r.provenance.asOf).toBe('2025-12-31');
  });

  it('sums the catalogues of predecessors that end together (a year before the merger)', () => {
    const scopes = [scope('56', '56@origin', '2024-01-01', '2024-12-31'), scope('58', '58@origin', '2024-01-01', '2024-12-31')];
    const r = rollUp(scopes, [...months('56', 2024, 1, 12), ...months('58', 2024, 1, 12, 3)]);
    expect(r.procedures.total).toBe(400);
    expect(r.rates.onlineDossierRate).toBeCloseTo(0.6);
  });

  it('is PARTIAL when one predecessor has no records, and says which', () => {
    const r = rollUp(khanhHoa2025, [...months('56', 2025, 1, 12)]);
    expect(r.provenance.status).toBe('PARTIAL');
    expect(r.provenance.note).toMatch(/No records for 58 Tỉnh 58 \(2025-01-01\.\.2025-06-30\)/);
    expect(r.dossiers.received).toBe(12_000);
    expect(r.provenance.rolledUpFrom).toHaveLength(2);
  });

  it('is MISSING with every figure null when no scope has records, never 0', () => {
    const r = rollUp(khanhHoa2025, months('64', 2025, 1, 12));
    expect(r.provenance.status).toBe('MISSING');
    expect(r.dossiers.received).toBeNull();
    expect(r.procedures.total).toBeNull();
    expect(r.rates.onTimeRate).toBeNull();
    expect(r.provenance.note).toMatch(/no records/);
  });

  it('is MISSING when the unit-year has no record scopes at all', () => {
    const r = rollUp([], months('56', 2025, 1, 12));
    expect(r.provenance.status).toBe('MISSING');
    expect(r.provenance.note).toMatch(/No unit/);
  });

  it('is STALE when the records stop before the period ends (the running year)', () => {
    const r = rollUp([scope('56', '56@2025-07-01', '2026-01-01', '2026-12-31')], months('56', 2026, 1, 10));
    expect(r.provenance.status).toBe('STALE');
    expect(r.provenance.asOf).toBe('2026-10-31');
    expect(r.provenance.rolledUpFrom).toEqual([]);
  });

  it('gives a null rate with a note when its denominator is zero', () => {
    const zeroFees = { ...record('56', 2024, 1), dossiers: { ...record('56', 2024, 1).dossiers, withFees: 0, paidOnline: 0 } };
    const r = rollUp([scope('56', '56@origin', '2024-01-01', '2024-01-31')], [zeroFees]);
    expect(r.rates.onlinePaymentRate).toBeNull();
    expect(r.dossiers.withFees).toBe(0);
    expect(r.provenance.note).toMatch(/onlinePaymentRate is null: no dossiers with fees/);
  });

  it('derives status in precedence MISSING > PARTIAL > STALE > OK', () => {
    expect(deriveStatus({ scopes: 2, scopesWithRecords: 0, stale: true })).toBe('MISSING');
    expect(deriveStatus({ scopes: 2, scopesWithRecords: 1, stale: true })).toBe('PARTIAL');
    expect(deriveStatus({ scopes: 2, scopesWithRecords: 2, stale: true })).toBe('STALE');
    expect(deriveStatus({ scopes: 2, scopesWithRecords: 2, stale: false })).toBe('OK');
  });
});
