import { UpstreamBadResponseError } from '../../../lib/errors/index.ts';
import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions, type UpstreamResult } from '../../../lib/http/index.ts';
import type { LabourReport } from '../domain/types.ts';
import { toLabourReport } from './mappers.ts';
import { labourErrorBodySchema, tongHopNamPageSchema, type TongHopNamPage } from './schemas.ts';

/** Path of the yearly summaries entity set, under the base URL. */
export const YEARLY_PATH = '/odata/TongHopNam';
/** Guard against a continuation loop: no real year needs more pages than this. */
const MAX_PAGES = 50;

/** The year's reports for a set of codes, with what provenance needs. */
export interface YearlyReports {
  readonly reports: readonly LabourReport[];
  /** When the last page arrived (ISO). */
  readonly fetchedAt: string;
  readonly urls: readonly string[];
}

interface PageRequest {
  readonly path: string;
  readonly query: Record<string, string>;
}

/** Typed client of the labour-market information system. */
export interface LabourClient extends AsyncDisposable {
  /** All yearly reports for `year` filed under any of `codes`, every page followed. */
  yearlyReports(year: number, codes: readonly string[]): Promise<YearlyReports>;
  close(): Promise<void>;
}

/** Options of the labour client: the shared client's, every I/O dependency injectable. */
export type LabourClientOptions = Omit<UpstreamClientOptions, 'system' | 'errorMessage'>;

function errorMessage(body: unknown): string | undefined {
  const parsed = labourErrorBodySchema.safeParse(body);
  return parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : undefined;
}

/** Creates the labour client over the shared upstream client (retry, breaker, zod parsing). */
export function createLabourClient(options: LabourClientOptions): LabourClient {
  const http: UpstreamClient = createUpstreamClient({ ...options, system: 'labour', errorMessage });
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');

  /** Turns an absolute continuation link into a path and query under our base, refusing other hosts. */
  const continuation = (link: string, url: string): PageRequest => {
    const next = new URL(link, base);
    if (next.origin !== base.origin || !next.pathname.startsWith(prefix)) {
      throw new UpstreamBadResponseError({
        system: 'labour',
        target: { url, method: 'GET' },
        status: 200,
        issues: [{ path: '@odata.nextLink', message: `points outside ${base.origin}${prefix}` }],
      });
    }
    return { path: next.pathname.slice(prefix.length), query: Object.fromEntries(next.searchParams) };
  };

  const yearlyReports = async (year: number, codes: readonly string[]): Promise<YearlyReports> => {
    const reports: LabourReport[] = [];
    const urls: string[] = [];
    let request: PageRequest | undefined = {
      path: YEARLY_PATH,
      query: { nam: String(year), maTinh: [...new Set(codes)].sort().join(',') },
    };
    let fetchedAt = '';
    for (let page = 0; request !== undefined && page < MAX_PAGES; page++) {
      const res: UpstreamResult<TongHopNamPage> = await http.get(request.path, { query: request.query, schema: tongHopNamPageSchema });
      reports.push(...res.data.value.map(toLabourReport));
      urls.push(res.url);
      fetchedAt = res.fetchedAt;
      const link: string | undefined = res.data['@odata.nextLink'];
      request = link === undefined ? undefined : continuation(link, res.url);
    }
    return { reports, fetchedAt, urls };
  };

  const close = (): Promise<void> => http.close();
  return { yearlyReports, close, [Symbol.asyncDispose]: close };
}
