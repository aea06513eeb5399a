import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  BadUserInputError,
  ConflictError,
  CircuitOpenError,
  HTTP_STATUS_BY_CODE,
  NotFoundError,
  PROVENANCE_STATUS_BY_UPSTREAM_CODE,
  toGraphQLError,
  UpstreamBadResponseError,
  UpstreamError,
  UpstreamHttpError,
  UpstreamOverloadedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './index.ts';

const target = { url: 'http://documents.invalid/api', method: 'GET' };
const base = { system: 'documents' as const, target };

describe('toGraphQLError', () => {
  const upstreamErrors: UpstreamError[] = [
    new UpstreamTimeoutError({ ...base, timeoutMs: 10 }),
    new UpstreamUnavailableError(base),
    new UpstreamHttpError({ ...base, status: 503 }),
    new UpstreamBadResponseError({ ...base, status: 200, issues: [{ path: 'a', message: 'b' }] }),
    new CircuitOpenError(base),
    new UpstreamOverloadedError(base),
  ];

  it.each(upstreamErrors.map((e) => [e.code, e] as const))('%s keeps code, system and method, not the internal URL', (code, err) => {
    const g = toGraphQLError(err);
    expect(g.extensions['code']).toBe(code);
    expect(g.extensions['system']).toBe('documents');
    expect(g.extensions['upstream']).toMatchObject({ method: target.method });
    expect(JSON.stringify(g.extensions)).not.toContain(target.url);
    expect(HTTP_STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(500);
    expect(PROVENANCE_STATUS_BY_UPSTREAM_CODE[code]).toBe('SOURCE_UNAVAILABLE');
  });

  it('says what was wrong with user input', () => {
    const g = toGraphQLError(new BadUserInputError('year 2019 is outside the data', { argument: 'year' }));
    expect(g.message).toBe('year 2019 is outside the data');
    expect(g.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'year' });
    expect(toGraphQLError(new NotFoundError('no unit 99')).extensions['code']).toBe('NOT_FOUND');
  });

  it('keeps access refusals and conflicts as their own codes', () => {
    expect(toGraphQLError(new AccessDeniedError('FORBIDDEN', 'needs access to unit 56')).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(toGraphQLError(new ConflictError('entry changed', { currentVersion: 3 })).extensions).toEqual({ code: 'CONFLICT', currentVersion: 3 });
  });

  it('leaks nothing of an unexpected error', () => {
    const g = toGraphQLError(new TypeError('cannot read x of undefined at /srv/secret.ts:12'));
    expect(g.message).toBe('Internal server error');
    expect(g.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
