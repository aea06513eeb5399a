import { createUpstreamClient, type UpstreamClientOptions } from '../../../lib/http/index.ts';
import type { z } from 'zod';
import { UpstreamBadResponseError, UpstreamHttpError, type PayloadIssue } from '../../../lib/errors/index.ts';
import type { MonthlyServiceRecord } from '../domain/types.ts';
import { toMonthlyRecords, toMonthly766Records } from './mappers.ts';
import type { Monthly766Record } from '../domain/rollup766.ts';
import { page766Schema } from './schemas766.ts';
import { PORTAL_ID_BY_CODE } from './portal-ids.ts';
import { monthlyPageSchema, portalErrorSchema, type PortalErrorWire } from './schemas.ts';

/** A page of a statistics service as its schema gives it: rows that carry the row total, or the portal's error. */
type PortalPage<Row> = { readonly kind: 'rows'; readonly rows: readonly (Row & { readonly TONG_SO_BAN_GHI: number })[] } | { readonly kind: 'error'; readonly error: PortalErrorWire };

/** The portal's RPC endpoint and the statistics service this subgraph reads. */
export const RPC_PATH = '/jsp/rest.jsp';
export const MONTHLY_SERVICE = 'thongke_hoso_tinh_thang_service';
/** The per-province, per-month counts behind the 766/QĐ-TTg indicators. */
export const COUNTS_766_SERVICE = 'thongke_chitieu_766_tinh_thang_service';

/** Options of the portal client: the shared client's, every I/O dependency injectable, plus paging. */
export type ServicesClientOptions = Omit<UpstreamClientOptions, 'system' | 'errorMessage'> & {
  /** Rows asked per page; the portal serves at most 1000. @default 1000 */
  readonly pageSize?: number;
  /** Safety stop for a portal whose row total never converges. @default 20 */
  readonly maxPages?: number;
};

/** A year of monthly records for some provinces, with what provenance needs. */
export interface MonthlyStatsResult {
  readonly records: readonly MonthlyServiceRecord[];
  /** When the first page arrived (ISO timestamp). */
  readonly fetchedAt: string;
  /** Official codes the portal was asked for (those with a known portal id). */
  readonly askedCodes: readonly string[];
}

/** A year of 766 counts for some provinces. */
export interface Counts766Result {
  readonly records: readonly Monthly766Record[];
  readonly fetchedAt: string;
  readonly askedCodes: readonly string[];
}

/** The public-service portal, in domain types. */
export interface ServicesClient extends AsyncDisposable {
  /** All months of `year` for the provinces `codes`, in one logical request (pages followed). */
  monthlyStats(query: { readonly year: number; readonly codes: readonly string[] }): Promise<MonthlyStatsResult>;
  /** The 766 counts of every month of `year` for the provinces `codes`, in one logical request. */
  counts766(query: { readonly year: number; readonly codes: readonly string[] }): Promise<Counts766Result>;
  close(): Promise<void>;
}

/** Creates the portal client: form-encoded `params` RPC, pagination, error bodies sent with HTTP 200. */
export function createServicesClient(options: ServicesClientOptions): ServicesClient {
  const { pageSize: _pageSize, maxPages: _maxPages, ...httpOptions } = options;
  const http = createUpstreamClient({
    ...httpOptions,
    system: 'services',
    errorMessage: (body) => {
      const parsed = portalErrorSchema.safeParse(body);
      return parsed.success ? `error_code ${parsed.data.error_code}: ${parsed.data.message}` : undefined;
    },
  });
  const pageSize = options.pageSize ?? 1000;
  const maxPages = options.maxPages ?? 20;
  const now = options.now ?? ((): Date => new Date());

  /**
   * Every month of `year` for the provinces `codes` from one statistics service, pages followed, as
   * domain records: the monthly figures and the 766 counts are read the same way.
   */
  async function fetchYear<Row, Rec>(
    service: string,
    schema: z.ZodType<PortalPage<Row>>,
    toRecords: (rows: readonly Row[]) => { records: Rec[]; issues: PayloadIssue[] },
    { year, codes }: { readonly year: number; readonly codes: readonly string[] },
  ): Promise<{ records: readonly Rec[]; fetchedAt: string; askedCodes: readonly string[] }> {
    const askedCodes = [...new Set(codes)].filter((c) => PORTAL_ID_BY_CODE[c] !== undefined).sort();
    // An empty id list means "every province" to the portal: never send one.
    if (askedCodes.length === 0) return { records: [], fetchedAt: now().toISOString(), askedCodes };
    const ids = askedCodes.map((c) => PORTAL_ID_BY_CODE[c] ?? '');
    const rows: Row[] = [];
    let fetchedAt: string | undefined;
    for (let pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
      const params = { service, p_nam: String(year), p_thang_tu: 1, p_thang_den: 12, p_tinh_id: ids, pageIndex, pageSize };
      const res = await http.post(RPC_PATH, { body: { form: { params: JSON.stringify(params) } }, schema, idempotent: true });
      fetchedAt ??= res.fetchedAt;
      const data = res.data;
      if (data.kind === 'error') {
        // The portal reports its own errors in the body, usually with HTTP 200.
        throw new UpstreamHttpError({
          system: 'services',
          target: { url: res.url, method: 'POST' },
          status: 200,
          upstreamMessage: `error_code ${data.error.error_code}: ${data.error.message}`,
        });
      }
      rows.push(...data.rows);
      const total = data.rows[0]?.TONG_SO_BAN_GHI ?? 0;
      if (data.rows.length === 0 || rows.length >= total) break;
    }
    const { records, issues } = toRecords(rows);
    if (issues.length > 0) {
      throw new UpstreamBadResponseError({ system: 'services', target: { url: `${options.baseUrl}${RPC_PATH}`, method: 'POST' }, status: 200, issues });
    }
    return { records, fetchedAt: fetchedAt ?? now().toISOString(), askedCodes };
  }

  const monthlyStats: ServicesClient['monthlyStats'] = (query) => fetchYear(MONTHLY_SERVICE, monthlyPageSchema, (rows) => toMonthlyRecords(rows), query);
  const counts766: ServicesClient['counts766'] = (query) => fetchYear(COUNTS_766_SERVICE, page766Schema, toMonthly766Records, query);

  const close = (): Promise<void> => http.close();
  return { monthlyStats, counts766, close, [Symbol.asyncDispose]: close };
}
