import { createUpstreamClient, type UpstreamClientOptions } from '../../../lib/http/index.ts';
import type { Agency, MonthlyDocumentRow, StatsSnapshot } from '../domain/types.ts';
import { toAgency, toMonthlyRows, upstreamErrorMessage } from './mappers.ts';
import { organsPageWire, statsPageWire } from './schemas.ts';

/** Largest page the vendor serves; one page holds 63 provinces' organs × 12 months. */
export const DEFAULT_PAGE_SIZE = 20_000;

/** Which records to fetch; codes are sent comma-joined in one request. */
export interface StatsQuery {
  readonly year: number;
  readonly unitCodes?: readonly string[];
  readonly organIds?: readonly string[];
}

/** Which organs to list. */
export interface OrgansQuery {
  readonly unitCodes?: readonly string[];
  readonly organIds?: readonly string[];
}

/** Typed client of the QLVBĐH API; every answer is parsed into domain types. */
export interface DocumentsClient extends AsyncDisposable {
  /** Monthly statistics rows of a year, all pages followed. */
  monthlyStats(query: StatsQuery): Promise<StatsSnapshot>;
  /** Organs from the directory, all pages followed. */
  organs(query: OrgansQuery): Promise<Agency[]>;
  close(): Promise<void>;
}

/** Options of the documents client: the shared upstream options, plus the page size. */
export type DocumentsClientOptions = Omit<UpstreamClientOptions, 'system' | 'errorMessage'> & {
  /** Rows per page requested. @default 20000 */
  readonly pageSize?: number;
};

function filters(q: OrgansQuery): Record<string, string> {
  return {
    ...(q.unitCodes === undefined ? {} : { UnitCodes: q.unitCodes.join(',') }),
    ...(q.organIds === undefined ? {} : { OrganIds: q.organIds.join(',') }),
  };
}

/** Creates the documents client over the shared undici client (retries, breaker, zod). */
export function createDocumentsClient(options: DocumentsClientOptions): DocumentsClient {
  const { pageSize = DEFAULT_PAGE_SIZE, ...rest } = options;
  const http = createUpstreamClient({ ...rest, system: 'documents', errorMessage: upstreamErrorMessage });

  // Fetches page 1, then the remaining pages in parallel.
  async function allPages<T>(fetchPage: (page: number) => Promise<{ readonly items: readonly T[]; readonly totalPages: number }>): Promise<T[]> {
    const first = await fetchPage(1);
    const rest = await Promise.all(Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) => fetchPage(i + 2)));
    return [...first.items, ...rest.flatMap((p) => p.items)];
  }

  return {
    async monthlyStats(query) {
      let asOf: string | null = null;
      let fetchedAt = '';
      const rows = await allPages<MonthlyDocumentRow>(async (page) => {
        const res = await http.get('/api/v1/statistics/documents/monthly', {
          schema: statsPageWire,
          query: { Year: query.year, ...filters(query), page, size: pageSize },
        });
        asOf ??= res.data.ReportDate;
        if (fetchedAt === '') fetchedAt = res.fetchedAt;
        return { items: toMonthlyRows(res.data.Data), totalPages: res.data.TotalPages };
      });
      return { rows, asOf, fetchedAt };
    },
    organs(query) {
      return allPages<Agency>(async (page) => {
        const res = await http.get('/api/v1/organs', { schema: organsPageWire, query: { ...filters(query), page, size: pageSize } });
        return { items: res.data.Data.map(toAgency), totalPages: res.data.TotalPages };
      });
    },
    close: () => http.close(),
    [Symbol.asyncDispose]: () => http.close(),
  };
}
