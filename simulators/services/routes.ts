import { z } from 'zod';
import type { ErrorBody, SimResponse, SimRoute } from '../shared/server.ts';
import { rows766, wire766 } from './data766.ts';
import { monthlyRows, scores766, type MonthlyStats, type Scores766 } from './data.ts';

/** The portal's statistics services, by the `service` name the RPC endpoint dispatches on. */
export const SERVICES = {
  monthly: 'thongke_hoso_tinh_thang_service',
  ranking766: 'report_tinh_766_service',
  /** Per-province, per-month counts behind the 766 indicators (the "theo dõi chỉ tiêu theo QĐ 766" report). */
  counts766: 'thongke_chitieu_766_tinh_thang_service',
} as const;

/** Largest page the portal serves; 63 provinces × 12 months fit in one. */
export const MAX_PAGE_SIZE = 1000;

const intLike = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const idList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
  .transform((v) => (Array.isArray(v) ? v : String(v).split(',')).map((x) => String(x).trim()).filter((x) => x !== '' && x !== '0'));

const paramsSchema = z.object({
  service: z.string(),
  p_nam: intLike,
  p_thang_tu: intLike.pipe(z.number().min(1).max(12)).default(1),
  p_thang_den: intLike.pipe(z.number().min(1).max(12)).default(12),
  p_tinh_id: idList.default([]),
  pageIndex: intLike.pipe(z.number().min(1)).default(1),
  pageSize: intLike.pipe(z.number().min(1).max(MAX_PAGE_SIZE)).default(100),
});

/** The portal's error body: `error_code` non-zero, Vietnamese message, usually with HTTP 200. */
function portalError(code: number, message: string, status = 200): SimResponse {
  return { status, json: { error_code: code, message } };
}

/** 5xx answers in the portal's style (the shared server calls this for injected errors). */
export const servicesErrorBody: ErrorBody = (status, message) =>
  status >= 500 ? portalError(-1, message, 500) : portalError(1, message);

/** dd/MM/yyyy, the portal's date format. */
function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function monthlyWire(r: MonthlyStats): Record<string, string> {
  return {
    ID: r.portalId,
    TEN: r.name,
    NAM: String(r.year),
    THANG: String(r.month),
    NGAY_CHOT_SO_LIEU: viDate(r.cutOff),
    TONG_TTHC: String(r.proceduresTotal),
    TTHC_CONG_KHAI: String(r.proceduresPublished),
    TTHC_TOAN_TRINH: String(r.proceduresFullyOnline),
    TTHC_MOT_PHAN: String(r.proceduresPartlyOnline),
    TONG_SO_HO_SO: String(r.received),
    HS_TRUC_TUYEN: String(r.online),
    HS_DA_GIAI_QUYET: String(r.resolved),
    HS_DUNG_HAN: String(r.onTime),
    HS_QUA_HAN: String(r.late),
    HS_SO_HOA: String(r.digitised),
    HS_CO_PHI: String(r.withFees),
    HS_TT_TRUC_TUYEN: String(r.paidOnline),
    SO_LUOT_DANH_GIA: String(r.votes),
    SO_LUOT_HAI_LONG: String(r.satisfied),
  };
}

function scoresWire(r: Scores766): Record<string, string> {
  const total = r.ckmb + r.tdgq + r.tttt + r.mdhl + r.mdsh;
  const f = (x: number): string => x.toFixed(2);
  return { ID: r.portalId, TEN: r.name, NAM: String(r.year), CKMB: f(r.ckmb), TDGQ: f(r.tdgq), TTTT: f(r.tttt), MDHL: f(r.mdhl), MDSH: f(r.mdsh), TONG_SCORE: f(total) };
}

/** One page of rows, each carrying its 1-based position and the total (Oracle-style COUNT(*) OVER ()). */
function page(rows: readonly Record<string, string>[], pageIndex: number, pageSize: number): Record<string, string>[] {
  const start = (pageIndex - 1) * pageSize;
  return rows.slice(start, start + pageSize).map((r, i) => ({ ROW_STT: String(start + i + 1), TONG_SO_BAN_GHI: String(rows.length), ...r }));
}

/** How a malformed answer breaks the shape; cycles so a test sees every kind. */
const BREAKAGES = ['renamed-field', 'garbage-number', 'truncated'] as const;

function rename(row: Record<string, string>, [from, to]: readonly [string, string]): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k === from ? to : k, v]));
}

function breakPage(rows: Record<string, string>[], kind: (typeof BREAKAGES)[number]): SimResponse {
  switch (kind) {
    case 'renamed-field':
      // A vendor release renamed a column.
      return { status: 200, json: rows.map((r) => rename(r, r['HS_TRUC_TUYEN'] === undefined ? ['TONG_SCORE', 'TONG_DIEM'] : ['HS_TRUC_TUYEN', 'HS_TRUCTUYEN'])) };
    case 'garbage-number':
      return { status: 200, json: rows.map((r) => ({ ...r, TONG_SO_HO_SO: '12.345,0', ...(r['CKMB'] === undefined ? {} : { CKMB: 'N/A' }) })) };
    case 'truncated': {
      const text = JSON.stringify(rows);
      return { status: 200, text: text.slice(0, Math.max(1, Math.floor(text.length / 2))), contentType: 'application/json; charset=utf-8' };
    }
  }
}

/** The portal's routes: one RPC endpoint dispatching on `params.service`. */
export function createServicesRoutes(options: { readonly today: () => Date }): SimRoute[] {
  let malformedCount = 0;
  return [
    {
      name: 'rest.jsp',
      method: 'POST',
      path: '/jsp/rest.jsp',
      handler: (req) => {
        const raw = new URLSearchParams(req.body).get('params');
        if (raw === null) return portalError(1, 'Thiếu tham số params');
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          return portalError(1, 'Tham số params không đúng định dạng JSON');
        }
        const parsed = paramsSchema.safeParse(json);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          return portalError(1, `Tham số không hợp lệ: ${first === undefined ? '' : `${first.path.join('.')} ${first.message}`}`);
        }
        const p = parsed.data;
        const ids = new Set(p.p_tinh_id);
        let rows: Record<string, string>[];
        if (p.service === SERVICES.monthly) {
          rows = monthlyRows({ year: p.p_nam, fromMonth: p.p_thang_tu, toMonth: p.p_thang_den, ids, today: options.today() }).map(monthlyWire);
        } else if (p.service === SERVICES.counts766) {
          rows = rows766({ year: p.p_nam, fromMonth: p.p_thang_tu, toMonth: p.p_thang_den, ids, today: options.today() }).map((c) => wire766(c, viDate));
        } else if (p.service === SERVICES.ranking766) {
          rows = scores766(p.p_nam, ids, options.today()).map(scoresWire);
        } else {
          return portalError(2, `Không tìm thấy dịch vụ ${p.service}`);
        }
        const body = page(rows, p.pageIndex, p.pageSize);
        if (req.malformed && body.length > 0) {
          const kind = BREAKAGES[malformedCount++ % BREAKAGES.length] ?? 'truncated';
          return breakPage(body, kind);
        }
        return { status: 200, json: body };
      },
    },
  ];
}
