import { describe, expect, it } from 'vitest';
import { isCollectiveMention, matchAgencyMention, normaliseAgencyName } from './agencyMention.ts';
import type { Agency } from './types.ts';

function agency(short: string, name: string, validFrom: string | null = null, validTo: string | null = null): Agency {
  return { code: `49.${short}`, name, nameEn: name, kind: short === 'UBND' ? 'PEOPLE_COMMITTEE' : 'DEPARTMENT', unitCode: '49', unitId: '49@origin', validFrom, validTo };
}

// Quảng Nam's directory as the document system files it: names carry the unit qualifier.
const quangNam: readonly Agency[] = [
  agency('UBND', 'Ủy ban nhân dân tỉnh Quảng Nam'),
  agency('VP', 'Văn phòng Ủy ban nhân dân tỉnh Quảng Nam'),
  agency('SNV', 'Sở Nội vụ tỉnh Quảng Nam'),
  agency('STTTT', 'Sở Thông tin và Truyền thông tỉnh Quảng Nam', null, '2025-02-28'),
  agency('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam', null, '2025-02-28'),
  agency('SGDDT', 'Sở Giáo dục và Đào tạo tỉnh Quảng Nam'),
  agency('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam'),
  agency('SKHCN', 'Sở Khoa học và Công nghệ tỉnh Quảng Nam'),
  agency('TTr', 'Thanh tra tỉnh Quảng Nam'),
];

function linked(mention: string, onDate = '2024-06-24'): string | null {
  const m = matchAgencyMention(mention, quangNam, onDate);
  return m.kind === 'matched' ? m.agency.code : null;
}

describe('normaliseAgencyName', () => {
  it('folds NFD, case, tone placement, UBND and punctuation', () => {
    expect(normaliseAgencyName('Uỷ ban nhân dân'.normalize('NFD'))).toBe('ủy ban nhân dân');
    expect(normaliseAgencyName('UBND tỉnh')).toBe('ủy ban nhân dân tỉnh');
    expect(normaliseAgencyName('Sở Văn hoá, Thể thao và Du lịch')).toBe(normaliseAgencyName('Sở Văn hóa Thể thao và Du lịch'));
    expect(normaliseAgencyName('Sở TT&TT')).toBe('sở thông tin và truyền thông');
    // "ubnd" inside a word is not an abbreviation.
    expect(normaliseAgencyName('xubnd')).toBe('xubnd');
  });
});

describe('matchAgencyMention', () => {
  it('links a department named as in the plan, without the unit qualifier', () => {
    expect(linked('Sở Thông tin và Truyền thông')).toBe('49.STTTT');
    expect(linked('Sở Nội vụ')).toBe('49.SNV');
    expect(linked('Sở Nội vụ tỉnh Quảng Nam')).toBe('49.SNV');
  });

  it('tolerates case, dashes, NFD input, old tone placement and common abbreviations', () => {
    expect(linked('Sở Giáo dục và đào tạo')).toBe('49.SGDDT');
    expect(linked('Sở Lao động Thương binh và Xã hội')).toBe('49.SLDTBXH');
    expect(linked('Sở Lao động – Thương binh và Xã hội'.normalize('NFD'))).toBe('49.SLDTBXH');
    expect(linked('Sở Văn hoá, Thể thao và Du lịch')).toBe('49.SVHTTDL');
    expect(linked('Sở TT&TT')).toBe('49.STTTT');
    expect(linked('Sở GD&ĐT')).toBe('49.SGDDT');
  });

  it('reads UBND as Ủy ban nhân dân and a bare "tỉnh" as the unit itself', () => {
    expect(linked('UBND tỉnh')).toBe('49.UBND');
    expect(linked('Ủy ban nhân dân tỉnh Quảng Nam')).toBe('49.UBND');
    expect(linked('Văn phòng UBND tỉnh')).toBe('49.VP');
    expect(linked('Thanh tra tỉnh')).toBe('49.TTr');
  });

  it('gives nothing for collective mentions', () => {
    for (const m of [
      'Các sở, ban, ngành',
      'các Sở, Ban, ngành',
      'Sở, Ban, ngành',
      'UBND các huyện, thị xã, thành phố',
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
      'UBND cấp huyện',
      'UBND cấp xã',
      'các cơ quan trực thuộc UBND tỉnh',
      'các đơn vị có liên quan',
      'Các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh',
    ]) {
      expect(isCollectiveMention(m), m).toBe(true);
      expect(matchAgencyMention(m, quangNam, '2024-06-24'), m).toEqual({ kind: 'collective' });
    }
    expect(isCollectiveMention('Sở Văn hóa, Thể thao và Du lịch')).toBe(false);
  });

  it('gives nothing for an agency that merged away before the plan (Sở TT&TT in 2025)', () => {
    expect(matchAgencyMention('Sở Thông tin và Truyền thông', quangNam, '2025-04-01')).toMatchObject({ kind: 'not-in-force' });
    expect(linked('Sở Thông tin và Truyền thông', '2025-02-28')).toBe('49.STTTT');
  });

  it('gives nothing for another unit’s agency, bodies outside the directory, or partial names', () => {
    expect(linked('Sở Nội vụ tỉnh Khánh Hòa')).toBeNull();
    expect(linked('Công an tỉnh')).toBeNull();
    expect(linked('Đài Phát thanh và Truyền hình Quảng Nam')).toBeNull();
    expect(linked('Sở Thông tin')).toBeNull();
    expect(linked('Sở Nội vụ, Sở Tài chính')).toBeNull();
    expect(linked('tỉnh')).toBeNull();
  });

  it('gives nothing when two agencies in force fit the name', () => {
    const twice = [...quangNam, { ...agency('SNV2', 'Sở Nội vụ tỉnh Quảng Nam'), code: '49.SNV.dup' }];
    expect(matchAgencyMention('Sở Nội vụ', twice, '2024-06-24')).toMatchObject({ kind: 'ambiguous' });
  });

  it('matches a district People’s Committee by its full name when the unit has one agency', () => {
    const district = [agency('UBND', 'Ủy ban nhân dân huyện Đại Lộc')];
    expect(matchAgencyMention('UBND huyện Đại Lộc', district, '2024-06-24')).toMatchObject({ kind: 'matched' });
    expect(matchAgencyMention('UBND huyện Duy Xuyên', district, '2024-06-24')).toEqual({ kind: 'unknown' });
  });
});
