import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startPlansSimulator } from './index.ts';

// The seed plans are parsed on the first request that needs them, not at start: whatever that
// first request is, the registry answers as if they had been there all along.
const list = z.object({ thanhCong: z.literal(true), duLieu: z.array(z.object({ id: z.string(), soKyHieu: z.string() }).loose()), tongSo: z.number() });
const created = z.object({ thanhCong: z.literal(true), duLieu: z.object({ id: z.string() }).loose() });

async function post(base: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/v1/ke-hoach`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('plans simulator, seeds parsed on first use', () => {
  it('lists the four seed plans on the first request', async () => {
    await using sim = await startPlansSimulator(0, '127.0.0.1');
    const res = await fetch(`${sim.url}/api/v1/ke-hoach`);
    const body = list.parse(await res.json());
    expect(body.tongSo).toBe(4);
    expect(body.duLieu.map((p) => p.id)).toEqual(['KH-000001', 'KH-000002', 'KH-000003', 'KH-000004']);
  });

  it('refuses a seed plan posted as the very first request (409), and files a new one after the seeds', async () => {
    await using first = await startPlansSimulator(0, '127.0.0.1');
    const seed = list.parse(await (await fetch(`${first.url}/api/v1/ke-hoach`)).json()).duLieu[0];
    expect(seed).toBeDefined();
    const { id: _id, ...record } = { ...seed, noiDung: null };

    await using fresh = await startPlansSimulator(0, '127.0.0.1');
    const duplicate = await post(fresh.url, record);
    expect(duplicate.status, JSON.stringify(duplicate.body)).toBe(409);

    await using another = await startPlansSimulator(0, '127.0.0.1');
    const added = await post(another.url, { ...record, soKyHieu: '1/KH-THU' });
    expect(added.status).toBe(201);
    expect(created.parse(added.body).duLieu.id).toBe('KH-000005');
  });

  it('answers its health probe without the seeds', async () => {
    await using sim = await startPlansSimulator(0, '127.0.0.1');
    const res = await fetch(`${sim.url}/_sim/health`);
    expect(res.status).toBe(200);
    // Nothing has asked for a plan yet: the request counters are empty.
    expect(await (await fetch(`${sim.url}/_sim/requests`)).json()).toMatchObject({ total: 0 });
  });
});
