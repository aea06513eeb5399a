import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { headerOf, TEMPLATE_COLUMNS, type TemplateKey } from '../../lib/exports/index.ts';
import { at, gatewayFetch, gqlAs, tokenOf } from './client.ts';

// Issue #13 item 6, end to end: the template from the gateway's export route, filled as a team
// would, read back by `npm run submissions:import` (a separate process) through the gateway.
// Khánh Hòa (56), DTI 2022: no other test writes entries there.
const SCRIPT = fileURLToPath(new URL('../../scripts/submissions-import.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'submissions-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = promisify(execFile);
async function importFile(name: string, csv: string, as: 'editor-56' | 'viewer-56' = 'editor-56'): Promise<{ code: number; out: string }> {
  const file = join(dir, name);
  writeFileSync(file, csv);
  try {
    const r = await run(process.execPath, [SCRIPT, file, '--unit', '56', '--year', '2022', '--gateway', inject('gatewayUrl')], { env: { ...process.env, DTI_TOKEN: await tokenOf(as) } });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const failed = z.object({ code: z.number(), stdout: z.string(), stderr: z.string() }).parse(e);
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
}

const ENTRIES = '{ unit(code: "56", asOf: "2022-12-31") { year(year: 2022) { selfAssessment { entries { indicator { code } status version value enteredBy { subject } evidence { documentSymbol documentDate url note } } } } } }';
const entriesSchema = z.array(z.object({ indicator: z.object({ code: z.string() }), status: z.string(), version: z.number(), value: z.number(), enteredBy: z.object({ subject: z.string() }), evidence: z.array(z.record(z.string(), z.string().nullable())) }));
async function entries(): Promise<z.output<typeof entriesSchema>> {
  const r = await gqlAs('editor-56', ENTRIES);
  expect(r.errors).toBeUndefined();
  return entriesSchema.parse(at(r.data, 'unit', 'year', 'selfAssessment', 'entries'));
}

const col = (key: TemplateKey): number => TEMPLATE_COLUMNS.findIndex((c) => c.key === key);
const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const toCsv = (rows: string[][]): string => `\uFEFF${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;

describe('issue #13 - spreadsheet round trip', () => {
  let header: string[] = [];
  let rows: string[][] = [];

  it('the template lists every open main indicator of the unit-year with who holds the data, value and evidence empty', async () => {
    const res = await gatewayFetch('/exports/dti?unit=56&year=2022&template=1', 'editor-56');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/dti-template-56-2022\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    [header = [], ...rows] = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(header[col('indicatorCode')]).toBe('Mã chỉ số / Indicator code');
    const dti = await gqlAs('editor-56', '{ unit(code: "56", asOf: "2022-12-31") { year(year: 2022) { dti { missing { kind code heldBy } } } } }');
    const open = z.array(z.object({ kind: z.string(), code: z.string(), heldBy: z.string().nullable() })).parse(at(dti.data, 'unit', 'year', 'dti', 'missing')).filter((m) => m.kind === 'MAIN_INDICATOR');
    expect(open.length).toBeGreaterThan(2);
    expect(rows.map((r) => [r[col('indicatorCode')], r[col('heldBy')] || null])).toEqual(open.map((m) => [m.code, m.heldBy]));
    for (const r of rows) expect(r.slice(col('value'))).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('without a token the template is refused; another unit\'s editor is refused', async () => {
    expect((await gatewayFetch('/exports/dti?unit=56&year=2022&template=1', null)).status).toBe(401);
    expect((await gatewayFetch('/exports/dti?unit=56&year=2022&template=1', 'editor-51')).status).toBe(403);
  });

  it('a file with bad rows stores nothing and names each by line and column, the store\'s own checks included', async () => {
    const fill = (r: string[], cells: Partial<Record<TemplateKey, string>>): string[] => r.map((v, i) => cells[TEMPLATE_COLUMNS[i]?.key ?? 'unitId'] ?? v);
    const [a, b] = rows;
    if (a === undefined || b === undefined) throw new Error('template too short');
    const wrongYearCode = fill(a, { indicatorCode: '405-M-1', value: '0.5', evidenceNote: 'mã của phương pháp 2024' });
    const csv = toCsv([header, fill(a, { value: '0.6', documentSymbol: '15/BC-UBND', documentDate: '2022-12-20' }), fill(b, { value: '1.7', evidenceNote: 'x' }), wrongYearCode]);
    const r = await importFile('bad.csv', csv);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Không lưu gì: 2 lỗi ở 2 dòng\. — Nothing stored/);
    expect(r.out).toContain(`dòng/line 3, cột/column "${headerOf('value')}": Giá trị là tỉ lệ từ 0 đến 1`);
    expect(r.out).toContain(`dòng/line 4, cột/column "${headerOf('indicatorCode')}": 405-M-1 không phải chỉ số chính`);
    expect(await entries()).toEqual([]);
  });

  it('a viewer cannot import: refused, nothing stored', async () => {
    const [a] = rows;
    if (a === undefined) throw new Error('template too short');
    const filled = a.map((v, i) => (i === col('value') ? '0.5' : i === col('evidenceNote') ? 'x' : v));
    const r = await importFile('viewer.csv', toCsv([header, filled]), 'viewer-56');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FORBIDDEN/);
    expect(await entries()).toEqual([]);
  });

  it('a clean file becomes drafts with their evidence; the next template shows them with their versions', async () => {
    const [a, b, ...rest] = rows;
    if (a === undefined || b === undefined) throw new Error('template too short');
    const filledA = a.map((v, i) => (i === col('value') ? '0.6' : i === col('documentSymbol') ? '15/BC-UBND' : i === col('documentDate') ? '20/12/2022' : v));
    const filledB = b.map((v, i) => (i === col('numerator') ? '3' : i === col('denominator') ? '4' : i === col('evidenceNote') ? 'Số liệu của Sở, "bảng 2"\r\ntrang 5' : i === col('url') ? 'https://khanhhoa.gov.vn/bao-cao' : v));
    const r = await importFile('good.csv', toCsv([header, filledA, filledB, ...rest]));
    expect(r.out).toMatch(/Đã lưu 2 bản nháp cho 56, DTI 2022\. — Saved 2 draft\(s\)/);
    expect(r.code).toBe(0);
    const saved = await entries();
    const codeA = a[col('indicatorCode')] ?? '';
    const codeB = b[col('indicatorCode')] ?? '';
    expect(saved.map((e) => [e.indicator.code, e.status, e.version, e.value, e.enteredBy.subject]).sort()).toEqual(
      [[codeA, 'DRAFT', 1, 0.6, 'editor-56'], [codeB, 'DRAFT', 1, 0.75, 'editor-56']].sort(),
    );
    expect(saved.find((e) => e.indicator.code === codeA)?.evidence[0]).toMatchObject({ documentSymbol: '15/BC-UBND', documentDate: '2022-12-20' });
    expect(saved.find((e) => e.indicator.code === codeB)?.evidence[0]).toMatchObject({ url: 'https://khanhhoa.gov.vn/bao-cao', note: 'Số liệu của Sở, "bảng 2"\ntrang 5' });

    const again = parse(await (await gatewayFetch('/exports/dti?unit=56&year=2022&template=1', 'editor-56')).text(), { bom: true }) as string[][];
    const rowA = again.find((x) => x[col('indicatorCode')] === codeA);
    expect([rowA?.[col('entryStatus')], rowA?.[col('version')]]).toEqual(['DRAFT', '1']);
  });

  it("saveEntry's payload carries the unit-year: the systems' figure comes back beside the value just saved, in the same request", async () => {
    const dti = await gqlAs('editor-56', '{ unit(code: "56", asOf: "2022-12-31") { year(year: 2022) { dti { mainIndicators { code value basis } } } } }');
    const measured = z.array(z.object({ code: z.string(), value: z.number().nullable(), basis: z.string() })).parse(at(dti.data, 'unit', 'year', 'dti', 'mainIndicators')).find((m) => m.value !== null);
    if (measured === undefined || measured.value === null) throw new Error('no main indicator measured by a system for 56 in 2022');
    const manual = measured.value > 0.5 ? 0.05 : 0.95;
    const r = await gqlAs(
      'editor-56',
      'mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { value status } userErrors { code } unitYear { dti { mainIndicators { code value basis } } } } }',
      { input: { unitId: '56@origin', year: 2022, indicatorCode: measured.code, value: manual, evidence: [{ note: 'đếm thủ công' }] } },
    );
    expect(r.errors).toBeUndefined();
    expect(at(r.data, 'saveEntry', 'entry')).toEqual({ value: manual, status: 'DRAFT' });
    const main = z.array(z.object({ code: z.string(), value: z.number().nullable(), basis: z.string() })).parse(at(r.data, 'saveEntry', 'unitYear', 'dti', 'mainIndicators'));
    expect(main.find((m) => m.code === measured.code)).toEqual(measured);
  });
});
