import { describe, expect, it } from 'vitest';
import { rollUpDocuments } from './rollup.ts';
import type { MonthlyDocumentRow, RecordScope, StatsSnapshot } from './types.ts';
import { parseUnitId } from './unitId.ts';

function row(unitCode: string, month: number, c: Partial<MonthlyDocumentRow> = {}): MonthlyDocumentRow {
  return {
    agencyCode: `${unitCode}.VP`,
    agencyName: 'Văn phòng Ủy ban nhân dân',
    unitCode,
    year: 2024,
    month,
    incoming: 100,
    outgoing: 50,
    outgoingSigned: 40,
    sentViaAxis: 30,
    receivedViaAxis: 70,
    workRecords: 20,
    workRecordsOnline: 10,
    ...c,
  };
}

const khanhHoa: RecordScope = { unitId: '56@origin', code: '56', name: 'Tỉnh Khánh Hòa', from: '2024-01-01', to: '2024-12-31' };
const ninhThuan: RecordScope = { unitId: '58@origin', code: '58', name: 'Tỉnh Ninh Thuận', from: '2024-01-01', to: '2024-12-31' };
const months = Array.from({ length: 12 }, (_, i) => i + 1);

function snapshot(rows: MonthlyDocumentRow[], asOf = '2026-10-31'): StatsSnapshot {
  return { rows, asOf, fetchedAt: '2026-11-25T00:00:00.000Z' };
}

describe('rollUpDocuments', () => {
  it('sums a merged unit’s two predecessors and recomputes rates from the sums', () => {
    const rows = [
      ...months.map((m) => row('56', m, { outgoing: 100, outgoingSigned: 90 })),
      ...months.map((m) => row('58', m, { outgoing: 10, outgoingSigned: 1 })),
    ];
    const stats = rollUpDocuments({ year: 2024, scopes: [khanhHoa, ninhThuan], match: 'unit', snapshot: snapshot(rows) });
    expect(stats.source.status).toBe('OK');
    expect(stats.outgoingCount).toBe(12 * 110);
    // (90 + 1) / (100 + 10), not the mean of 0.9 and 0.1.
    expect(stats.signedDigitallyRate).toBeCloseTo(91 / 110, 10);
    expect(stats.sentElectronicallyRate).toBeCloseTo((24 * 30 + 24 * 70) / (24 * 100 + 12 * 110), 10);
    expect(stats.source.rolledUpFrom.map((s) => s.code)).toEqual(['56', '58']);
    expect(stats.source.note).toContain('not averaged');
    expect(stats.months).toHaveLength(12);
    expect(stats.months[0]?.incomingCount).toBe(200);
    expect(stats.agencies.map((a) => a.agencyCode)).toEqual(['56.VP', '58.VP']);
  });

  it('is PARTIAL when one predecessor has no records, and the figure covers the other', () => {
    const stats = rollUpDocuments({ year: 2024, scopes: [khanhHoa, ninhThuan], match: 'unit', snapshot: snapshot(months.map((m) => row('56', m))) });
    expect(stats.source.status).toBe('PARTIAL');
    expect(stats.source.note).toContain('Tỉnh Ninh Thuận (code 58');
    expect(stats.incomingCount).toBe(1200);
    expect(stats.source.rolledUpFrom).toEqual([]);
  });

  it('is MISSING with null figures, never zeros, when no scope has records', () => {
    const stats = rollUpDocuments({ year: 2024, scopes: [khanhHoa, ninhThuan], match: 'unit', snapshot: snapshot([]) });
    expect(stats.source.status).toBe('MISSING');
    expect(stats.incomingCount).toBeNull();
    expect(stats.signedDigitallyRate).toBeNull();
    expect(stats.months).toEqual([]);
  });

  it('is MISSING for empty scopes', () => {
    const stats = rollUpDocuments({ year: 2019, scopes: [], match: 'unit', snapshot: { rows: [], asOf: null, fetchedAt: 'now' } });
    expect(stats.source.status).toBe('MISSING');
    expect(stats.source.recordRef).toBeNull();
  });

  it('is STALE when the upstream has closed figures only part-way through the period', () => {
    const scope = { ...khanhHoa, from: '2026-01-01', to: '2026-12-31', unitId: '56@2025-07-01' };
    const rows = months.slice(0, 10).map((m) => row('56', m, { year: 2026 }));
    const stats = rollUpDocuments({ year: 2026, scopes: [scope], match: 'unit', snapshot: snapshot(rows, '2026-10-31') });
    expect(stats.source.status).toBe('STALE');
    expect(stats.source.note).toContain('2026-10-31');
  });

  it('takes only the months of each scope: code 56 before and after the merger', () => {
    const scopes: RecordScope[] = [
      { ...khanhHoa, from: '2025-01-01', to: '2025-06-30' },
      { ...ninhThuan, from: '2025-01-01', to: '2025-06-30' },
      { unitId: '56@2025-07-01', code: '56', name: 'Tỉnh Khánh Hòa', from: '2025-07-01', to: '2025-12-31' },
    ];
    const rows = [...months.map((m) => row('56', m, { year: 2025 })), ...months.slice(0, 6).map((m) => row('58', m, { year: 2025 }))];
    const stats = rollUpDocuments({ year: 2025, scopes, match: 'unit', snapshot: snapshot(rows) });
    expect(stats.source.status).toBe('OK');
    expect(stats.incomingCount).toBe(18 * 100);
    expect(stats.source.rolledUpFrom).toHaveLength(3);
  });

  it('gives a null rate with a note when its denominator is zero', () => {
    const stats = rollUpDocuments({
      year: 2024,
      scopes: [khanhHoa],
      match: 'unit',
      snapshot: snapshot(months.map((m) => row('56', m, { workRecords: 0, workRecordsOnline: 0 }))),
    });
    expect(stats.workRecordsCount).toBe(0);
    expect(stats.workRecordsOnlineRate).toBeNull();
    expect(stats.source.note).toContain('workRecordsOnlineRate is null');
  });
});

describe('parseUnitId', () => {
  it('splits code@validFrom', () => {
    expect(parseUnitId('56@2025-07-01')).toEqual({ code: '56', validFrom: '2025-07-01' });
    expect(parseUnitId('01@origin')).toEqual({ code: '01', validFrom: null });
    expect(parseUnitId('Khánh Hòa')).toBeUndefined();
  });
});
