import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadIndicatorCatalogue, systemsMeasuring } from '../domain/catalogue.ts';
import { signCheck, verifyCheck, type CheckClaims } from '../domain/check-token.ts';
import { systemWarnings } from '../domain/checks.ts';
import { loadConfig } from '../config.ts';

const figure = (value: number | null, status = 'OK') => ({ system: 'DOCUMENTS, SERVICES', value, status, asOf: '2023-12-31' });

describe('systemWarnings', () => {
  it('SYSTEM_MISMATCH only beyond the tolerance: at it (0.65 against 0.6, binary noise included) passes', () => {
    expect(systemWarnings(0.65, figure(0.6), 0.05)).toEqual([]);
    expect(systemWarnings(0.55, figure(0.6), 0.05)).toEqual([]);
    expect(systemWarnings(0.6, figure(0.6), 0)).toEqual([]);
    const [w] = systemWarnings(0.66, figure(0.6), 0.05);
    expect(w?.code).toBe('SYSTEM_MISMATCH');
    // Both values and the system, Vietnamese first.
    expect(w?.message).toMatch(/0\.66.*hệ thống quản lý văn bản.*0\.6 \(2023-12-31\)/);
    expect(w?.messageEn).toMatch(/0\.66.*0\.6.*DOCUMENTS, SERVICES/);
    expect(w?.message).toBe(w?.message.normalize('NFC'));
    expect(systemWarnings(0.54, figure(0.6), 0.05).map((x) => x.code)).toEqual(['SYSTEM_MISMATCH']);
  });

  it('no figure (the system down, or nothing measured): SYSTEM_FIGURE_UNAVAILABLE, never a comparison with an invented value', () => {
    const [w] = systemWarnings(0.5, figure(null, 'SOURCE_UNAVAILABLE'), 0.05);
    expect(w?.code).toBe('SYSTEM_FIGURE_UNAVAILABLE');
    expect(w?.message).toMatch(/SOURCE_UNAVAILABLE/);
  });

  it('the tolerance comes from SUBMISSIONS_SYSTEM_TOLERANCE (0.05 by default), a bad one fails start-up', () => {
    expect(loadConfig({}).systemTolerance).toBe(0.05);
    expect(loadConfig({ SUBMISSIONS_SYSTEM_TOLERANCE: '0.1' }).systemTolerance).toBe(0.1);
    expect(() => loadConfig({ SUBMISSIONS_SYSTEM_TOLERANCE: '2' })).toThrow();
    expect(() => loadConfig({ SUBMISSIONS_SYSTEM_TOLERANCE: 'abc' })).toThrow();
    expect(loadConfig({}).checkTokenTtlS).toBe(3600);
  });
});

describe('check tokens', () => {
  const key = randomBytes(32);
  const claims: CheckClaims = { entryId: 'e1', version: 3, system: 'LABOUR', systemValue: 0.25, systemStatus: 'OK', warnings: ['SYSTEM_MISMATCH'], issuedAt: 1_795_000_000 };

  it('round-trips what the store signed', () => {
    expect(verifyCheck(key, signCheck(key, claims))).toEqual(claims);
  });

  it('refuses a token signed with another key, an altered body, a bare body and garbage', () => {
    const token = signCheck(key, claims);
    expect(verifyCheck(randomBytes(32), token)).toBeNull();
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, warnings: [] }), 'utf8').toString('base64url');
    expect(verifyCheck(key, `${forged}.${mac ?? ''}`)).toBeNull();
    expect(verifyCheck(key, forged)).toBeNull();
    expect(verifyCheck(key, 'not a token')).toBeNull();
    expect(verifyCheck(key, `${token}.x`)).toBeNull();
  });

  it('binds the version: a token of version 3 says 3 (submitEntries refuses it as stale for version 4)', () => {
    expect(verifyCheck(key, signCheck(key, claims))?.version).toBe(3);
    expect(signCheck(key, { ...claims, version: 4 })).not.toBe(signCheck(key, claims));
  });
});

describe('systemsMeasuring', () => {
  const catalogue = loadIndicatorCatalogue();
  it('names the systems whose inputs the graph carries; none for an indicator only a person can fill', () => {
    expect(systemsMeasuring(catalogue, '922-M-7')).toEqual(['DOCUMENTS', 'SERVICES']);
    expect(systemsMeasuring(catalogue, '922-M-9')).toEqual(['LABOUR']);
    expect(systemsMeasuring(catalogue, '922-M-2')).toEqual([]);
    // Its only input (plan task completion) is not in the graph.
    expect(systemsMeasuring(catalogue, '922-M-1')).toEqual([]);
  });
});
