import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CircuitOpenError,
  UpstreamBadResponseError,
  UpstreamHttpError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../errors/index.ts';
import { mockUpstream } from '../testing/index.ts';
import { createUpstreamClient } from './index.ts';

const ORIGIN = 'http://registry.invalid';
const schema = z.object({ items: z.array(z.object({ ma: z.string(), ten: z.string() })) });

function client(agent: MockAgent, extra: Partial<Parameters<typeof createUpstreamClient>[0]> = {}) {
  return createUpstreamClient({
    system: 'plans',
    baseUrl: `${ORIGIN}/api`,
    dispatcher: agent,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  });
}

describe('createUpstreamClient', () => {
  it('parses a valid payload, keeping diacritics, and prefixes the base path', async () => {
    await using agent = mockUpstream();
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/units?ma=56&ma=58', method: 'GET' })
      .reply(200, { items: [{ ma: '56', ten: 'Tỉnh Khánh Hòa' }] });
    const res = await client(agent).get('/units', { query: { ma: ['56', '58'] }, schema });
    expect(res.data.items[0]?.ten).toBe('Tỉnh Khánh Hòa');
    expect(res.url).toBe(`${ORIGIN}/api/units?ma=56&ma=58`);
  });

  it('rejects a payload that breaks the shape, naming where', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(200, { items: [{ ma: 56 }] });
    const err = await client(agent).get('/units', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    expect((err as UpstreamBadResponseError).issues.map((i) => i.path)).toContain('items.0.ma');
    expect((err as UpstreamBadResponseError).system).toBe('plans');
  });

  it('names the field inside a union branch, taking the closest branch', async () => {
    await using agent = mockUpstream();
    const legacyRow = z.object({ MA_DV: z.string(), TONG_HS: z.number(), HS_TRUC_TUYEN: z.number() });
    const currentRow = z.object({ ma: z.string(), tongHoSo: z.number(), hoSoTrucTuyen: z.number() });
    const unionSchema = z.object({ rows: z.array(z.union([currentRow, legacyRow])) });
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/stats', method: 'GET' })
      .reply(200, { rows: [{ MA_DV: '56', TONG_HS: 10, HS_TRUC_TUYEN: 'bảy' }] });
    const err = await client(agent).get('/stats', { schema: unionSchema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    if (!(err instanceof UpstreamBadResponseError)) return;
    expect(err.issues.map((i) => i.path)).toEqual(['rows.0.HS_TRUC_TUYEN']);
  });

  it('rejects a body that is not JSON', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(200, '<html>maintenance</html>');
    await expect(client(agent).get('/units', { schema })).rejects.toBeInstanceOf(UpstreamBadResponseError);
  });

  it('retries a 5xx on a read, then succeeds', async () => {
    await using agent = mockUpstream();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/api/units', method: 'GET' }).reply(503, { message: 'busy' });
    pool.intercept({ path: '/api/units', method: 'GET' }).reply(200, { items: [] });
    const res = await client(agent).get('/units', { schema });
    expect(res.data.items).toEqual([]);
  });

  it('gives up after the retries with the status and the upstream message', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(500, { message: 'lỗi hệ thống' }).times(3);
    const err = await client(agent, { errorMessage: (b) => z.object({ message: z.string() }).safeParse(b).data?.message })
      .get('/units', { schema })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamHttpError);
    expect((err as UpstreamHttpError).status).toBe(500);
    expect((err as Error).message).toContain('lỗi hệ thống');
  });

  it('does not retry a non-idempotent POST', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/plans', method: 'POST' }).reply(503, {});
    agent.get(ORIGIN).intercept({ path: '/api/plans', method: 'POST' }).reply(200, { items: [] });
    await expect(client(agent).post('/plans', { body: { json: {} }, schema })).rejects.toBeInstanceOf(UpstreamHttpError);
  });

  it('maps a connection reset to UPSTREAM_UNAVAILABLE', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).times(3);
    const err = await client(agent).get('/units', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as UpstreamUnavailableError).code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps a slow answer to UPSTREAM_TIMEOUT', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(200, { items: [] }).delay(200);
    const err = await client(agent, { timeoutMs: 20, retry: { maxRetries: 0 } }).get('/units', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
  });

  it('opens the circuit after consecutive failures and short-circuits calls', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(503, {}).times(2);
    const c = client(agent, { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    await expect(c.get('/units', { schema })).rejects.toBeInstanceOf(UpstreamHttpError);
    await expect(c.get('/units', { schema })).rejects.toBeInstanceOf(UpstreamHttpError);
    const err = await c.get('/units', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).code).toBe('CIRCUIT_OPEN');
  });

  it('does not open the circuit on malformed payloads (the system is up)', async () => {
    await using agent = mockUpstream();
    agent.get(ORIGIN).intercept({ path: '/api/units', method: 'GET' }).reply(200, { wrong: true }).times(3);
    const c = client(agent, { breaker: { consecutiveFailures: 2 } });
    for (let i = 0; i < 3; i++) await expect(c.get('/units', { schema })).rejects.toBeInstanceOf(UpstreamBadResponseError);
  });
});
