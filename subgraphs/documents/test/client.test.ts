import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { UpstreamBadResponseError, UpstreamHttpError, UpstreamUnavailableError } from '../../../lib/errors/index.ts';
import { mockUpstream } from '../../../lib/testing/index.ts';
import * as fixture from '../../../test/fixtures/documents.ts';
import { createDocumentsClient } from '../upstream/client.ts';

function client(agent: MockAgent, pageSize?: number) {
  return createDocumentsClient({
    baseUrl: fixture.baseUrl,
    dispatcher: agent,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
    ...(pageSize === undefined ? {} : { pageSize }),
  });
}

const statsPath = (query: string): ((path: string) => boolean) => (path) => path.startsWith(fixture.statsPath) && path.includes(query);

describe('documents client', () => {
  it('parses a valid page into domain rows: string counts, diacritics, dd/MM/yyyy dates', async () => {
    await using agent = mockUpstream();
    agent.get(fixture.baseUrl).intercept({ path: statsPath('UnitCodes=56%2C58'), method: 'GET' }).reply(200, fixture.validStatsPage());
    await using c = client(agent);
    const snap = await c.monthlyStats({ year: 2024, unitCodes: ['56', '58'] });
    expect(snap.asOf).toBe('2026-10-31');
    expect(snap.rows).toEqual([
      expect.objectContaining({ agencyName: 'Sở Thông tin và Truyền thông tỉnh Khánh Hòa', unitCode: '56', month: 3, outgoing: 100, receivedViaAxis: 160 }),
    ]);
    expect(snap.rows[0]?.agencyName.normalize('NFC')).toBe(snap.rows[0]?.agencyName);
  });

  it('follows pagination until the last page', async () => {
    await using agent = mockUpstream();
    const pool = agent.get(fixture.baseUrl);
    pool.intercept({ path: statsPath('page=1&'), method: 'GET' }).reply(200, fixture.validStatsPage([fixture.validStatsRow({ Month: 1 })], { index: 1, totalPages: 2 }));
    pool.intercept({ path: statsPath('page=2&'), method: 'GET' }).reply(200, fixture.validStatsPage([fixture.validStatsRow({ Month: '2' })], { index: 2, totalPages: 2 }));
    await using c = client(agent, 1);
    const snap = await c.monthlyStats({ year: 2024, unitCodes: ['56'] });
    expect(snap.rows.map((r) => r.month)).toEqual([1, 2]);
  });

  it('maps organs, with the unit identity code@validFrom', async () => {
    await using agent = mockUpstream();
    agent.get(fixture.baseUrl).intercept({ path: (p) => p.startsWith(fixture.organsPath), method: 'GET' }).reply(200, fixture.validOrgansPage());
    await using c = client(agent);
    const [agency] = await c.organs({ organIds: ['56.SNV.2025'] });
    expect(agency).toEqual({
      code: '56.SNV.2025',
      name: 'Sở Nội vụ tỉnh Khánh Hòa',
      nameEn: 'Department of Home Affairs, Tỉnh Khánh Hòa',
      kind: 'DEPARTMENT',
      unitCode: '56',
      unitId: '56@2025-07-01',
      validFrom: '2025-07-01',
      validTo: null,
    });
  });

  it('rejects a malformed payload with UpstreamBadResponseError naming the issues', async () => {
    await using agent = mockUpstream();
    agent.get(fixture.baseUrl).intercept({ path: statsPath('Year=2024'), method: 'GET' }).reply(200, fixture.malformedStatsPage());
    await using c = client(agent);
    const error = await c.monthlyStats({ year: 2024, unitCodes: ['56'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadResponseError);
    if (!(error instanceof UpstreamBadResponseError)) return;
    expect(error.system).toBe('documents');
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['Data.0.OutgoingTotal', 'Data.0.IncomingTotal']));
  });

  it('retries a 5xx, then gives UpstreamHttpError with the vendor message', async () => {
    await using agent = mockUpstream();
    agent.get(fixture.baseUrl).intercept({ path: statsPath('Year=2024'), method: 'GET' }).reply(503, fixture.errorBody(503)).times(3);
    await using c = client(agent);
    const error = await c.monthlyStats({ year: 2024, unitCodes: ['56'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect(error instanceof UpstreamHttpError && error.status).toBe(503);
    expect(error instanceof Error && error.message).toContain('QLVB-503');
    agent.assertNoPendingInterceptors();
  });

  it('turns a connection reset into UpstreamUnavailableError', async () => {
    await using agent = mockUpstream();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    agent.get(fixture.baseUrl).intercept({ path: statsPath('Year=2024'), method: 'GET' }).replyWithError(reset).times(3);
    await using c = client(agent);
    await expect(c.monthlyStats({ year: 2024, unitCodes: ['56'] })).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
