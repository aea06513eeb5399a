/**
 * `npm run submissions:import -- FILE --unit ID --year Y [--dry-run] [--token T] [--gateway URL]`
 * Reads a filled spreadsheet template (`GET /exports/dti?unit=…&year=…&template=1`) and saves its
 * rows as drafts through the gateway's `saveEntries` (one transaction: all rows or none). Every bad
 * row is reported by line and column — the file's own problems and the store's (an indicator code
 * not in that year's methodology, a stale version, a unit out of scope) in one run — and a file
 * with any problem stores nothing (exit 1). `--unit` is the unit id (01@origin) or code (01).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultGatewayUrl, postToGateway } from '../lib/cli/gateway.ts';
import { columnOfField, readFilledTemplate, type RowProblem } from '../lib/exports/index.ts';
import { persistedRequestBody } from '../lib/trusted-documents/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    unit: { type: 'string' },
    year: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    gateway: { type: 'string', default: defaultGatewayUrl(process.env) },
    token: { type: 'string' },
  },
});
const args = z
  .object({
    file: z.string({ error: 'usage: npm run submissions:import -- FILE --unit ID --year YEAR' }).min(1),
    unit: z.string({ error: '--unit is required: the unit id (01@origin) or code (01) the file is for' }).regex(/^\d{2,5}(@[\w-]+)?$/, '--unit must be a unit id such as 01@origin or a code such as 01'),
    year: z.coerce.number({ error: '--year is required, e.g. --year 2023' }).int().min(2000).max(2100),
    gateway: z.string().url(),
  })
  .safeParse({ ...values, file: positionals[0] });
if (!args.success) {
  process.stderr.write(`${args.error.issues.map((i) => i.message).join('\n')}\n`);
  process.exit(2);
}
const { file, unit, year, gateway } = args.data;
const dryRun = values['dry-run'] === true;
// An access token (`npm run -s token -- …`), from --token or DTI_TOKEN; sent as a bearer token.
const accessToken = values.token ?? process.env['DTI_TOKEN'];
const bearer: Record<string, string> = accessToken === undefined || accessToken === '' ? {} : { authorization: `Bearer ${accessToken.trim()}` };

const bilingualText = { message: z.string(), messageEn: z.string() };
const answerSchema = z.object({
  data: z
    .object({
      saveEntries: z.object({
        stored: z.boolean(),
        entries: z.array(z.object({ id: z.string(), indicator: z.object({ code: z.string() }), status: z.string(), version: z.number() })),
        warnings: z.array(z.object({ index: z.number().int(), code: z.string(), ...bilingualText })),
        userErrors: z.array(z.object({ field: z.string(), code: z.string(), ...bilingualText })),
      }).nullable(),
    })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional() })).optional(),
});

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const describe = (p: RowProblem): string => `  dòng/line ${p.line}${p.column === null ? '' : `, cột/column "${p.column}"`}: ${p.message} (${p.messageEn}) [${p.code}]`;

let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const read = readFilledTemplate(bytes, { unit, year });
if (read.rows.length === 0 && read.problems.length === 0) {
  say(`Không có dòng nào để nhập: ${read.skipped.length} dòng để trống. — Nothing to import: ${read.skipped.length} row(s) left empty.`);
  process.exit(0);
}

// Whole file first: with problems of its own, the store still checks the rows that parsed (a dry
// run), so one run names every bad row; only a clean file is written, in one transaction.
const problems: RowProblem[] = [...read.problems];
const inputs = read.rows.map((r) => r.input);
const answer = inputs.length === 0
  ? null
  : answerSchema.parse(await postToGateway(gateway, persistedRequestBody('SaveEntries', { inputs, dryRun: dryRun || problems.length > 0 }), bearer));
if (answer !== null && ((answer.errors?.length ?? 0) > 0 || answer.data?.saveEntries === null)) {
  process.stderr.write(`Không lưu gì — nothing stored:\n${(answer.errors ?? []).map((e) => `  - ${e.message}${typeof e.extensions?.['code'] === 'string' ? ` [${e.extensions['code']}]` : ''}`).join('\n')}\n`);
  process.exit(1);
}
const result = answer?.data?.saveEntries;
for (const e of result?.userErrors ?? []) {
  const index = Number(/^inputs\.(\d+)\./.exec(e.field)?.[1] ?? '-1');
  problems.push({ line: read.rows[index]?.line ?? 0, column: columnOfField(e.field), code: e.code, message: e.message, messageEn: e.messageEn });
}
problems.sort((a, b) => a.line - b.line);
if (problems.length > 0) {
  const lines = new Set(problems.map((p) => p.line)).size;
  say(`Không lưu gì: ${problems.length} lỗi ở ${lines} dòng. — Nothing stored: ${problems.length} problem(s) on ${lines} line(s).`);
  for (const p of problems) say(describe(p));
  process.exit(1);
}
for (const w of result?.warnings ?? []) {
  say(`  cảnh báo/warning, dòng/line ${read.rows[w.index]?.line ?? '?'}: ${w.message} (${w.messageEn}) [${w.code}] — xác nhận kèm giải trình trước khi gửi duyệt / acknowledge with a justification before submitting`);
}
if (result?.stored === true) {
  say(`Đã lưu ${result.entries.length} bản nháp cho ${unit}, DTI ${year}. — Saved ${result.entries.length} draft(s) for ${unit}, DTI ${year}.`);
  for (const [i, e] of result.entries.entries()) say(`  dòng/line ${read.rows[i]?.line ?? '?'}: ${e.indicator.code} → ${e.status} v${e.version} (${e.id})`);
} else {
  say(`Kiểm tra xong, không lỗi; chưa lưu (--dry-run): ${inputs.length} dòng. — Checked, no problems; nothing stored (--dry-run): ${inputs.length} row(s).`);
}
if (read.skipped.length > 0) say(`Bỏ qua ${read.skipped.length} dòng để trống. — Skipped ${read.skipped.length} empty row(s).`);
