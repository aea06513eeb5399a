import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columnOfField, headerOf, readFilledTemplate, TEMPLATE_COLUMNS, toTemplateCsv, type TemplateKey, type TemplateUnit } from './template.ts';

const FIXTURE = new URL('../../test/fixtures/submissions-import/filled-with-bad-rows.csv', import.meta.url);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const keyOf = (column: string | null): TemplateKey | null => TEMPLATE_COLUMNS.find((c) => headerOf(c.key) === column)?.key ?? null;

const UNIT: TemplateUnit = {
  unitId: '01@origin',
  unitName: 'Thành phố Hà Nội',
  year: 2023,
  methodology: '922/QĐ-BTTTT',
  items: [
    { code: '922-M-1', name: 'Nhận thức số', nameEn: 'Digital awareness', status: 'NOT_COLLECTED', heldBy: 'Tỉnh ủy, UBND "tỉnh"', entry: null },
    { code: '922-M-2', name: 'Thể chế số', nameEn: 'Digital institutions', status: 'NOT_COLLECTED', heldBy: null, entry: { status: 'DRAFT', version: 3 } },
  ],
};

/** Fills columns of the template's data rows (0-based row index) and gives the file back as bytes. */
function fill(csv: string, cells: Record<number, Partial<Record<TemplateKey, string>>>): Uint8Array {
  const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  const out = rows.map((r, i) => TEMPLATE_COLUMNS.map((c, j) => cells[i]?.[c.key] ?? r[j] ?? ''));
  const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return enc(`\uFEFF${[header ?? [], ...out].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`);
}

describe('spreadsheet template: writing', () => {
  it('starts with a BOM, uses CRLF, heads each column Vietnamese first with English alongside, and leaves value and evidence empty', () => {
    const csv = toTemplateCsv(UNIT);
    expect(csv.startsWith('\uFEFFMã định danh đơn vị / Unit id,')).toBe(true);
    expect(csv.split('\r\n').length).toBe(4);
    const [header, first, second] = parse(csv.slice(1)) as string[][];
    expect(header?.[4]).toBe('Mã chỉ số / Indicator code');
    expect(first?.[8]).toBe('Tỉnh ủy, UBND "tỉnh"');
    expect(second?.slice(9, 11)).toEqual(['DRAFT', '3']);
    for (const row of [first, second]) expect(row?.slice(11)).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('an unfilled template reads back as nothing to store; a filled one as the drafts, versions carried', () => {
    const csv = toTemplateCsv(UNIT);
    expect(readFilledTemplate(enc(csv), { unit: '01', year: 2023 })).toEqual({ rows: [], problems: [], skipped: [2, 3] });
    const filled = fill(csv, { 0: { value: '0.6', documentSymbol: '12/BC-UBND', documentDate: '2023-12-15' }, 1: { numerator: '3', denominator: '4', evidenceNote: 'Thống kê' } });
    const read = readFilledTemplate(filled, { unit: '01@origin', year: 2023 });
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { line: 2, input: { unitId: '01@origin', year: 2023, indicatorCode: '922-M-1', value: 0.6, numerator: null, denominator: null, evidence: [{ documentSymbol: '12/BC-UBND', documentDate: '2023-12-15', url: null, note: null }], comment: null, expectedVersion: null } },
      { line: 3, input: { unitId: '01@origin', year: 2023, indicatorCode: '922-M-2', value: null, numerator: 3, denominator: 4, evidence: [{ documentSymbol: null, documentDate: null, url: null, note: 'Thống kê' }], comment: null, expectedVersion: 3 } },
    ]);
  });
});

describe('spreadsheet template: reading a filled file', () => {
  it('reports every bad row by line and column, and keeps only the good ones (quotes, commas and line breaks in cells, BOM, CRLF)', () => {
    const read = readFilledTemplate(readFileSync(FIXTURE), { unit: '01', year: 2023 });
    expect(read.problems.map((p) => [p.line, keyOf(p.column), p.code])).toEqual([
      [4, 'value', 'OUT_OF_RANGE'],
      [5, 'numerator', 'NUMERATOR_ABOVE_DENOMINATOR'],
      [6, 'unitId', 'UNIT_MISMATCH'],
      [7, 'documentDate', 'INVALID_DATE'],
      [8, 'documentSymbol', 'NO_EVIDENCE'],
      [11, 'value', 'NOT_A_NUMBER'],
    ]);
    expect(read.problems[0]).toMatchObject({ message: expect.stringMatching(/^Giá trị là tỉ lệ từ 0 đến 1/), messageEn: expect.stringMatching(/^A value is a rate/) });
    expect(read.skipped).toEqual([9]);
    expect(read.rows.map((r) => [r.line, r.input.indicatorCode])).toEqual([
      [2, '922-M-1'],
      [10, '922-M-8'],
      [13, '922-M-9'],
    ]);
    const [first, decimalComma, versioned] = read.rows.map((r) => r.input);
    expect(first).toMatchObject({ value: 0.6, comment: 'dòng một\ndòng hai', evidence: [{ documentSymbol: '12/BC-UBND', documentDate: '2023-12-15', note: 'Báo cáo, có "trích dẫn"' }] });
    expect(decimalComma).toMatchObject({ value: 0.7, evidence: [{ url: 'https://hanoi.gov.vn/bao-cao' }] });
    expect(versioned).toMatchObject({ value: 0.4, numerator: 2, denominator: 5, expectedVersion: 2 });
  });

  it('a file for another year is refused row by row; a semicolon-separated one reads the same', () => {
    const csv = toTemplateCsv(UNIT);
    const filled = fill(csv, { 0: { value: '0.6', evidenceNote: 'x' } });
    expect(readFilledTemplate(filled, { unit: '01', year: 2024 }).problems.map((p) => [p.line, p.code])).toEqual([[2, 'YEAR_MISMATCH']]);
    const semicolons = new TextDecoder().decode(filled).split('\r\n').map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')).join('\r\n');
    expect(readFilledTemplate(enc(semicolons), { unit: '01', year: 2023 }).rows.map((r) => r.input.value)).toEqual([0.6]);
  });

  it('refuses a file that is not UTF-8, is not CSV, or lacks a needed column, without reading rows', () => {
    expect(readFilledTemplate(new Uint8Array([0x4d, 0xe3, 0x20, 0xff]), { unit: '01', year: 2023 }).problems.map((p) => p.code)).toEqual(['NOT_UTF8']);
    expect(readFilledTemplate(enc('a,b\r\n"unterminated,1\r\n'), { unit: '01', year: 2023 }).problems.map((p) => p.code)).toEqual(['BAD_CSV']);
    const noValue = readFilledTemplate(enc('Unit id,DTI year,Indicator code\r\n01@origin,2023,922-M-1\r\n'), { unit: '01', year: 2023 });
    expect(noValue.problems.map((p) => [p.line, keyOf(p.column), p.code])).toEqual([[1, 'value', 'MISSING_COLUMN']]);
  });

  it("maps the store's problems (saveEntries fields) back to the template's columns", () => {
    expect(keyOf(columnOfField('inputs.3.indicatorCode'))).toBe('indicatorCode');
    expect(keyOf(columnOfField('inputs.0.expectedVersion'))).toBe('version');
    expect(keyOf(columnOfField('inputs.2.evidence.0.documentDate'))).toBe('documentDate');
    expect(keyOf(columnOfField('inputs.2.evidence'))).toBe('documentSymbol');
    expect(columnOfField('inputs.1.status')).toBeNull();
  });
});
