import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { trustedDocument } from '../trusted-documents/index.ts';
import { UTF8_BOM } from './csv.ts';

/**
 * The DTI team's spreadsheet round trip: `GET /exports/dti?unit=…&year=…&template=1` writes the
 * open items of a unit-year with empty value and evidence columns; `npm run submissions:import`
 * reads the filled file back. Both sides use the columns below, so the format is one contract.
 * Headers are Vietnamese first with English alongside ("Mã chỉ số / Indicator code"); the reader
 * also accepts either half alone, in any order of columns.
 */
export const TEMPLATE_COLUMNS = [
  { key: 'unitId', vi: 'Mã định danh đơn vị', en: 'Unit id' },
  { key: 'unitName', vi: 'Tên đơn vị', en: 'Unit name' },
  { key: 'year', vi: 'Năm DTI', en: 'DTI year' },
  { key: 'methodology', vi: 'Phương pháp', en: 'Methodology' },
  { key: 'indicatorCode', vi: 'Mã chỉ số', en: 'Indicator code' },
  { key: 'indicatorName', vi: 'Tên chỉ số', en: 'Indicator name (Vietnamese)' },
  { key: 'indicatorNameEn', vi: 'Tên chỉ số (tiếng Anh)', en: 'Indicator name' },
  { key: 'openStatus', vi: 'Tình trạng', en: 'Status' },
  { key: 'heldBy', vi: 'Cơ quan nắm dữ liệu', en: 'Data held by' },
  { key: 'entryStatus', vi: 'Bản ghi hiện có', en: 'Current entry' },
  { key: 'version', vi: 'Phiên bản', en: 'Version' },
  { key: 'value', vi: 'Giá trị (0–1)', en: 'Value (0–1)' },
  { key: 'numerator', vi: 'Tử số', en: 'Numerator' },
  { key: 'denominator', vi: 'Mẫu số', en: 'Denominator' },
  { key: 'documentSymbol', vi: 'Số hiệu văn bản', en: 'Document symbol' },
  { key: 'documentDate', vi: 'Ngày văn bản (YYYY-MM-DD)', en: 'Document date' },
  { key: 'url', vi: 'Đường dẫn', en: 'URL' },
  { key: 'evidenceNote', vi: 'Ghi chú minh chứng', en: 'Evidence note' },
  { key: 'comment', vi: 'Nhận xét', en: 'Comment' },
] as const;

export type TemplateKey = (typeof TEMPLATE_COLUMNS)[number]['key'];

/** The header cell of a column, as the template writes it. */
export const headerOf = (key: TemplateKey): string => {
  const c = TEMPLATE_COLUMNS.find((x) => x.key === key);
  return c === undefined ? key : `${c.vi} / ${c.en}`;
};

/** One open item of a unit-year: a main indicator with no approved value yet. */
export interface TemplateItem {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** NOT_COLLECTED, MISSING, SOURCE_UNAVAILABLE… as `dti { missing }` says. */
  readonly status: string;
  readonly heldBy: string | null;
  /** The entry already kept for the item (a draft, say), and its version to update it with. */
  readonly entry: { readonly status: string; readonly version: number } | null;
}

export interface TemplateUnit {
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly methodology: string;
  readonly items: readonly TemplateItem[];
}

/** The template: BOM (Excel then reads UTF-8), CRLF, one row per open item, value and evidence empty. */
export function toTemplateCsv(t: TemplateUnit): string {
  const rows = t.items.map((i) => {
    const cells: Record<TemplateKey, string> = {
      unitId: t.unitId,
      unitName: t.unitName,
      year: String(t.year),
      methodology: t.methodology,
      indicatorCode: i.code,
      indicatorName: i.name,
      indicatorNameEn: i.nameEn,
      openStatus: i.status,
      heldBy: i.heldBy ?? '',
      entryStatus: i.entry?.status ?? '',
      version: i.entry === null ? '' : String(i.entry.version),
      value: '',
      numerator: '',
      denominator: '',
      documentSymbol: '',
      documentDate: '',
      url: '',
      evidenceNote: '',
      comment: '',
    };
    return TEMPLATE_COLUMNS.map((c) => cells[c.key]);
  });
  const body = stringify(rows, { header: true, columns: TEMPLATE_COLUMNS.map((c) => headerOf(c.key)), record_delimiter: 'windows' });
  return `${UTF8_BOM}${body}`;
}

/** What saveEntry/saveEntries take, built from one filled row. */
export interface ImportInput {
  readonly unitId: string;
  readonly year: number;
  readonly indicatorCode: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly evidence: ReadonlyArray<{ readonly documentSymbol: string | null; readonly documentDate: string | null; readonly url: string | null; readonly note: string | null }>;
  readonly comment: string | null;
  readonly expectedVersion: number | null;
}

/** A problem with one cell (or the whole row: column null), by the file's line number (1-based). */
export interface RowProblem {
  readonly line: number;
  readonly column: string | null;
  readonly code: string;
  /** Vietnamese. */
  readonly message: string;
  readonly messageEn: string;
}

export interface ReadResult {
  /** The rows to store, each with the line it starts on. */
  readonly rows: ReadonlyArray<{ readonly line: number; readonly input: ImportInput }>;
  readonly problems: readonly RowProblem[];
  /** Lines of rows left empty (no value and no evidence): not an error, nothing to store. */
  readonly skipped: readonly number[];
}

/** Which column of the file a saveEntry input field came from, to report the server's problems by cell. */
export function columnOfField(field: string): string | null {
  const f = field.replace(/^inputs\.\d+\./, '');
  const key: TemplateKey | null = f.startsWith('evidence.')
    ? f.endsWith('documentDate') ? 'documentDate' : f.endsWith('url') ? 'url' : f.endsWith('fileId') ? null : 'documentSymbol'
    : f === 'evidence' ? 'documentSymbol'
    : f === 'expectedVersion' ? 'version'
    : f === 'unitId' ? 'unitId'
    : (['indicatorCode', 'value', 'numerator', 'denominator', 'comment', 'year'] as const).find((k) => k === f) ?? null;
  return key === null ? null : headerOf(key);
}

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

function keyOfHeader(cell: string): TemplateKey | undefined {
  const h = norm(cell);
  return TEMPLATE_COLUMNS.find((c) => h === norm(`${c.vi} / ${c.en}`) || h === norm(c.vi) || h === norm(c.en) || h === norm(c.key))?.key;
}

/** A number as a spreadsheet writes it: 0.75, or 0,75 where the decimal mark is a comma. */
function numberOf(cell: string): number | null | 'bad' {
  const s = cell.trim().replace(/\s/g, '');
  if (s === '') return null;
  const dot = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s) ? s.replace(',', '.') : null;
  if (dot === null) return 'bad';
  const n = Number(dot);
  return Number.isFinite(n) ? n : 'bad';
}

/** YYYY-MM-DD, or DD/MM/YYYY as Vietnamese spreadsheets show dates; a day that exists. */
function dateOf(cell: string): string | null | 'bad' {
  const s = cell.trim();
  if (s === '') return null;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = vn === null ? s : `${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return 'bad';
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : 'bad';
}

const fileBytes = z.instanceof(Uint8Array);
const parsedRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));

/**
 * Reads a filled template: UTF-8 (with or without BOM), comma or semicolon separated, CRLF or LF,
 * quoted cells with commas, quotes and line breaks. Checks every row against the unit and year
 * the import is for and what needs no store (numbers, 0–1, numerator ≤ denominator, dates,
 * evidence present); the indicator-for-the-year and version checks are the store's (saveEntries).
 * `unit` is the unit id (01@origin) or its code (01).
 */
export function readFilledTemplate(bytes: Uint8Array, expected: { readonly unit: string; readonly year: number }): ReadResult {
  fileBytes.parse(bytes);
  const problems: RowProblem[] = [];
  const fail = (line: number, key: TemplateKey | null, code: string, vi: string, en: string): void => {
    problems.push({ line, column: key === null ? null : headerOf(key), code, message: vi.normalize('NFC'), messageEn: en });
  };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    fail(1, null, 'NOT_UTF8', 'Tệp không phải UTF-8: hãy lưu lại dưới dạng "CSV UTF-8".', 'The file is not UTF-8: save it again as "CSV UTF-8".');
    return { rows: [], problems, skipped: [] };
  }
  // One line ending throughout: the parser counts a CRLF inside a quoted cell as two lines.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes with the line it ends on (its type does not say so: checked here).
    records = parsedRecords.parse(parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true }));
  } catch (e) {
    const line = typeof e === 'object' && e !== null && 'lines' in e && typeof e.lines === 'number' ? e.lines : 1;
    const why = e instanceof Error ? e.message : String(e);
    fail(line, null, 'BAD_CSV', `Không đọc được tệp CSV: ${why}`, `The CSV cannot be read: ${why}`);
    return { rows: [], problems, skipped: [] };
  }
  const lineOf = (r: { record: string[]; info: { lines: number } }): number => r.info.lines - r.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  const [header, ...data] = records;
  if (header === undefined) {
    fail(1, null, 'EMPTY', 'Tệp trống.', 'The file is empty.');
    return { rows: [], problems, skipped: [] };
  }
  const index = new Map<TemplateKey, number>();
  header.record.forEach((cell, i) => {
    const key = keyOfHeader(cell);
    if (key !== undefined && !index.has(key)) index.set(key, i);
  });
  for (const key of ['unitId', 'year', 'indicatorCode', 'value'] as const) {
    if (!index.has(key)) fail(lineOf(header), key, 'MISSING_COLUMN', `Thiếu cột "${headerOf(key)}".`, `The column "${headerOf(key)}" is missing.`);
  }
  if (problems.length > 0) return { rows: [], problems, skipped: [] };

  const rows: Array<{ line: number; input: ImportInput }> = [];
  const skipped: number[] = [];
  for (const r of data) {
    const line = lineOf(r);
    const cell = (key: TemplateKey): string => {
      const i = index.get(key);
      return i === undefined ? '' : (r.record[i] ?? '').normalize('NFC').trim();
    };
    const value = numberOf(cell('value'));
    const numerator = numberOf(cell('numerator'));
    const denominator = numberOf(cell('denominator'));
    const evidenceCells = [cell('documentSymbol'), cell('documentDate'), cell('url'), cell('evidenceNote')];
    if (value === null && numerator === null && denominator === null && evidenceCells.every((c) => c === '') && cell('comment') === '') {
      skipped.push(line);
      continue;
    }
    const before = problems.length;
    const unitId = cell('unitId');
    const unitMatches = unitId === expected.unit || unitId.split('@')[0] === expected.unit;
    if (!unitMatches) {
      fail(line, 'unitId', 'UNIT_MISMATCH', `Dòng này thuộc đơn vị ${unitId || '(trống)'}, không phải ${expected.unit} đang nhập.`, `This row is for unit ${unitId || '(empty)'}, not ${expected.unit} being imported.`);
    }
    if (cell('year') !== String(expected.year)) {
      fail(line, 'year', 'YEAR_MISMATCH', `Dòng này thuộc năm ${cell('year') || '(trống)'}, không phải ${expected.year} đang nhập.`, `This row is for year ${cell('year') || '(empty)'}, not ${expected.year} being imported.`);
    }
    if (cell('indicatorCode') === '') fail(line, 'indicatorCode', 'REQUIRED', 'Thiếu mã chỉ số.', 'The indicator code is missing.');
    for (const [key, v] of [['value', value], ['numerator', numerator], ['denominator', denominator]] as const) {
      if (v === 'bad') fail(line, key, 'NOT_A_NUMBER', `"${cell(key)}" không phải là số.`, `"${cell(key)}" is not a number.`);
    }
    if (typeof value === 'number' && (value < 0 || value > 1)) {
      fail(line, 'value', 'OUT_OF_RANGE', `Giá trị là tỉ lệ từ 0 đến 1; nhận được ${value}.`, `A value is a rate from 0 to 1; got ${value}.`);
    }
    if ((numerator === null) !== (denominator === null) && numerator !== 'bad' && denominator !== 'bad') {
      fail(line, numerator === null ? 'numerator' : 'denominator', 'INCOMPLETE_FRACTION', 'Nhập cả tử số và mẫu số, hoặc không nhập cả hai.', 'Give both numerator and denominator, or neither.');
    }
    if (typeof numerator === 'number' && typeof denominator === 'number') {
      if (denominator <= 0) fail(line, 'denominator', 'OUT_OF_RANGE', `Mẫu số phải lớn hơn 0; nhận được ${denominator}.`, `The denominator must be above 0; got ${denominator}.`);
      if (numerator < 0) fail(line, 'numerator', 'OUT_OF_RANGE', `Tử số phải từ 0 trở lên; nhận được ${numerator}.`, `The numerator must be 0 or more; got ${numerator}.`);
      if (numerator > denominator) fail(line, 'numerator', 'NUMERATOR_ABOVE_DENOMINATOR', `Tử số ${numerator} lớn hơn mẫu số ${denominator}.`, `The numerator ${numerator} is above the denominator ${denominator}.`);
    }
    if (value === null && numerator === null && denominator === null) fail(line, 'value', 'REQUIRED', 'Nhập giá trị (0–1) hoặc tử số và mẫu số.', 'Give a value (0–1) or a numerator and denominator.');
    const date = dateOf(cell('documentDate'));
    if (date === 'bad') fail(line, 'documentDate', 'INVALID_DATE', `Ngày văn bản "${cell('documentDate')}" không hợp lệ: dùng YYYY-MM-DD hoặc DD/MM/YYYY.`, `The document date "${cell('documentDate')}" is not a date: use YYYY-MM-DD or DD/MM/YYYY.`);
    const url = cell('url');
    if (url !== '' && (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))) {
      fail(line, 'url', 'INVALID_URL', `"${url}" không phải đường dẫn http(s).`, `"${url}" is not an http(s) link.`);
    }
    const documentSymbol = cell('documentSymbol');
    const note = cell('evidenceNote');
    if (documentSymbol === '' && url === '' && note === '') {
      fail(line, 'documentSymbol', 'NO_EVIDENCE', 'Cần ít nhất một minh chứng: số hiệu văn bản, đường dẫn hoặc ghi chú.', 'Give at least one piece of evidence: a document symbol, a URL or a note.');
    }
    const versionCell = cell('version');
    const version = versionCell === '' ? null : /^\d+$/.test(versionCell) ? Number(versionCell) : 'bad';
    if (version === 'bad') fail(line, 'version', 'NOT_A_NUMBER', `Phiên bản "${versionCell}" phải là số nguyên.`, `The version "${versionCell}" must be a whole number.`);
    if (problems.length > before) continue;
    rows.push({
      line,
      input: {
        unitId,
        year: expected.year,
        indicatorCode: cell('indicatorCode'),
        value: typeof value === 'number' ? value : null,
        numerator: typeof numerator === 'number' ? numerator : null,
        denominator: typeof denominator === 'number' ? denominator : null,
        evidence: [{ documentSymbol: documentSymbol || null, documentDate: typeof date === 'string' ? date : null, url: url || null, note: note || null }],
        comment: cell('comment') || null,
        expectedVersion: typeof version === 'number' ? version : null,
      },
    });
  }
  return { rows, problems, skipped };
}

/** The template's query: a registered trusted document (schema/operations/DtiTemplate.graphql). */
export const TEMPLATE_QUERY = trustedDocument('DtiTemplate').document;

const templateAnswerSchema = z.object({
  data: z
    .object({
      unit: z
        .object({
          id: z.string(),
          name: z.string(),
          year: z
            .object({
              dti: z
                .object({
                  methodology: z.string(),
                  mainIndicators: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
                  missing: z.array(z.object({ kind: z.string(), code: z.string(), status: z.string(), heldBy: z.string().nullable() })),
                })
                .nullable(),
              selfAssessment: z.object({ entries: z.array(z.object({ indicator: z.object({ code: z.string() }), status: z.string(), version: z.number().int() })) }).nullable(),
            })
            .nullable(),
        })
        .nullable(),
    })
    .nullable()
    .optional(),
  errors: z
    .array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});
export type TemplateAnswer = z.output<typeof templateAnswerSchema>;
export const parseTemplateAnswer = (raw: unknown): TemplateAnswer => templateAnswerSchema.parse(raw);

/** The template rows from the answer: the open main indicators (`dti { missing }`), with any entry already kept. */
export function templateOf(answer: TemplateAnswer, year: number): TemplateUnit | null {
  const unit = answer.data?.unit;
  const dti = unit?.year?.dti;
  if (unit === null || unit === undefined || dti === null || dti === undefined) return null;
  const names = new Map(dti.mainIndicators.map((m) => [m.code, m]));
  const entries = new Map((unit.year?.selfAssessment?.entries ?? []).map((e) => [e.indicator.code, e]));
  const items = dti.missing
    .filter((m) => m.kind === 'MAIN_INDICATOR')
    .map((m): TemplateItem => {
      const e = entries.get(m.code);
      return { code: m.code, name: names.get(m.code)?.name ?? '', nameEn: names.get(m.code)?.nameEn ?? '', status: m.status, heldBy: m.heldBy, entry: e === undefined ? null : { status: e.status, version: e.version } };
    });
  return { unitId: unit.id, unitName: unit.name, year, methodology: dti.methodology, items };
}
