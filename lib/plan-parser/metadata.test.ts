import { describe, expect, it } from 'vitest';
import { extractIssueDate, extractIssuer, extractLegalBasis, extractSymbol, formatIssuer } from './metadata.ts';

describe('metadata', () => {
  const header = ['ỦY', 'BAN NHÂN DÂN', 'TỈNH KHÁNH HÒA', 'CỘNG', 'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 4949/KH-UBND', 'Khánh Hòa, ngày', '03 tháng 6 năm 2022'];
  it('reads symbol, issuer and date from a split letterhead', () => {
    expect(extractSymbol(header)).toBe('4949/KH-UBND');
    expect(extractIssuer(header)).toBe('UBND tỉnh Khánh Hòa');
    expect(extractIssueDate(header, '4949/KH-UBND')).toBe('2022-06-03');
  });
  it('reads a web article: "UBND tỉnh X ban hành Quyết định số N ngày dd/mm/yyyy"', () => {
    const lines = ['Tin tức', 'UBND tỉnh Tây Ninh ban hành Quyết định số 1155/QĐ-UBND ngày 24/5/2022 về nâng cao nhận thức'];
    expect(extractSymbol(lines)).toBe('1155/QĐ-UBND');
    expect(extractIssuer(lines)).toBe('UBND tỉnh Tây Ninh');
    expect(extractIssueDate(lines, '1155/QĐ-UBND')).toBe('2022-05-24');
  });
  it('reads a one-line letterhead without taking in the "Số:" line', () => {
    expect(extractIssuer(['ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', 'Số: 512/KH-UBND', 'Bắc Giang, ngày 14 tháng 8 năm 2023'])).toBe('UBND tỉnh Bắc Giang');
    expect(extractIssuer(['UỶ BAN NHÂN DÂN', 'HUYỆN THỌ XUÂN', 'Số: 85/KH-UBND'])).toBe('UBND huyện Thọ Xuân');
    expect(extractIssuer(['ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])).toBe('UBND thành phố Cần Thơ');
    expect(extractIssuer(['UBND TỈNH AN GIANG Số: 12/KH-UBND'])).toBe('UBND tỉnh An Giang');
  });
  it('names a subordinate organ as issuer', () => {
    expect(extractIssuer(['UBND TỈNH BÌNH ĐỊNH', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(formatIssuer('ỦY BAN NHÂN DÂN TỈNH-QUẢNG NAM')).toBe('UBND tỉnh Quảng Nam');
  });
  it('lists legal basis once, preferring mixed case, without own symbol or the proposal', () => {
    const preamble = 'TRIỂN KHAI QUYẾT ĐỊNH SỐ 146/QĐ-TTG NGÀY 28/01/2022. Căn cứ Quyết định số 146/QĐ-TTg ngày 28/01/2022; Căn cứ Nghị định số 45/2020/NĐ-CP; Ban hành kèm theo Quyết định số 12/QĐ-UBND; theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 144/TTr-STTTT ngày 13/6/2024';
    expect(extractLegalBasis(preamble, '12/QĐ-UBND')).toEqual(['146/QĐ-TTg', '45/2020/NĐ-CP']);
  });
});
