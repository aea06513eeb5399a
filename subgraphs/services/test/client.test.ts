import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { UpstreamBadResponseError, UpstreamHttpError, UpstreamUnavailableError } from '../../../lib/errors/index.ts';
import { mockUpstream } from '../../../lib/testing/index.ts';
import * as fixture from '../../../test/fixtures/services.ts';
import { createServicesClient } from '../upstream/client.ts';

function mockPortal(): { agent: MockAgent; pool: ReturnType<MockAgent['get']> } & AsyncDisposable {
  const agent = mockUpstream();
  return { agent, pool: agent.get(fixture.baseUrl), [Symbol.asyncDispose]: () => agent.close() };
}

function client(agent: MockAgent, pageSize?: number) {
  return createServicesClient({
    baseUrl: fixture.baseUrl,
    dispatcher: agent,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
    ...(pageSize === undefined ? {} : { pageSize }),
    now: () => new Date('2026-11-25T08:00:00Z'),
  });
}

/** The `params` JSON the client put in its form body. */
function paramsOf(body: unknown): unknown {
  return JSON.parse(new URLSearchParams(String(body)).get('params') ?? 'null');
}

describe('services client', () => {
  it('parses a valid page into domain records: codes translated, diacritics NFC, dates ISO', async () => {
    await using mock = mockPortal();
    const seen: unknown[] = [];
    mock.pool.intercept({ path: fixture.rpcPath, method: 'POST' }).reply((req) => {
      seen.push(paramsOf(req.body));
      return { statusCode: 200, data: [fixture.validMonthlyRow()] };
    });
    const result = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89', '89', '99'] });
    expect(seen[0]).toMatchObject({ service: 'thongke_hoso_tinh_thang_service', p_nam: '2024', p_tinh_id: ['398126'], pageIndex: 1 });
    expect(result.askedCodes).toEqual(['89']);
    expect(result.fetchedAt).toBe('2026-11-25T08:00:00.000Z');
    const [r] = result.records;
    expect(r).toMatchObject({ code: '89', portalId: '398126', year: 2024, month: 3, cutOff: '2024-03-31' });
    expect(r?.name).toBe('Tỉnh An Giang'.normalize('NFC'));
    expect(r?.name).toBe(r?.name.normalize('NFC'));
    expect(r?.dossiers.received).toBe(40_000);
    expect(r?.procedures.fullyOnline).toBe(900);
  });

  it('follows pagination until the row total is reached', async () => {
    await using mock = mockPortal();
    const pages: unknown[] = [];
    mock.pool
      .intercept({ path: fixture.rpcPath, method: 'POST' })
      .reply((req) => {
        const params = paramsOf(req.body);
        const page = typeof params === 'object' && params !== null && 'pageIndex' in params ? Number(params.pageIndex) : 0;
        pages.push(page);
        return { statusCode: 200, data: fixture.validMonthlyPage({ start: (page - 1) * 2 + 1, count: page < 3 ? 2 : 1, total: 5 }) };
      })
      .times(3);
    const result = await client(mock.agent, 2).monthlyStats({ year: 2024, codes: ['89'] });
    expect(pages).toEqual([1, 2, 3]);
    expect(result.records.map((r) => r.month)).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes no request when no code is known to the portal (an empty id list means "all")', async () => {
    await using mock = mockPortal();
    const result = await client(mock.agent).monthlyStats({ year: 2024, codes: ['99'] });
    expect(result.records).toEqual([]);
  });

  it('rejects a malformed payload with UpstreamBadResponseError and its issues', async () => {
    await using mock = mockPortal();
    mock.pool.intercept({ path: fixture.rpcPath, method: 'POST' }).reply(200, fixture.malformedMonthlyPage());
    const error = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadResponseError);
    const paths = error instanceof UpstreamBadResponseError ? error.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['rows.0.HS_TRUC_TUYEN', 'rows.0.TONG_SO_HO_SO']));
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', system: 'services' });
  });

  it('rejects a row with an unknown portal id as a bad response', async () => {
    await using mock = mockPortal();
    mock.pool.intercept({ path: fixture.rpcPath, method: 'POST' }).reply(200, [fixture.validMonthlyRow({ ID: '1' })]);
    const error = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadResponseError);
  });

  it('turns an error body sent with HTTP 200 into UpstreamHttpError carrying the portal message', async () => {
    await using mock = mockPortal();
    mock.pool.intercept({ path: fixture.rpcPath, method: 'POST' }).reply(200, fixture.portalErrorBody('Tham số không hợp lệ'));
    const error = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect(error instanceof Error ? error.message : '').toMatch(/error_code 1: Tham số không hợp lệ/);
  });

  it('retries a 5xx and then fails with UpstreamHttpError', async () => {
    await using mock = mockPortal();
    let calls = 0;
    mock.pool
      .intercept({ path: fixture.rpcPath, method: 'POST' })
      .reply(() => {
        calls += 1;
        return { statusCode: 500, data: { error_code: -1, message: 'Lỗi hệ thống' } };
      })
      .times(3);
    const error = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect(error).toMatchObject({ status: 500, code: 'UPSTREAM_HTTP_ERROR' });
    expect(calls).toBe(3);
  });

  it('maps a connection reset to UpstreamUnavailableError', async () => {
    await using mock = mockPortal();
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    mock.pool.intercept({ path: fixture.rpcPath, method: 'POST' }).replyWithError(reset).times(3);
    const error = await client(mock.agent).monthlyStats({ year: 2024, codes: ['89'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'services' });
  });
});
