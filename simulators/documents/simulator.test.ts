import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statsPageWire } from '../../subgraphs/documents/upstream/schemas.ts';
import { startDocumentsSimulator } from './index.ts';

const today = new Date('2026-11-25T12:00:00Z');
const page = z.object({
  ReportDate: z.string(),
  PageIndex: z.number(),
  PageSize: z.number(),
  TotalRecords: z.number(),
  TotalPages: z.number(),
  Data: z.array(z.object({ OrganId: z.string(), UnitCode: z.string(), Month: z.number(), FromDate: z.string() }).loose()),
});
const requests = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) });

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

function parsesAsDocumented(text: string): boolean {
  try {
    return statsPageWire.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

const stats = (base: string, query: string): string => `${base}/api/v1/statistics/documents/monthly?${query}`;

describe('documents simulator', () => {
  it('answers the same after its idle caches were dropped', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today, cacheIdleMs: 100 });
    const a = await fetch(stats(sim.url, 'Year=2024&size=20000')).then((r) => r.text());
    await sleep(300);
    const b = await fetch(stats(sim.url, 'Year=2024&size=20000')).then((r) => r.text());
    expect(b).toBe(a);
    expect(a.length).toBeGreaterThan(100_000);
  });

  it('serves the same data twice (seeded)', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    const a = await getJson(stats(sim.url, 'Year=2023&UnitCodes=01&size=50'));
    const b = await getJson(stats(sim.url, 'Year=2023&UnitCodes=01&size=50'));
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    await using other = await startDocumentsSimulator(0, '127.0.0.1', { today });
    expect((await getJson(stats(other.url, 'Year=2023&UnitCodes=01&size=50'))).body).toEqual(a.body);
  });

  it('answers many unit codes in one request, filed under the code in force, dates as dd/MM/yyyy', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    const { body } = await getJson(stats(sim.url, 'Year=2025&UnitCodes=56,58&size=20000'));
    const p = page.parse(body);
    expect(p.ReportDate).toBe('31/10/2026');
    expect(p.TotalPages).toBe(1);
    expect(new Set(p.Data.map((r) => r.UnitCode))).toEqual(new Set(['56', '58']));
    // Ninh Thuận merged into Khánh Hòa on 1 July 2025: it files nothing after June.
    expect(Math.max(...p.Data.filter((r) => r.UnitCode === '58').map((r) => r.Month))).toBe(6);
    expect(p.Data.some((r) => r.OrganId.endsWith('.2025') && r.Month === 7)).toBe(true);
    expect(p.Data[0]?.FromDate).toMatch(/^\d{2}\/\d{2}\/2025$/);
    const { body: all } = await getJson(stats(sim.url, 'Year=2024&size=20000'));
    expect(page.parse(all).TotalPages).toBe(1);
    expect(new Set(page.parse(all).Data.map((r) => r.UnitCode)).size).toBe(63);
  });

  it('paginates with page/size and a total', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    const first = page.parse((await getJson(stats(sim.url, 'Year=2024&UnitCodes=56&size=100&page=1'))).body);
    const last = page.parse((await getJson(stats(sim.url, `Year=2024&UnitCodes=56&size=100&page=${first.TotalPages}`))).body);
    expect(first.Data).toHaveLength(100);
    expect(first.TotalPages).toBe(Math.ceil(first.TotalRecords / 100));
    expect(last.Data.length).toBe(first.TotalRecords - 100 * (first.TotalPages - 1));
  });

  it('counts API requests on /_sim/requests, and answers bad parameters with the vendor error body', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    await getJson(stats(sim.url, 'Year=2024&UnitCodes=56'));
    await getJson(`${sim.url}/api/v1/organs?UnitCodes=56`);
    const bad = await getJson(stats(sim.url, 'Year=abc'));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ErrorCode: 'QLVB-400', ErrorMessage: expect.stringContaining('Year') });
    const counted = requests.parse((await getJson(`${sim.url}/_sim/requests`)).body);
    expect(counted.total).toBe(3);
    expect(counted.byRoute).toEqual({ statistics: 2, organs: 1 });
  });

  it('obeys faults: down, errorRate 1, malformed, latencyMs', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    const fault = (f: object): Promise<Response> => fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify(f) });
    await fault({ down: true });
    await expect(fetch(stats(sim.url, 'Year=2024&UnitCodes=56'))).rejects.toThrow();
    await fault({ down: false, errorRate: 1 });
    const failing = await getJson(stats(sim.url, 'Year=2024&UnitCodes=56'));
    expect(failing.status).toBe(503);
    expect(failing.body).toMatchObject({ ErrorCode: 'QLVB-503', ErrorMessage: expect.any(String) });
    await fault({ errorRate: 0, malformed: true });
    // Each variant (renamed field, garbage count, truncated body) must fail the documented wire schema.
    for (const q of ['Year=2024&UnitCodes=56', 'Year=2024&UnitCodes=58', 'Year=2023&UnitCodes=01', 'Year=2022&UnitCodes=02']) {
      const text = await (await fetch(stats(sim.url, q))).text();
      expect(parsesAsDocumented(text), q).toBe(false);
    }
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' });
    await fault({ latencyMs: 30 });
    for (const q of ['Year=2024&UnitCodes=56', 'Year=2024&UnitCodes=58', 'Year=2023&UnitCodes=01', 'Year=2022&UnitCodes=02']) {
      expect(parsesAsDocumented(await (await fetch(stats(sim.url, q))).text()), q).toBe(true);
    }
  });

  it('lists organs per unit with validity, codes unique across the 2025 merger', async () => {
    await using sim = await startDocumentsSimulator(0, '127.0.0.1', { today });
    const { body } = await getJson(`${sim.url}/api/v1/organs?UnitCodes=56&size=100`);
    const organs = z.object({ Data: z.array(z.object({ OrganId: z.string(), OrganName: z.string(), EffectiveTo: z.string().nullable() })) }).parse(body).Data;
    expect(new Set(organs.map((o) => o.OrganId)).size).toBe(organs.length);
    expect(organs.find((o) => o.OrganId === '56.UBND')).toMatchObject({ OrganName: 'Ủy ban nhân dân tỉnh Khánh Hòa', EffectiveTo: '30/06/2025' });
  });
});
