import { z } from 'zod';
import type { ErrorBody, SimRequest, SimResponse, SimRoute } from '../shared/server.ts';
import { hashSeed } from '../shared/random.ts';
import { dropWhenUnused } from '../../lib/launcher/idle-gc.ts';
import { allOrgans, forgetYears, monthlyStats, reportDate, type MonthlyStats, type Organ } from './data.ts';

/** Largest page the API serves: 63 old provinces × ~19 organs × 12 months fit in one page. */
export const MAX_PAGE_SIZE = 20_000;
const DEFAULT_PAGE_SIZE = 500;

/** `yyyy-MM-dd` → the vendor's `dd/MM/yyyy`. */
function vnDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The vendor's error body: `{ ErrorCode, ErrorMessage }`, Java-exception style. */
export const documentsErrorBody: ErrorBody = (status, message) => ({
  status,
  json: { ErrorCode: `QLVB-${status}`, ErrorMessage: message, Timestamp: new Date().toISOString() },
});

const codeList = z
  .string()
  .regex(/^[A-Za-z0-9.]+(,[A-Za-z0-9.]+)*$/, 'danh sách mã phân cách bởi dấu phẩy')
  .transform((s) => new Set(s.split(',')));

const pagingShape = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

const statsQuery = z.object({
  Year: z.coerce.number().int().min(1990).max(2100),
  UnitCodes: codeList.optional(),
  OrganIds: codeList.optional(),
  ...pagingShape,
});

const organsQuery = z.object({ UnitCodes: codeList.optional(), OrganIds: codeList.optional(), ...pagingShape });

function queryOf(req: SimRequest): Record<string, string> {
  return Object.fromEntries(req.url.searchParams.entries());
}

function badRequest(error: z.ZodError): SimResponse {
  const detail = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return documentsErrorBody(400, `Tham số không hợp lệ (${detail})`);
}

function page<T>(items: readonly T[], pageIndex: number, size: number): { readonly slice: readonly T[]; readonly envelope: Record<string, number> } {
  const slice = items.slice((pageIndex - 1) * size, pageIndex * size);
  return { slice, envelope: { PageIndex: pageIndex, PageSize: size, TotalRecords: items.length, TotalPages: Math.ceil(items.length / size) } };
}

// An older module of the vendor serialises counts as strings; which organs it serves is fixed by code.
function count(organ: Organ, n: number): number | string {
  return hashSeed(organ.code) % 6 === 0 ? String(n) : n;
}

/** Serialised statistics pages kept (by report date and query string). */
const BODIES_KEPT = 8;

/** Idle time after which the generated years and serialised pages are dropped, ms. */
const CACHE_IDLE_MS = 5000;

// The year's rows are reused across requests (data.ts), so their wire form is too.
const wireRows = new WeakMap<MonthlyStats, Record<string, unknown>>();

function statsRow(s: MonthlyStats): Record<string, unknown> {
  const hit = wireRows.get(s);
  if (hit !== undefined) return hit;
  const row = buildStatsRow(s);
  wireRows.set(s, row);
  return row;
}

function buildStatsRow(s: MonthlyStats): Record<string, unknown> {
  const o = s.organ;
  const last = new Date(Date.UTC(s.year, s.month, 0)).toISOString().slice(0, 10);
  return {
    OrganId: o.code,
    OrganName: o.name,
    UnitCode: o.unitCode,
    Year: s.year,
    Month: s.month,
    FromDate: vnDate(`${s.year}-${String(s.month).padStart(2, '0')}-01`),
    ToDate: vnDate(last),
    IncomingTotal: count(o, s.incoming),
    OutgoingTotal: count(o, s.outgoing),
    OutgoingDigitallySigned: count(o, s.outgoingSigned),
    SentViaAxis: count(o, s.sentViaAxis),
    ReceivedViaAxis: count(o, s.receivedViaAxis),
    WorkRecordTotal: count(o, s.workRecords),
    WorkRecordOnline: count(o, s.workRecordsOnline),
    UpdatedDate: vnDate(s.updated),
  };
}

const ORGAN_TYPE: Record<Organ['kind'], string> = { department: 'SO', 'people-committee': 'UBND', office: 'VP', inspectorate: 'TTR' };

function organRow(o: Organ): Record<string, unknown> {
  return {
    OrganId: o.code,
    OrganName: o.name,
    OrganNameEn: o.nameEn,
    OrganType: ORGAN_TYPE[o.kind],
    UnitCode: o.unitCode,
    UnitEffectiveFrom: vnDate(o.unitValidFrom),
    EffectiveFrom: vnDate(o.validFrom),
    EffectiveTo: vnDate(o.validTo),
  };
}

/**
 * Breaks a good answer the way a misbehaving deployment does: a field renamed by a vendor upgrade,
 * a count that is garbage text, or a body cut off mid-array. The variant is fixed by the request URL.
 */
function malform(req: SimRequest, body: { readonly Data: readonly Record<string, unknown>[] } & Record<string, unknown>): SimResponse {
  const variant = hashSeed(req.url.search) % 3;
  const [first, ...rest] = body.Data;
  if (variant === 0 && first !== undefined) {
    const renamed = Object.fromEntries(Object.entries(first).map(([k, v]) => [k === 'OrganName' ? 'OrgName' : k, v]));
    return { status: 200, json: { ...body, Data: [renamed, ...rest] } };
  }
  if (variant === 1 && first !== undefined) {
    const garbled = Object.fromEntries(Object.entries(first).map(([k, v]) => [k, typeof v === 'number' || /^\d+$/.test(String(v)) ? '1.2O4,5' : v]));
    return { status: 200, json: { ...body, Data: [garbled, ...rest] } };
  }
  const text = JSON.stringify(body);
  return { status: 200, text: text.slice(0, Math.max(20, Math.floor(text.length / 2))), contentType: 'application/json; charset=utf-8' };
}

/** Options of the document system's API. */
export interface DocumentsRoutesOptions {
  /** The simulator's "today": it serves figures through the previous month. */
  readonly today: () => Date;
  /**
   * The generated years and serialised pages are dropped once no statistics page was asked for
   * this long, ms: a burst of queries over several years otherwise leaves them (≈ 30 MB) resident.
   * @default 5000
   */
  readonly cacheIdleMs?: number;
}

/** The QLVBĐH API routes: monthly statistics per organ, and the organ directory. */
export function documentsRoutes(options: DocumentsRoutesOptions): SimRoute[] {
  const bodies = new Map<string, Buffer>();
  const touch = dropWhenUnused(() => {
    bodies.clear();
    forgetYears();
  }, options.cacheIdleMs ?? CACHE_IDLE_MS);
  return [
    {
      name: 'statistics',
      method: 'GET',
      path: '/api/v1/statistics/documents/monthly',
      handler: (req) => {
        const q = statsQuery.safeParse(queryOf(req));
        if (!q.success) return badRequest(q.error);
        const { Year, UnitCodes, OrganIds } = q.data;
        const today = options.today();
        touch();
        const rows = monthlyStats({ year: Year, ...(UnitCodes === undefined ? {} : { unitCodes: UnitCodes }), ...(OrganIds === undefined ? {} : { organIds: OrganIds }) }, today);
        const { slice, envelope } = page(rows, q.data.page, q.data.size);
        const report = vnDate(reportDate(today));
        const wireBody = (): { readonly Data: readonly Record<string, unknown>[] } & Record<string, unknown> => ({ ReportDate: report, ...envelope, Data: slice.map(statsRow) });
        if (req.malformed) return malform(req, wireBody());
        // A batched subgraph asks the same 2–3 MB page again and again: serialise and encode it once
        // (and build its rows only then).
        const key = `${report}|${req.url.search}`;
        let text = bodies.get(key);
        if (text === undefined) {
          text = Buffer.from(JSON.stringify(wireBody()), 'utf8');
          if (bodies.size >= BODIES_KEPT) bodies.delete(bodies.keys().next().value ?? '');
          bodies.set(key, text);
        }
        return { status: 200, text, contentType: 'application/json; charset=utf-8' };
      },
    },
    {
      name: 'organs',
      method: 'GET',
      path: '/api/v1/organs',
      handler: (req) => {
        const q = organsQuery.safeParse(queryOf(req));
        if (!q.success) return badRequest(q.error);
        const { UnitCodes, OrganIds } = q.data;
        const organs = allOrgans().filter((o) => (UnitCodes === undefined || UnitCodes.has(o.unitCode)) && (OrganIds === undefined || OrganIds.has(o.code)));
        const { slice, envelope } = page(organs, q.data.page, q.data.size);
        const body = { ...envelope, Data: slice.map(organRow) };
        return req.malformed ? malform(req, body) : { status: 200, json: body };
      },
    },
  ];
}
