/**
 * `npm run export -- --year 2024 --out dti-2024.csv [--unit 56] [--format csv|json] [--gateway URL]`
 * Exports every DTI input of the provinces in force that year (or one unit) through the gateway,
 * a few provinces per query so a terminal can show progress. Partial results keep their statuses;
 * errors are listed at the end and make the exit code 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultGatewayUrl, postToGateway } from '../lib/cli/gateway.ts';
import { asOfForYear, exportResponseSchema, toCsv, toRows, type ExportUnit } from '../lib/exports/index.ts';
import { persistedRequestBody } from '../lib/trusted-documents/index.ts';

const CHUNK = 8;

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    out: { type: 'string' },
    unit: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    gateway: { type: 'string', default: defaultGatewayUrl(process.env) },
    token: { type: 'string' },
  },
});
const argsSchema = z.object({
  year: z.coerce.number({ error: '--year is required, e.g. --year 2024' }).int().min(2000).max(2100),
  out: z.string({ error: '--out is required, e.g. --out dti-2024.csv' }).min(1),
  unit: z.string().regex(/^\d{2,5}$/, '--unit must be a unit code such as 56').optional(),
  format: z.enum(['csv', 'json']),
  gateway: z.string().url(),
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n`);
  process.exit(1);
}
const args = parsed.data;
// An access token (`npm run -s token -- …`), from --token or DTI_TOKEN; sent as a bearer token.
const accessToken = values.token ?? process.env['DTI_TOKEN'];
const bearer: Record<string, string> = accessToken === undefined || accessToken === '' ? {} : { authorization: `Bearer ${accessToken.trim()}` };

// Operations are registered trusted documents (schema/operations/), sent by id so they also run in production.
async function post(operation: 'DtiExportUnitList' | 'DtiExportChunk', variables: Record<string, unknown>): Promise<unknown> {
  return postToGateway(args.gateway, persistedRequestBody(operation, variables), bearer);
}

const unitListSchema = z.object({
  data: z.object({ units: z.array(z.object({ code: z.string(), name: z.string() })) }).nullable().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});


const chunkResponseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional() })).optional(),
});

const tty = process.stderr.isTTY;
function progress(done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} units`;
  process.stderr.write(tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
}

const asOf = asOfForYear(args.year, new Date().toISOString().slice(0, 10));
let codes: string[];
if (args.unit !== undefined) {
  codes = [args.unit];
} else {
  const list = unitListSchema.parse(await post('DtiExportUnitList', { asOf }));
  codes = (list.data?.units ?? []).map((u) => u.code);
  if (codes.length === 0) {
    process.stderr.write(`no units to export: ${(list.errors ?? []).map((e) => e.message).join('; ')}\n`);
    process.exit(1);
  }
}

const units: ExportUnit[] = [];
const errors: string[] = [];
progress(0, codes.length);
for (let i = 0; i < codes.length; i += CHUNK) {
  const chunk = codes.slice(i, i + CHUNK);
  const variables: Record<string, unknown> = { asOf, year: args.year };
  // The registered chunk query always asks for CHUNK units: a short last chunk repeats its last code.
  for (let j = 0; j < CHUNK; j++) variables[`c${j}`] = chunk[Math.min(j, chunk.length - 1)];
  const answer = chunkResponseSchema.parse(await post('DtiExportChunk', variables));
  for (let j = 0; j < chunk.length; j++) {
    const unit = exportResponseSchema.shape.data.parse({ unit: answer.data?.[`u${j}`] ?? null })?.unit;
    if (unit) units.push(unit);
  }
  for (const e of answer.errors ?? []) errors.push(e.message);
  progress(Math.min(i + CHUNK, codes.length), codes.length);
}

const rows = toRows(units, args.year);
writeFileSync(args.out, args.format === 'csv' ? toCsv(rows) : JSON.stringify({ year: args.year, asOf, rows, errors }, null, 2));
process.stderr.write(`wrote ${rows.length} rows for ${units.length} units to ${args.out}\n`);
if (errors.length > 0) {
  process.stderr.write(`${errors.length} error(s) — the affected values are marked in the file:\n${[...new Set(errors)].map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(2);
}
