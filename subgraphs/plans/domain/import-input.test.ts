import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { findUnit, loadUnitCatalogue, REFERENCE_UNITS_URL } from '../../../lib/units/index.ts';
import { checkIssuer, cleanImportInput } from './import-input.ts';

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const limits = { maxTextChars: 1000, maxTitleChars: 20 };
function unit(code: string, date: string) {
  const u = findUnit(units, code, date);
  if (u === undefined) throw new Error(`no unit ${code} on ${date}`);
  return u;
}

describe('checkIssuer', () => {
  it('accepts the unit itself, whatever the tone-mark placement (Hòa / Hoà)', () => {
    expect(() => checkIssuer('UBND tỉnh Khánh Hoà', unit('56', '2021-01-01'), units)).not.toThrow();
    expect(() => checkIssuer('Sở Thông tin và Truyền thông tỉnh Khánh Hòa', unit('56', '2021-01-01'), units)).not.toThrow();
  });

  it('accepts a predecessor merged into the unit (Ninh Thuận into today’s Khánh Hòa)', () => {
    expect(() => checkIssuer('UBND tỉnh Ninh Thuận', unit('56', '2025-08-01'), units)).not.toThrow();
  });

  it('refuses another province', () => {
    expect(() => checkIssuer('UBND tỉnh Khánh Hòa', unit('72', '2021-01-01'), units)).toThrow(BadUserInputError);
    expect(() => checkIssuer('UBND tỉnh Hà Nam', unit('01', '2021-01-01'), units)).toThrow(/is not Thành phố Hà Nội/);
  });
});

describe('cleanImportInput', () => {
  it('normalises the title to NFC, trims it and keeps HTML as text', () => {
    expect(cleanImportInput({ text: 'a', title: ' <b>Hòa</b> '.normalize('NFD') }, limits).title).toBe('<b>Hòa</b>');
  });
  it('accepts tab, newline and CRLF (stored as LF)', () => {
    expect(cleanImportInput({ text: 'a\tb\r\nc\n', title: null }, limits).text).toBe('a\tb\nc\n');
  });
  it.each([
    ['NUL', { text: 'a\u0000', title: null }, /text contains the control character NUL at character 1/],
    ['a lone CR', { text: 'a\rb', title: null }, /U\+000D/],
    ['DEL', { text: 'ok', title: 'x\u007f' }, /title contains the control character U\+007F/],
    ['a lone low surrogate', { text: 'ok', title: 'x\uDC00' }, /title contains a lone surrogate/],
    ['a long title', { text: 'ok', title: 'x'.repeat(21) }, /title is 21 characters long; the limit is 20 \(PLAN_MAX_TITLE_CHARS\)/],
    ['a long text', { text: 'x'.repeat(1001), title: null }, /text is 1001 characters long; the limit is 1000/],
  ])('refuses %s, naming the field', (_, input, message) => {
    expect(() => cleanImportInput(input, limits)).toThrow(message);
  });
});
