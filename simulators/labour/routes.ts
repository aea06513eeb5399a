import type { SimRequest, SimResponse, SimRoute } from '../shared/server.ts';
import { yearlyReports, type BaoCaoNam } from './data.ts';

/** Page size when `$top` is absent: a year of all provinces (63 before the merger) fits in one page. */
export const DEFAULT_PAGE_SIZE = 100;
/** Largest `$top` the vendor accepts. */
export const MAX_PAGE_SIZE = 500;
/** Path of the yearly summaries entity set. */
export const YEARLY_PATH = '/odata/TongHopNam';

/** The vendor's OData-style error body: `{ error: { code, message } }`. */
export function labourError(status: number, message: string, code?: string): SimResponse {
  const fallback = status === 404 ? 'NotFound' : status === 400 ? 'BadRequest' : status >= 500 ? 'ServiceUnavailable' : 'Error';
  return { status, json: { error: { code: code ?? fallback, message } } };
}

function intParam(req: SimRequest, name: string, fallback: number | undefined): number | undefined | 'invalid' {
  const raw = req.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d{1,6}$/.test(raw) ? Number(raw) : 'invalid';
}

/** Renders one of three realistic breakages, rotating so every kind is seen. */
function malformed(kind: number, body: Record<string, unknown>, rows: readonly BaoCaoNam[]): SimResponse {
  switch (kind % 3) {
    case 0:
      // A vendor upgrade renamed a field.
      return {
        status: 200,
        json: { ...body, value: rows.map(({ LucLuongLaoDong, ...rest }) => ({ ...rest, LucLuongLaoDong15Tuoi: LucLuongLaoDong })) },
      };
    case 1:
      // A number exported as formatted text with Vietnamese thousands separators.
      return {
        status: 200,
        json: { ...body, value: rows.map((r) => ({ ...r, SoNguoiCoViecLam: r.SoNguoiCoViecLam.toLocaleString('vi-VN') })) },
      };
    default: {
      // The proxy cut the body mid-array.
      const text = JSON.stringify({ ...body, value: rows });
      return { status: 200, text: text.slice(0, Math.max(40, Math.floor(text.length * 0.6))), contentType: 'application/json; charset=utf-8' };
    }
  }
}

/** Options of the labour simulator's routes. */
export interface LabourRouteOptions {
  /** The simulator's "today": data runs through the previous month. */
  readonly today: Date;
}

/** API routes of the labour-market information system. */
export function labourRoutes(options: LabourRouteOptions): SimRoute[] {
  const byYear = new Map<number, BaoCaoNam[]>();
  const reports = (year: number): BaoCaoNam[] => {
    let rows = byYear.get(year);
    if (rows === undefined) {
      rows = yearlyReports(year, options.today);
      byYear.set(year, rows);
    }
    return rows;
  };
  let malformedCount = 0;

  const yearly = (req: SimRequest): SimResponse => {
    const nam = intParam(req, 'nam', undefined);
    if (nam === undefined || nam === 'invalid') return labourError(400, "Tham số 'nam' là bắt buộc và phải là số năm (yyyy)", 'InvalidParameter');
    const skip = intParam(req, '$skip', 0);
    const top = intParam(req, '$top', DEFAULT_PAGE_SIZE);
    if (skip === 'invalid' || skip === undefined || top === 'invalid' || top === undefined || top < 1 || top > MAX_PAGE_SIZE) {
      return labourError(400, `Tham số phân trang không hợp lệ: $skip >= 0, 1 <= $top <= ${MAX_PAGE_SIZE}`, 'InvalidParameter');
    }
    const rawCodes = req.url.searchParams.get('maTinh');
    const codes = rawCodes === null ? undefined : new Set(rawCodes.split(',').map((c) => c.trim()).filter((c) => c !== ''));
    if (codes !== undefined && [...codes].some((c) => !/^\d{2}$/.test(c))) {
      return labourError(400, "Tham số 'maTinh' phải là danh sách mã tỉnh 2 chữ số, cách nhau bởi dấu phẩy", 'InvalidParameter');
    }
    const rows = reports(nam).filter((r) => codes === undefined || codes.has(r.MaTinh));
    const pageRows = rows.slice(skip, skip + top);
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const body: Record<string, unknown> = {
      '@odata.context': `${origin}/odata/$metadata#TongHopNam`,
      '@odata.count': rows.length,
      value: pageRows,
    };
    if (skip + top < rows.length) {
      const next = new URL(`${origin}${YEARLY_PATH}`);
      for (const [k, v] of req.url.searchParams) if (k !== '$skip' && k !== '$top') next.searchParams.set(k, v);
      next.searchParams.set('$skip', String(skip + top));
      next.searchParams.set('$top', String(top));
      body['@odata.nextLink'] = next.toString();
    }
    if (req.malformed) return malformed(malformedCount++, body, pageRows);
    return { status: 200, json: body };
  };

  const serviceDocument = (req: SimRequest): SimResponse => ({
    status: 200,
    json: {
      '@odata.context': `http://${req.headers.host ?? '127.0.0.1'}/odata/$metadata`,
      value: [{ name: 'TongHopNam', kind: 'EntitySet', url: 'TongHopNam' }],
    },
  });

  return [
    { name: 'serviceDocument', method: 'GET', path: '/odata', handler: serviceDocument },
    { name: 'tongHopNam', method: 'GET', path: YEARLY_PATH, handler: yearly },
  ];
}
