import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadUnitCatalogue, REFERENCE_UNITS_URL } from '../../../lib/units/index.ts';
import { prepareImport } from './import.ts';
import { previewImport } from './preview.ts';

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const seed = readFileSync(new URL('../../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8');
const limits = { maxTextChars: 200_000, maxTitleChars: 300 };

describe('previewImport: what importPlan would store, and why it would refuse', () => {
  it('reads a real plan exactly as the import does, with no error', () => {
    const preview = previewImport({ text: seed, title: ' Kế hoạch ', unitCode: '56' }, units, limits);
    const ready = prepareImport(seed, '56', units);
    expect(preview.errors).toEqual([]);
    expect(preview.importable).toBe(true);
    expect(preview.title).toBe('Kế hoạch');
    expect(preview.plan.symbol).toBe(ready.plan.symbol);
    expect(preview.plan.targets).toEqual(ready.plan.targets);
    expect(preview.plan.tasks).toEqual(ready.plan.tasks);
    expect(preview.unit?.id).toBe(ready.unit.id);
    expect(preview.level).toBe('province');
  });

  it('reports the issuer check as an error, still showing the reading', () => {
    const preview = previewImport({ text: seed, title: null, unitCode: '72' }, units, limits);
    expect(preview.importable).toBe(false);
    // Vietnamese (what the upload screen shows) and English, each on its own, with the code and the argument at fault.
    expect(preview.errors).toEqual([
      {
        code: 'ISSUER_NOT_UNIT',
        field: 'unitCode',
        message: expect.stringMatching(/^cơ quan ban hành văn bản "UBND tỉnh Khánh Hòa" không phải Tỉnh Tây Ninh .*: hãy nhập văn bản cho đúng đơn vị của nó$/),
        messageEn: expect.stringMatching(/^the document's issuer "UBND tỉnh Khánh Hòa" is not Tỉnh Tây Ninh .*: file it under its own unit$/),
      },
    ]);
    expect(preview.plan.symbol).toBe('4949/KH-UBND');
  });

  it('lists a control character, a long title and a text that is no plan together', () => {
    const preview = previewImport({ text: 'Thông báo lịch họp\u0007', title: 'x'.repeat(301), unitCode: '56' }, units, limits);
    expect(preview.importable).toBe(false);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        { code: 'TOO_LONG', field: 'title', message: 'Tiêu đề dài 301 ký tự; giới hạn là 300 (PLAN_MAX_TITLE_CHARS)', messageEn: 'title is 301 characters long; the limit is 300 (PLAN_MAX_TITLE_CHARS)' },
        { code: 'CONTROL_CHARACTER', field: 'text', message: expect.stringMatching(/^Nội dung văn bản có ký tự điều khiển U\+0007 /), messageEn: expect.stringMatching(/^text contains the control character U\+0007 /) },
        { code: 'NO_SYMBOL', field: 'text', message: 'không tìm thấy số, ký hiệu văn bản', messageEn: 'no document symbol found' },
        { code: 'NO_ISSUE_DATE', field: 'text', message: 'không tìm thấy ngày ban hành', messageEn: 'no issue date found' },
      ]),
    );
    // No message carries both languages run together any more.
    for (const e of preview.errors) expect(`${e.message} ${e.messageEn}`).not.toContain(' — ');
  });

  it('does not parse a text over the size limit: it reports it', () => {
    const preview = previewImport({ text: `${seed}${'x'.repeat(200_001)}`, title: null, unitCode: '56' }, units, limits);
    expect(preview.errors).toEqual([{ code: 'TOO_LONG', field: 'text', message: expect.stringMatching(/^Nội dung văn bản dài /), messageEn: expect.stringMatching(/the limit is 200000 \(PLAN_MAX_TEXT_CHARS\)$/) }]);
    expect(preview.plan.symbol).toBeNull();
    expect(preview.plan.targets).toEqual([]);
  });
});
