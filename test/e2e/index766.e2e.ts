import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portalIdOf } from '../../simulators/services/index.ts';
import { at, gql, sim } from './client.ts';

/** The simulator's 766 feed, read straight from the portal (not through our subgraph's code). */
async function portalRows(code: string, year: number): Promise<Array<Record<string, number>>> {
  const id = portalIdOf(code);
  if (id === undefined) throw new Error(`no portal id for ${code}`);
  const params = { service: 'thongke_chitieu_766_tinh_thang_service', p_nam: String(year), p_tinh_id: [id], pageSize: 1000 };
  const res = await fetch(`${sim.url('services')}/jsp/rest.jsp`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ params: JSON.stringify(params) }).toString(),
  });
  const rows = z.array(z.record(z.string(), z.string())).parse(await res.json());
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'TEN' && k !== 'NGAY_CHOT_SO_LIEU').map(([k, v]) => [k, Number(v)])));
}

/** The 766 formulas written out again from the reference, over the portal's own columns. */
function expected766(rows: Array<Record<string, number>>): Record<string, number> {
  const last = rows.reduce((a, b) => ((b['THANG'] ?? 0) > (a['THANG'] ?? 0) ? b : a));
  const sum = (k: string): number => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  const stock = (k: string): number => last[k] ?? 0;
  const received = sum('HS_TIEP_NHAN');
  const handled = sum('HS_XU_LY');
  const pakn = sum('PAKN_TONG');
  return {
    '766-1.1': sum('TTHC_CONG_BO_DUNG_HAN') / sum('TTHC_CONG_BO'),
    '766-1.2': sum('TTHC_CONG_KHAI_DUNG_HAN') / sum('TTHC_PHAI_CONG_KHAI'),
    '766-1.3': stock('TTHC_CONG_KHAI_DAY_DU') / stock('TTHC_DA_CONG_KHAI'),
    '766-1.4': sum('HS_DONG_BO_DVCQG') / received,
    '766-2.1': sum('HS_XU_LY_DUNG_HAN') / handled,
    '766-2.2': sum('TONG_NGAY_GIAI_QUYET') / sum('HS_HOAN_THANH'),
    '766-3.1': stock('TTHC_CO_DVCTT') / stock('TONG_TTHC'),
    '766-3.2': stock('SO_DVCTT_PHAT_SINH_HS') / stock('SO_DVCTT'),
    '766-3.3': (sum('HS_TRUC_TUYEN') / received) * (sum('HS_DONG_BO_DVCQG') / received),
    '766-3.5': stock('TTHC_CO_PHI_TICH_HOP_TTTT') / stock('TTHC_CO_PHI'),
    '766-3.6': sum('HS_TT_TRUC_TUYEN') / (sum('HS_CO_PHI') - sum('HS_PHI_BANG_0')),
    '766-4.1': sum('HS_CAP_KQ_DIEN_TU') / sum('HS_YC_KQ_BAN_GIAY'),
    '766-4.2': sum('HS_SO_HOA') / received,
    '766-4.3': sum('HS_TAI_SU_DUNG_DL_SO') / received,
    '766-4.4': sum('HS_KET_NOI_KHO_DL_CN') / received,
    '766-4.5': sum('HS_KHAI_THAC_CSDLQG_DC') / sum('HS_CONG_DAN'),
    '766-5.1': sum('PAKN_PHAN_LOAI') / pakn,
    '766-5.2': sum('PAKN_XU_LY_DUNG_HAN') / pakn,
    '766-5.3': 1 - sum('PAKN_KHONG_HL_QUA_HAN') / pakn,
    '766-5.4': Math.max(0, 1 - (handled - sum('HS_XU_LY_DUNG_HAN') + sum('HS_PAKN_KHONG_HAI_LONG')) / handled),
  };
}

const QUERY = /* GraphQL */ `
  query ($code: String!, $asOf: String, $year: Int!) {
    unit(code: $code, asOf: $asOf) {
      year(year: $year) {
        publicServiceIndex766 { score completeness status reason indicators { code value formulaConfirmed missingReason } source { system status } }
        publicServiceIndexCounts { dossiersReceived dossiersHandled feedbackTotal source { status recordRef } }
      }
    }
  }
`;

interface Indicator {
  code: string;
  value: number | null;
  formulaConfirmed: boolean;
  missingReason: string | null;
}

describe('issue #10 §3 - the whole 766 index', () => {
  it('recomputes every 766 indicator the reference gives a formula for from the portal feed', async () => {
    const res = await gql(QUERY, { code: '56', asOf: '2024-12-31', year: 2023 });
    expect(res.errors).toBeUndefined();
    const idx = at(res.data, 'unit', 'year', 'publicServiceIndex766') as { status: string; indicators: Indicator[]; reason: string };
    expect(idx.status).toBe('OK');
    expect(idx.reason).toMatch(/766 counts/);
    const want = expected766(await portalRows('56', 2023));
    expect(idx.indicators.map((i) => i.code).sort()).toEqual(Object.keys(want).sort());
    for (const i of idx.indicators) {
      expect(i.missingReason, i.code).toBeNull();
      expect(i.value, i.code).toBeCloseTo(want[i.code] ?? Number.NaN, 9);
    }
    const computed = idx.indicators.filter((i) => i.value !== null).length;
    console.log(`766 indicators computed: ${computed} of ${idx.indicators.length}; unconfirmed formulas: ${idx.indicators.filter((i) => !i.formulaConfirmed).map((i) => i.code).join(', ')}`);
    // Unconfirmed formulas stay flagged.
    expect(idx.indicators.some((i) => !i.formulaConfirmed)).toBe(true);
  });

  it('a merged province sums its predecessors’ counts', async () => {
    const res = await gql(QUERY, { code: '56', asOf: null, year: 2024 });
    expect(res.errors).toBeUndefined();
    const counts = at(res.data, 'unit', 'year', 'publicServiceIndexCounts') as { dossiersReceived: number };
    const [a, b] = await Promise.all([portalRows('56', 2024), portalRows('58', 2024)]);
    const received = [...a, ...b].reduce((s, r) => s + (r['HS_TIEP_NHAN'] ?? 0), 0);
    expect(counts.dossiersReceived).toBe(received);
  });

  it('the portal down: the 766 counts are null with an error naming services, the rest answers', async () => {
    await sim.faults('services', { down: true });
    try {
      const res = await gql(QUERY, { code: '56', asOf: '2024-12-31', year: 2023 });
      expect(res.errors?.some((e) => e.extensions?.['system'] === 'services')).toBe(true);
      expect(at(res.data, 'unit', 'year', 'publicServiceIndexCounts')).toBeNull();
    } finally {
      await sim.clearFaults('services');
    }
  });
});
