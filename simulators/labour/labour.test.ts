import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tongHopNamPageSchema } from '../../subgraphs/labour/upstream/schemas.ts';
import { yearlyReports } from './data.ts';
import { startLabourSimulator } from './index.ts';

const today = new Date('2025-11-20T00:00:00Z');
const pageSchema = z.object({
  '@odata.count': z.number(),
  '@odata.nextLink': z.string().optional(),
  value: z.array(z.object({ MaTinh: z.string(), PhamViMaTinh: z.array(z.string()), DenNgay: z.string(), LucLuongLaoDong: z.number() })),
});
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const countsSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) });

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await request(url);
  return { status: res.statusCode, text: await res.body.text() };
}

async function setFaults(base: string, faults: Record<string, unknown>): Promise<void> {
  const res = await request(`${base}/_sim/faults`, { method: 'POST', body: JSON.stringify(faults) });
  await res.body.text();
}

describe('labour simulator data', () => {
  it('is deterministic and trends upward with plausible magnitudes', () => {
    expect(yearlyReports(2023, today)).toEqual(yearlyReports(2023, today));
    const hn = (y: number) => yearlyReports(y, today).find((r) => r.MaTinh === '01');
    const [a, b] = [hn(2020), hn(2024)];
    if (a === undefined || b === undefined) throw new Error('Hà Nội missing');
    expect(b.SoLaoDongQuaDaoTao / b.LucLuongLaoDong).toBeGreaterThan(a.SoLaoDongQuaDaoTao / a.LucLuongLaoDong);
    expect(a.LucLuongLaoDong).toBeGreaterThan(3_000_000);
    expect(a.SoLaoDongCoKyNangSo).toBeNull();
    expect(a.GhiChu).toContain('synthetic');
  });

  it('files under the code in force: 63 provinces in 2024, 34 in 2025, none after the last closed month', () => {
    expect(yearlyReports(2024, today)).toHaveLength(63);
    const y2025 = yearlyReports(2025, today);
    expect(y2025).toHaveLength(34);
    expect(y2025.find((r) => r.MaTinh === '58')).toBeUndefined();
    const kh = y2025.find((r) => r.MaTinh === '56');
    expect(kh?.PhamViMaTinh).toEqual(['56', '58']);
    expect((kh?.DenNgay ?? '9999') <= '2025-10-31').toBe(true);
    expect(yearlyReports(2026, today)).toEqual([]);
    expect(yearlyReports(2019, today)).toEqual([]);
  });
});

describe('labour simulator HTTP', () => {
  it('serves the same data twice and many codes in one request', async () => {
    await using sim = await startLabourSimulator(0, '127.0.0.1', { today });
    const url = `${sim.url}/odata/TongHopNam?nam=2024&maTinh=56,58`;
    const first = await get(url);
    const second = await get(url);
    expect(first.text).toBe(second.text);
    expect(tongHopNamPageSchema.safeParse(JSON.parse(first.text)).success).toBe(true);
    const page = pageSchema.parse(JSON.parse(first.text));
    expect(page.value.map((r) => r.MaTinh)).toEqual(['56', '58']);
    expect(page['@odata.nextLink']).toBeUndefined();
    const counts = countsSchema.parse(JSON.parse((await get(`${sim.url}/_sim/requests`)).text));
    expect(counts.total).toBe(2);
    expect(counts.byRoute['tongHopNam']).toBe(2);
  });

  it('paginates with $skip/$top and an @odata.nextLink continuation', async () => {
    await using sim = await startLabourSimulator(0, '127.0.0.1', { today });
    const seen: string[] = [];
    let next: string | undefined = `${sim.url}/odata/TongHopNam?nam=2024&$top=25`;
    let pages = 0;
    while (next !== undefined) {
      const page = pageSchema.parse(JSON.parse((await get(next)).text));
      expect(page['@odata.count']).toBe(63);
      seen.push(...page.value.map((r) => r.MaTinh));
      next = page['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(63);
    const all = pageSchema.parse(JSON.parse((await get(`${sim.url}/odata/TongHopNam?nam=2024`)).text));
    expect(all.value).toHaveLength(63);
  });

  it('answers bad input and unknown paths with the vendor error body', async () => {
    await using sim = await startLabourSimulator(0, '127.0.0.1', { today });
    const bad = await get(`${sim.url}/odata/TongHopNam?nam=hai-nghin`);
    expect(bad.status).toBe(400);
    expect(errorSchema.parse(JSON.parse(bad.text)).error.code).toBe('InvalidParameter');
    const top = await get(`${sim.url}/odata/TongHopNam?nam=2024&$top=9999`);
    expect(top.status).toBe(400);
    const missing = await get(`${sim.url}/odata/Khong`);
    expect(missing.status).toBe(404);
    expect(errorSchema.parse(JSON.parse(missing.text)).error.code).toBe('NotFound');
  });

  it('obeys faults: errorRate, malformed, latency, down', async () => {
    await using sim = await startLabourSimulator(0, '127.0.0.1', { today });
    const url = `${sim.url}/odata/TongHopNam?nam=2024&maTinh=56`;

    await setFaults(sim.url, { errorRate: 1 });
    const failed = await get(url);
    expect(failed.status).toBe(503);
    expect(errorSchema.parse(JSON.parse(failed.text)).error.code).toBe('ServiceUnavailable');

    await setFaults(sim.url, { errorRate: 0, malformed: true });
    const bodies = [await get(url), await get(url), await get(url)];
    // Each variant breaks the shape the labour subgraph documents and parses with.
    expect(bodies.every((b) => b.status === 200 && !tongHopNamPageSchema.safeParse(safeJson(b.text)).success)).toBe(true);
    expect(bodies[1]?.text).toMatch(/"SoNguoiCoViecLam":"[\d.]+"/);
    expect(bodies[0]?.text).toContain('LucLuongLaoDong15Tuoi');
    expect(bodies[2] === undefined ? undefined : safeJson(bodies[2].text)).toBeUndefined();

    await setFaults(sim.url, { malformed: false, latencyMs: 20 });
    expect((await get(url)).status).toBe(200);

    await setFaults(sim.url, { latencyMs: 0, down: true });
    await expect(get(url)).rejects.toThrow();
    const counts = countsSchema.parse(JSON.parse((await get(`${sim.url}/_sim/requests`)).text));
    expect(counts.total).toBe(6);
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
