import { describe, expect, it } from 'vitest';
import { targetActual, targetIndicator, type IndicatorInfo } from './targets.ts';
import type { PlanTarget, Provenance } from './types.ts';

const target = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  index: 0,
  text: '90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng',
  min: 90,
  max: 90,
  unit: 'percent',
  targetYear: 2025,
  level: 'province',
  ...over,
});

const source = (over: Partial<Provenance> = {}): Provenance => ({
  system: 'DOCUMENTS',
  status: 'OK',
  recordRef: 'r',
  fetchedAt: '2026-11-25T00:00:00Z',
  asOf: '2024-12-31',
  rolledUpFrom: [],
  note: null,
  ...over,
});

const indicators = new Map<string, IndicatorInfo>([
  ['WORK_RECORDS_ONLINE_RATE', { code: 'WORK_RECORDS_ONLINE_RATE', name: 'Tỷ lệ hồ sơ công việc…', nameEn: 'Work records online', sourceSystem: 'documents', confirmed: false }],
]);

describe('target against actual', () => {
  it('links a work-records target and says which phrase matched', () => {
    const link = targetIndicator(target(), indicators);
    expect(link?.code).toBe('WORK_RECORDS_ONLINE_RATE');
    expect(link?.matchedOn).toMatch(/hồ sơ công việc/);
  });

  it('compares the owning system figure in percent, with provenance', () => {
    const r = targetActual(target(), 'WORK_RECORDS_ONLINE_RATE', { documents: { workRecordsOnlineRate: 0.9123, source: source() } }, 2025);
    expect(r).toMatchObject({ value: 91.23, met: true, due: true, status: 'OK' });
    expect(r.source?.system).toBe('DOCUMENTS');
  });

  it('is not met below the lower bound of a range, and not due before the target year', () => {
    const r = targetActual(target({ min: 55, max: 60 }), 'WORK_RECORDS_ONLINE_RATE', { documents: { workRecordsOnlineRate: 0.5, source: source() } }, 2023);
    expect(r).toMatchObject({ value: 50, met: false, due: false });
  });

  it('a ceiling is met below it', () => {
    const r = targetActual(target({ min: null, max: 5 }), 'WORK_RECORDS_ONLINE_RATE', { documents: { workRecordsOnlineRate: 0.04, source: source() } }, 2025);
    expect(r.met).toBe(true);
  });

  it('never compares a commune-level target with a province-wide figure', () => {
    const r = targetActual(target({ level: 'commune' }), 'WORK_RECORDS_ONLINE_RATE', { documents: { workRecordsOnlineRate: 0.9, source: source() } }, 2025);
    expect(r).toMatchObject({ value: null, met: null, status: 'NOT_COLLECTED' });
    expect(r.note).toMatch(/commune/);
  });

  it('a failed source is SOURCE_UNAVAILABLE, never a number', () => {
    const r = targetActual(target(), 'WORK_RECORDS_ONLINE_RATE', { documents: null }, 2025);
    expect(r).toMatchObject({ value: null, met: null, status: 'SOURCE_UNAVAILABLE' });
  });

  it('a source without the figure passes its status and note on', () => {
    const r = targetActual(target(), 'WORK_RECORDS_ONLINE_RATE', { documents: { workRecordsOnlineRate: null, source: source({ status: 'MISSING', note: 'no records' }) } }, 2025);
    expect(r).toMatchObject({ value: null, status: 'MISSING', note: 'no records' });
  });

  it('an unlinked target says why it has no actual', () => {
    expect(targetActual(target(), null, {}, 2025)).toMatchObject({ status: 'NOT_COLLECTED', value: null });
  });
});
