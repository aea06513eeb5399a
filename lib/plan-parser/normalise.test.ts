import { describe, expect, it } from 'vitest';
import { fold, normaliseLines, stripTrailingPunct } from './normalise.ts';

describe('normaliseLines', () => {
  it('drops table remnants, separators and web noise, and stops at "Nơi nhận"', () => {
    const raw = [
      'Thứ năm - 02/06/2022 07:49 322 0',
      'ỦY BAN NHÂN DÂN',
      '-------',
      '|',
      '| Số: 12/KH-UBND |',
      'Nội dung\u00A0có   khoảng trắng',
      'Tổng số điểm của bài viết là: 0 trong 0 đánh giá',
      'Ý kiến bạn đọc',
      'Nơi nhận:',
      '- Như trên;',
    ].join('\r\n');
    expect(normaliseLines(raw)).toEqual(['ỦY BAN NHÂN DÂN', 'Số: 12/KH-UBND', 'Nội dung có khoảng trắng']);
  });
  it('skips a decision\'s signature block but reads the plan or annex attached after it', () => {
    const raw = ['Điều 3. ... thi hành Quyết định này./.', 'Nơi nhận:', '- Như Điều 3;', 'KT. CHỦ TỊCH', 'Đào Mỹ', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', 'Nơi nhận:', '- Lưu: VT.', 'PHỤ LỤC', '1 | Nhiệm vụ | Sở Nội vụ'].join('\n');
    expect(normaliseLines(raw)).toEqual(['Điều 3. ... thi hành Quyết định này./.', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', 'PHỤ LỤC', '1 | Nhiệm vụ | Sở Nội vụ']);
  });
  it('normalises to NFC', () => {
    const decomposed = 'Ho\u0300a'; // "Hòa" with a combining grave accent
    expect(normaliseLines(decomposed)).toEqual(['Hòa']);
  });
});

describe('fold', () => {
  it('matches old and new tone placement in open syllables only', () => {
    expect(fold('Số hoá hồ sơ')).toBe(fold('số hóa hồ sơ'));
    expect(fold('Uỷ ban')).toBe('ủy ban');
    expect(fold('hoàn thành')).toBe('hoàn thành');
    expect(fold('Quý III')).toBe('quý iii');
  });
});

describe('stripTrailingPunct', () => {
  it('removes sentence punctuation but keeps an ellipsis', () => {
    expect(stripTrailingPunct('Hàng năm.')).toBe('Hàng năm');
    expect(stripTrailingPunct('giải quyết./.')).toBe('giải quyết');
    expect(stripTrailingPunct('tin bài...')).toBe('tin bài...');
  });
});
