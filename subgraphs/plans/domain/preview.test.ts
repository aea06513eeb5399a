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
    // Vietnamese first (the upload screen is in Vietnamese), English alongside.
    expect(preview.errors).toEqual([expect.stringMatching(/^cơ quan ban hành văn bản "UBND tỉnh Khánh Hòa" không phải Tỉnh Tây Ninh .* — the document's issuer "UBND tỉnh Khánh Hòa" is not Tỉnh Tây Ninh/)]);
    expect(preview.plan.symbol).toBe('4949/KH-UBND');
  });

  it('lists a control character, a long title and a text that is no plan together', () => {
    const preview = previewImport({ text: 'Thông báo lịch họp\u0007', title: 'x'.repeat(301), unitCode: '56' }, units, limits);
    expect(preview.importable).toBe(false);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tiêu đề dài 301 ký tự; giới hạn là 300 .* — title is 301 characters long; the limit is 300/),
        expect.stringMatching(/^Nội dung văn bản có ký tự điều khiển U\+0007 .* — text contains the control character U\+0007/),
        expect.stringMatching(/^không tìm thấy số, ký hiệu văn bản — no document symbol found$/),
        expect.stringMatching(/^không tìm thấy ngày ban hành — no issue date found$/),
      ]),
    );
  });

  it('does not parse a text over the size limit: it reports it', () => {
    const preview = previewImport({ text: `${seed}${'x'.repeat(200_001)}`, title: null, unitCode: '56' }, units, limits);
    expect(preview.errors).toEqual([expect.stringMatching(/the limit is 200000 \(PLAN_MAX_TEXT_CHARS\)/)]);
    expect(preview.plan.symbol).toBeNull();
    expect(preview.plan.targets).toEqual([]);
  });
});
