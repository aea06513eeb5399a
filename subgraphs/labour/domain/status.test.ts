import { describe, expect, it } from 'vitest';
import { deriveStatus, lastClosedDay, requiredAsOf } from './status.ts';

const scope = (from: string, to: string) => ({ unitId: '56@origin', code: '56', name: 'Tỉnh Khánh Hòa', from, to });

describe('status', () => {
  it('requires the period end for a past year and the last closed day for a running one', () => {
    const now = new Date('2025-11-20T00:00:00Z');
    expect(lastClosedDay(now)).toBe('2025-10-31');
    expect(requiredAsOf([scope('2024-01-01', '2024-12-31')], now)).toBe('2024-12-31');
    expect(requiredAsOf([scope('2025-01-01', '2025-06-30'), scope('2025-07-01', '2025-12-31')], now)).toBe('2025-10-31');
    expect(requiredAsOf([], now)).toBeNull();
  });

  it('derives MISSING, PARTIAL, STALE and OK in that precedence', () => {
    expect(deriveStatus({ scopes: 0, covered: 0, asOf: null, required: null })).toBe('MISSING');
    expect(deriveStatus({ scopes: 2, covered: 0, asOf: null, required: '2024-12-31' })).toBe('MISSING');
    expect(deriveStatus({ scopes: 2, covered: 1, asOf: '2024-06-30', required: '2024-12-31' })).toBe('PARTIAL');
    expect(deriveStatus({ scopes: 2, covered: 2, asOf: '2024-06-30', required: '2024-12-31' })).toBe('STALE');
    expect(deriveStatus({ scopes: 2, covered: 2, asOf: '2024-12-31', required: '2024-12-31' })).toBe('OK');
  });
});
