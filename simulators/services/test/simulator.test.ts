import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portalIdOf, startServicesSimulator } from '../index.ts';
import { SERVICES } from '../routes.ts';

const TODAY = new Date('2026-11-25T00:00:00Z');
const rowsSchema = z.array(z.record(z.string(), z.string()));
const countsSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) });

async function rpc(url: string, params: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/jsp/rest.jsp`, { method: 'POST', body: new URLSearchParams({ params: JSON.stringify(params) }) });
  return { status: res.status, text: await res.text() };
}

async function rows(url: string, params: Record<string, unknown>): Promise<Record<string, string>[]> {
  return rowsSchema.parse(JSON.parse((await rpc(url, { service: SERVICES.monthly, ...params })).text));
}

const fault = (url: string, body: unknown): Promise<Response> =>
  fetch(`${url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const id = (code: string): string => portalIdOf(code) ?? '';

describe('services simulator', () => {
  it('serves the same data on every start (seeded)', async () => {
    const ask = { p_nam: '2024', p_tinh_id: [id('56'), id('89')], pageSize: 1000 };
    let first: unknown;
    {
      await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
      first = await rows(sim.url, ask);
    }
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    expect(await rows(sim.url, ask)).toEqual(first);
  });

  it('answers many provinces in one request, filed under the code in force each month', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    const all = await rows(sim.url, { p_nam: 2025, p_tinh_id: [id('56'), id('58'), id('89')], pageSize: 1000 });
    const of = (code: string) => all.filter((r) => r['ID'] === id(code));
    expect(of('56')).toHaveLength(12);
    // Ninh Thuận (58) merged into Khánh Hòa on 1 July 2025 and files nothing after June.
    expect(of('58').map((r) => r['THANG'])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(of('89')[0]?.['TEN']).toBe('Tỉnh An Giang');
    expect(Number(of('56')[0]?.['TONG_SO_HO_SO'])).toBeGreaterThan(0);
    const counts = countsSchema.parse(await (await fetch(`${sim.url}/_sim/requests`)).json());
    expect(counts.total).toBe(1);
    expect(counts.byRoute['rest.jsp']).toBe(1);
  });

  it('pages with ROW_STT and TONG_SO_BAN_GHI; 63 provinces × 12 months fit one page', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    const everything = await rows(sim.url, { p_nam: 2024, p_tinh_id: 0, pageSize: 1000 });
    expect(everything).toHaveLength(63 * 12);
    const page2 = await rows(sim.url, { p_nam: 2024, p_tinh_id: 0, pageIndex: 2, pageSize: 100 });
    expect(page2[0]).toMatchObject({ ROW_STT: '101', TONG_SO_BAN_GHI: String(63 * 12) });
    expect(page2[0]).toEqual({ ...everything[100] });
    expect(await rows(sim.url, { p_nam: 2024, p_tinh_id: 0, pageIndex: 9, pageSize: 100 })).toEqual([]);
  });

  it('has no months after the last closed one, and rates rise over the years', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    expect((await rows(sim.url, { p_nam: 2026, p_tinh_id: [id('01')] })).map((r) => r['THANG']).at(-1)).toBe('10');
    expect(await rows(sim.url, { p_nam: 2019, p_tinh_id: [id('01')] })).toEqual([]);
    const share = async (year: number): Promise<number> => {
      const rs = await rows(sim.url, { p_nam: year, p_tinh_id: 0, pageSize: 1000 });
      const sum = (k: string): number => rs.reduce((a, r) => a + Number(r[k]), 0);
      return sum('HS_TRUC_TUYEN') / sum('TONG_SO_HO_SO');
    };
    expect(await share(2024)).toBeGreaterThan(await share(2021));
  });

  it('serves the 766 group scores per province and year', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    const scores = rowsSchema.parse(JSON.parse((await rpc(sim.url, { service: SERVICES.ranking766, p_nam: 2025, pageSize: 100 })).text));
    expect(scores).toHaveLength(34);
    expect(Object.keys(scores[0] ?? {})).toEqual(expect.arrayContaining(['ID', 'TEN', 'CKMB', 'TDGQ', 'TTTT', 'MDHL', 'MDSH', 'TONG_SCORE']));
  });

  it('answers bad parameters with its error body and HTTP 200', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    const unknown = await rpc(sim.url, { service: 'khong_co', p_nam: 2024 });
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.text)).toEqual({ error_code: 2, message: 'Không tìm thấy dịch vụ khong_co' });
    const tooBig = await rpc(sim.url, { service: SERVICES.monthly, p_nam: 2024, pageSize: 5000 });
    expect(JSON.parse(tooBig.text)).toMatchObject({ error_code: 1 });
    const noParams = await fetch(`${sim.url}/jsp/rest.jsp`, { method: 'POST', body: 'x=1' });
    expect(await noParams.json()).toEqual({ error_code: 1, message: 'Thiếu tham số params' });
  });

  it('fails on demand: errorRate 1 gives HTTP 500 with the error body, down drops the connection', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    await fault(sim.url, { errorRate: 1 });
    const failed = await rpc(sim.url, { service: SERVICES.monthly, p_nam: 2024 });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text)).toMatchObject({ error_code: -1 });
    await fault(sim.url, { errorRate: 0, down: true });
    await expect(rpc(sim.url, { service: SERVICES.monthly, p_nam: 2024 })).rejects.toThrow();
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' });
    expect((await rpc(sim.url, { service: SERVICES.monthly, p_nam: 2024, p_tinh_id: [id('01')] })).status).toBe(200);
  });

  it('breaks the shape when malformed: renamed field, garbage number, truncated array', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    await fault(sim.url, { malformed: true });
    const ask = { service: SERVICES.monthly, p_nam: 2024, p_tinh_id: [id('01')] };
    const renamed = rowsSchema.parse(JSON.parse((await rpc(sim.url, ask)).text));
    expect(renamed[0]).toHaveProperty('HS_TRUCTUYEN');
    expect(renamed[0]).not.toHaveProperty('HS_TRUC_TUYEN');
    const garbage = rowsSchema.parse(JSON.parse((await rpc(sim.url, ask)).text));
    expect(garbage[0]?.['TONG_SO_HO_SO']).toBe('12.345,0');
    const truncated = await rpc(sim.url, ask);
    expect(() => JSON.parse(truncated.text)).toThrow();
  });

  it('applies latency without failing the request', async () => {
    await using sim = await startServicesSimulator(0, '127.0.0.1', { today: TODAY });
    await fault(sim.url, { latencyMs: 30 });
    expect((await rows(sim.url, { p_nam: 2024, p_tinh_id: [id('01')] })).length).toBe(12);
    const faults = z.object({ faults: z.object({ latencyMs: z.number() }) }).parse(await (await fetch(`${sim.url}/_sim/faults`)).json());
    expect(faults.faults.latencyMs).toBe(30);
  });
});
