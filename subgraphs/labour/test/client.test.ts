import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, UpstreamBadResponseError, UpstreamHttpError, UpstreamUnavailableError } from '../../../lib/errors/index.ts';
import { mockUpstream } from '../../../lib/testing/index.ts';
import * as fixture from '../../../test/fixtures/labour.ts';
import { createLabourClient, type LabourClient } from '../upstream/client.ts';

const json = { headers: { 'content-type': 'application/json; charset=utf-8' } };
const yearly = (p: string): boolean => p.startsWith(fixture.yearlyPath);

function labourClient(agent: MockAgent): LabourClient {
  return createLabourClient({
    baseUrl: fixture.baseUrl,
    dispatcher: agent,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
    now: () => new Date('2025-03-01T00:00:00Z'),
  });
}

describe('labour client', () => {
  it('parses a valid page into domain reports (diacritics intact, dates parsed, percent as fraction)', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    let seenPath = '';
    agent
      .get(fixture.baseUrl)
      .intercept({
        path: (p) => {
          seenPath = p;
          return yearly(p);
        },
        method: 'GET',
      })
      .reply(200, fixture.validPage([fixture.validReport(), fixture.validReport({ MaTinh: '58', TenTinh: 'Tỉnh Ninh Thuận' })]), json);
    const result = await client.yearlyReports(2024, ['58', '56']);
    const url = new URL(seenPath, fixture.baseUrl);
    expect(url.searchParams.get('nam')).toBe('2024');
    expect(url.searchParams.get('maTinh')).toBe('56,58');
    expect(result.reports).toHaveLength(2);
    const [kh, nt] = result.reports;
    expect(kh?.name).toBe('Tỉnh Khánh Hòa');
    expect(nt?.name).toBe('Tỉnh Ninh Thuận');
    expect(kh?.updatedAt).toBe('2025-01-20T02:30:00.000Z');
    expect(kh?.from).toBe('2024-01-01');
    expect(kh?.figures.underemploymentRate).toBeCloseTo(0.025);
    expect(kh?.figures.labourForce).toBe(700_000);
    expect(kh?.synthetic).toBe(true);
    expect(result.fetchedAt).toBe('2025-03-01T00:00:00.000Z');
  });

  it('follows @odata.nextLink until the last page', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    const pool = agent.get(fixture.baseUrl);
    const next = `${fixture.baseUrl}${fixture.yearlyPath}?nam=2024&maTinh=56%2C58&%24skip=1&%24top=1`;
    pool
      .intercept({ path: (p) => yearly(p) && !p.includes('skip'), method: 'GET' })
      .reply(200, fixture.validPage([fixture.validReport()], next), json);
    pool
      .intercept({ path: (p) => yearly(p) && p.includes('%24skip=1'), method: 'GET' })
      .reply(200, fixture.validPage([fixture.validReport({ MaTinh: '58' })]), json);
    const result = await client.yearlyReports(2024, ['56', '58']);
    expect(result.reports.map((r) => r.code)).toEqual(['56', '58']);
    expect(result.urls).toHaveLength(2);
    agent.assertNoPendingInterceptors();
  });

  it('refuses a continuation link to another host', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    agent
      .get(fixture.baseUrl)
      .intercept({ path: yearly, method: 'GET' })
      .reply(200, fixture.validPage([fixture.validReport()], 'http://elsewhere.invalid/odata/TongHopNam?$skip=1'), json);
    await expect(client.yearlyReports(2024, ['56'])).rejects.toBeInstanceOf(UpstreamBadResponseError);
  });

  it.each([
    ['a renamed field', fixture.malformedRenamedField(), 'value.0.LucLuongLaoDong'],
    ['a number as text', fixture.malformedNumberAsText(), 'value.0.SoNguoiCoViecLam'],
  ])('rejects %s with UpstreamBadResponseError and its issues', async (_label, body, path) => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    agent.get(fixture.baseUrl).intercept({ path: yearly, method: 'GET' }).reply(200, body, json);
    const error: unknown = await client.yearlyReports(2024, ['56']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadResponseError);
    if (!(error instanceof UpstreamBadResponseError)) return;
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.system).toBe('labour');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('rejects a truncated body as a bad response', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    agent.get(fixture.baseUrl).intercept({ path: yearly, method: 'GET' }).reply(200, fixture.malformedTruncated(), json);
    const error: unknown = await client.yearlyReports(2024, ['56']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadResponseError);
  });

  it('retries a 5xx, then fails with UpstreamHttpError carrying the vendor message', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    agent
      .get(fixture.baseUrl)
      .intercept({ path: yearly, method: 'GET' })
      .reply(503, fixture.errorBody('ServiceUnavailable', 'Hệ thống đang bảo trì'), json)
      .times(3);
    const error: unknown = await client.yearlyReports(2024, ['56']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamHttpError);
    if (!(error instanceof UpstreamHttpError)) return;
    expect(error.status).toBe(503);
    expect(error.message).toContain('ServiceUnavailable: Hệ thống đang bảo trì');
    agent.assertNoPendingInterceptors();
  });

  it('recovers when a retry succeeds', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    const pool = agent.get(fixture.baseUrl);
    pool.intercept({ path: yearly, method: 'GET' }).reply(502, fixture.errorBody('BadGateway', 'x'), json);
    pool.intercept({ path: yearly, method: 'GET' }).reply(200, fixture.validPage([fixture.validReport()]), json);
    const result = await client.yearlyReports(2024, ['56']);
    expect(result.reports).toHaveLength(1);
  });

  it('turns a connection reset into UpstreamUnavailableError', async () => {
    await using agent = mockUpstream();
    await using client = labourClient(agent);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    agent.get(fixture.baseUrl).intercept({ path: yearly, method: 'GET' }).replyWithError(reset).times(3);
    const error: unknown = await client.yearlyReports(2024, ['56']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    if (!(error instanceof UpstreamUnavailableError)) return;
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.cause).toBeDefined();
  });

  it('opens the circuit after repeated failures and short-circuits the next call', async () => {
    await using agent = mockUpstream();
    await using fragile = createLabourClient({ baseUrl: fixture.baseUrl, dispatcher: agent, retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 1 } });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    agent.get(fixture.baseUrl).intercept({ path: yearly, method: 'GET' }).replyWithError(reset);
    await expect(fragile.yearlyReports(2024, ['56'])).rejects.toBeInstanceOf(UpstreamUnavailableError);
    const error: unknown = await fragile.yearlyReports(2024, ['56']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    if (error instanceof CircuitOpenError) expect(error.system).toBe('labour');
  });
});
