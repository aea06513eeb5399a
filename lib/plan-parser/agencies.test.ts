import { describe, expect, it } from 'vitest';
import { agencyKey, inlineCooperating, splitAgencies } from './agencies.ts';

describe('splitAgencies', () => {
  it('keeps commas inside one agency and splits between agencies', () => {
    expect(splitAgencies('Các sở, ban, ngành; UBND các huyện, thị xã, thành phố; các cơ quan, đơn vị trực thuộc UBND tỉnh.')).toEqual([
      'Các sở, ban, ngành',
      'UBND các huyện, thị xã, thành phố',
      'các cơ quan, đơn vị trực thuộc UBND tỉnh',
    ]);
    expect(splitAgencies('Sở Thông tin và Truyền thông, Sở Nội vụ, Sở Tài chính.')).toEqual(['Sở Thông tin và Truyền thông', 'Sở Nội vụ', 'Sở Tài chính']);
  });
  it('splits at "và" only before an agency name', () => {
    expect(splitAgencies('Sở Lao động - Thương binh và Xã hội và các đơn vị có liên quan')).toEqual(['Sở Lao động - Thương binh và Xã hội', 'các đơn vị có liên quan']);
    expect(splitAgencies('Đài Phát thanh và Truyền hình tỉnh')).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
    expect(splitAgencies('Văn phòng HĐND và UBND huyện, Phòng Nội vụ')).toEqual(['Văn phòng HĐND và UBND huyện', 'Phòng Nội vụ']);
    expect(splitAgencies('Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh và UBND các huyện')).toEqual(['Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', 'UBND các huyện']);
  });
});

describe('inlineCooperating', () => {
  it('cuts the list at the verb that starts the task', () => {
    expect(inlineCooperating('Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Nội vụ xây dựng tiêu chí')).toEqual(['Sở Kế hoạch và Đầu tư', 'Sở Nội vụ']);
    expect(inlineCooperating('Chủ trì, phối hợp với các Sở, Ban, ngành, UBND cấp huyện, cấp xã rà soát')).toEqual(['các Sở, Ban, ngành', 'UBND cấp huyện, cấp xã']);
    expect(inlineCooperating('Chủ trì và phối hợp triển khai các nhiệm vụ')).toEqual([]);
    expect(inlineCooperating('Chủ trì tổ chức thực hiện')).toEqual([]);
  });
});

describe('agencyKey', () => {
  it('treats Ủy ban nhân dân and UBND alike', () => {
    expect(agencyKey('Ủy ban nhân dân các huyện, thị xã, thành phố')).toBe(agencyKey('UBND các huyện, thị xã, thành phố'));
    expect(agencyKey('Các sở, ban, ngành')).toBe(agencyKey('sở, ban, ngành'));
  });
});
