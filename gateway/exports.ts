import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  asOfForYear,
  exportResponseSchema,
  toCsv,
  parseTemplateAnswer,
  TEMPLATE_QUERY,
  templateOf,
  toRows,
  toTemplateCsv,
  UNIT_EXPORT_QUERY,
  UNITS_EXPORT_QUERY,
  type ExportUnit,
} from '../lib/exports/index.ts';

/** Runs a GraphQL operation through the gateway's own planner (in process; subgraphs still over HTTP). */
export type ExecuteGraphQL = (query: string, variables: Record<string, unknown>, authorization: string | undefined) => Promise<unknown>;

const paramsSchema = z
  .object({
    unit: z.string().regex(/^\d{2,5}$/, 'must be an administrative unit code such as 56').optional(),
    year: z.coerce.number({ error: 'must be a year such as 2024' }).int('must be a year such as 2024').min(2000).max(2100),
    format: z.enum(['csv', 'json'], { error: 'must be csv or json' }).default('csv'),
    template: z.enum(['1'], { error: 'must be 1 (the spreadsheet template of open items)' }).optional(),
  })
  .strict();

/** Errors listed in an export body; the count says how many there were in all. */
const MAX_LISTED_ERRORS = 100;

/**
 * A partial export's errors as a CSV comment block after the rows (`#` lines, read with csv-parse's
 * `comment: '#'` or skipped by eye), so a partial export is never mistaken for a complete one.
 */
export function errorCommentBlock(errors: ReadonlyArray<{ readonly message: string; readonly extensions?: Record<string, unknown> | undefined }>): string {
  if (errors.length === 0) return '';
  const lines = errors.slice(0, MAX_LISTED_ERRORS).map((e) => {
    const code = typeof e.extensions?.['code'] === 'string' ? e.extensions['code'] : 'ERROR';
    const system = typeof e.extensions?.['system'] === 'string' ? ` [${e.extensions['system']}]` : '';
    const message = e.message.replace(/[\r\n]+/g, ' ').slice(0, 300);
    return `# ${code}${system}: ${message}`;
  });
  const more = errors.length > MAX_LISTED_ERRORS ? [`# … and ${errors.length - MAX_LISTED_ERRORS} more`] : [];
  return [`# PARTIAL EXPORT: ${errors.length} error(s); the rows above lack what these name`, ...lines, ...more].join('\r\n') + '\r\n';
}

function fail(res: ServerResponse, status: number, message: string, code?: 'UNAUTHENTICATED' | 'FORBIDDEN'): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  res.end(JSON.stringify({ error: message, ...(code === undefined ? {} : { code }) }));
}

const codeOf = (e: { readonly extensions?: Record<string, unknown> | undefined }): unknown => e.extensions?.['code'];

/**
 * `…&template=1`: the unit-year's open main indicators (`dti { missing }`, with who holds the data
 * and any entry already kept, with its version) and empty value and evidence columns, for
 * `npm run submissions:import`. Refused rather than partial when the entries cannot be read: a
 * template without the current versions would only produce conflicts on import.
 */
function sendTemplate(res: ServerResponse, raw: unknown, unit: string, year: number): void {
  const answer = parseTemplateAnswer(raw);
  const errors = answer.errors ?? [];
  const refusal = errors.find((e) => codeOf(e) === 'UNAUTHENTICATED' || codeOf(e) === 'FORBIDDEN');
  if (refusal !== undefined) return fail(res, codeOf(refusal) === 'UNAUTHENTICATED' ? 401 : 403, refusal.message, codeOf(refusal) === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const badInput = errors.filter((e) => codeOf(e) === 'BAD_USER_INPUT');
  if (badInput.length > 0) return fail(res, 400, [...new Set(badInput.map((e) => e.message))].join('; '));
  if (answer.data?.unit?.year?.selfAssessment === null || answer.data?.unit?.year?.selfAssessment === undefined || errors.length > 0) {
    const why = errors.map((e) => e.message).join('; ');
    if (answer.data?.unit === null) return fail(res, 404, why || `no unit ${unit} in ${year}`);
    return fail(res, 503, `the template needs the DTI assessment and the entries already kept; ${why || 'they could not be read'}`);
  }
  const t = templateOf(answer, year);
  if (t === null) return fail(res, 404, `no DTI assessment for unit ${unit} in ${year}`);
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="dti-template-${unit}-${year}.csv"` });
  res.end(toTemplateCsv(t));
}

/**
 * `GET /exports/dti?unit=CODE&year=YYYY&format=csv|json`: every DTI input of a unit (or, without
 * `unit`, of every province in force that year), one row per unit and input, with value, status,
 * source system and as-of date. Partial results export with their statuses and the errors.
 * `&template=1` (one unit, CSV): the spreadsheet template of the unit-year's open items instead.
 */
export function createDtiExportHandler(execute: ExecuteGraphQL, today: () => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET') return fail(res, 405, 'use GET');
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const parsed = paramsSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      return fail(res, 400, parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
    }
    const { unit, year, format, template } = parsed.data;
    // Exports carry every figure of a unit: a token is required, and the query runs as its caller.
    const authorization = req.headers.authorization;
    if (authorization === undefined) return fail(res, 401, 'exports need an access token (Authorization: Bearer …); see npm run token', 'UNAUTHENTICATED');
    const asOf = asOfForYear(year, today());
    if (template !== undefined) {
      if (unit === undefined) return fail(res, 400, 'unit: the template is for one unit-year, e.g. ?unit=01&year=2023&template=1');
      if (format !== 'csv') return fail(res, 400, 'format: the template is a CSV');
      return sendTemplate(res, await execute(TEMPLATE_QUERY, { code: unit, asOf, year }, authorization), unit, year);
    }
    const raw = unit === undefined
      ? await execute(UNITS_EXPORT_QUERY, { asOf, year }, authorization)
      : await execute(UNIT_EXPORT_QUERY, { code: unit, asOf, year }, authorization);
    const answer = exportResponseSchema.parse(raw);
    const allErrors = answer.errors ?? [];
    const unauthenticated = allErrors.find((e) => codeOf(e) === 'UNAUTHENTICATED');
    if (unauthenticated !== undefined) return fail(res, 401, unauthenticated.message, 'UNAUTHENTICATED');
    const forbidden = allErrors.filter((e) => codeOf(e) === 'FORBIDDEN');
    if (unit !== undefined && forbidden.length > 0) return fail(res, 403, forbidden[0]?.message ?? 'forbidden', 'FORBIDDEN');
    // Without a unit: the caller's units only; the others are named as withheld, never silently dropped.
    const withheldIndexes = new Set(forbidden.map((e) => e.path?.[1]).filter((i): i is number => typeof i === 'number'));
    const listed = answer.data?.units ?? [];
    const withheld = listed.filter((_, i) => withheldIndexes.has(i)).map((u) => u.code);
    const units: ExportUnit[] = unit === undefined ? listed.filter((_, i) => !withheldIndexes.has(i)) : answer.data?.unit ? [answer.data.unit] : [];
    const errors = allErrors.filter((e) => codeOf(e) !== 'FORBIDDEN');
    if (unit === undefined && units.length === 0 && withheld.length > 0) return fail(res, 403, 'no unit of yours to export: your token names no unit in force that year', 'FORBIDDEN');
    const badInput = errors.filter((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
    if (badInput.length > 0) return fail(res, 400, [...new Set(badInput.map((e) => e.message))].join('; '));
    if (units.length === 0) return fail(res, 404, errors.map((e) => e.message).join('; ') || 'nothing to export');
    const rows = toRows(units, year);
    const name = `dti-${unit ?? 'provinces'}-${year}`;
    if (format === 'json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}.json"` });
      res.end(JSON.stringify({ year, asOf, rows, errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length, withheld }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
      // Only a count in the header (headers have size limits); the errors themselves are in the body.
      ...(errors.length > 0 ? { 'x-dti-export-partial': String(errors.length) } : {}),
      // Bounded by the number of provinces: codes of units withheld from this caller.
      ...(withheld.length > 0 ? { 'x-dti-export-withheld': withheld.join(',') } : {}),
    });
    res.end(`${toCsv(rows)}${errorCommentBlock(errors)}`);
  };
}
