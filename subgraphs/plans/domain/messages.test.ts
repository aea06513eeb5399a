import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMessages, parserMessage } from './messages.ts';

describe('plan import messages: Vietnamese first, English alongside', () => {
  it('gives every finding the parser can report its Vietnamese', () => {
    // Each string literal the parser pushes as an error or warning, placeholders filled in.
    const source = readFileSync(new URL('../../../lib/plan-parser/index.ts', import.meta.url), 'utf8');
    const pushed = [...source.matchAll(/(?:errors|warnings)\.push\((.+)\);$/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/'([^']+)'|`([^`]+)`/g)].map((s) => s[1] ?? s[2] ?? ''));
    expect(pushed.length).toBeGreaterThanOrEqual(11);
    const filled = pushed.map((s) => s.replace(/\$\{totalHedge\.phrase\}/g, 'khoảng 10 tỷ').replace(/\$\{\w+\}/g, '1000'));
    for (const en of filled) {
      const b = parserMessage(en);
      expect(b.messageEn).toBe(en);
      expect(b.message, en).not.toMatch(/^bộ đọc văn bản ghi nhận/);
      expect(b.message, en).not.toBe(en);
    }
  });

  it('keeps an unknown parser finding, in English behind a Vietnamese lead-in', () => {
    expect(parserMessage('something new')).toEqual({ message: 'bộ đọc văn bản ghi nhận: something new', messageEn: 'something new' });
  });

  it('says the budget figures in both languages', () => {
    expect(parserMessage('budget lines sum to 900 đồng but the stated total is 1000 đồng').message).toBe('các dòng kinh phí cộng lại 900 đồng nhưng tổng được nêu là 1000 đồng');
  });

  it('keeps Vietnamese text NFC', () => {
    const decomposed = 'UBND tỉnh Khánh Hòa'.normalize('NFD');
    expect(importMessages.issuerNotUnit(decomposed, 'Tỉnh Tây Ninh', '72', false).message.normalize('NFC')).toBe(importMessages.issuerNotUnit(decomposed, 'Tỉnh Tây Ninh', '72', false).message);
  });
});
