import { describe, expect, it } from 'vitest';
import { normaliseLines } from './normalise.ts';
import { toBlocks } from './structure.ts';
import { extractTargets, findValues, headingYear, targetsFromItem } from './targets.ts';

describe('findValues', () => {
  it('reads ranges written "55 -60%" and "15% đến 20%"', () => {
    expect(findValues('đạt 55 -60% số hộ').map((h) => [h.min, h.max])).toEqual([[55, 60]]);
    expect(findValues('chiếm 15% đến 20% GRDP').map((h) => [h.min, h.max])).toEqual([[15, 20]]);
  });
  it('reads bounds: "trên 80%" is a minimum, "dưới 5%" a maximum', () => {
    expect(findValues('phủ trên 80% hộ gia đình').map((h) => [h.min, h.max])).toEqual([[80, null]]);
    expect(findValues('tỷ lệ lỗi dưới 5%').map((h) => [h.min, h.max])).toEqual([[null, 5]]);
    expect(findValues('80% trở lên').map((h) => [h.min, h.max])).toEqual([[80, null]]);
    expect(findValues('đạt từ 60% trở lên').map((h) => [h.min, h.max])).toEqual([[60, null]]);
    expect(findValues('tối thiểu là 50% hồ sơ; ít nhất 300 Tổ công nghệ số').map((h) => [h.min, h.max, h.unit])).toEqual([[50, null, 'percent'], [300, null, 'count']]);
    expect(findValues('quá hạn không quá 1%; nhiễm mã độc dưới mức 2%').map((h) => [h.min, h.max])).toEqual([[null, 1], [null, 2]]);
  });
  it('reads counts and money but not years, levels of service or 4G/5G', () => {
    expect(findValues('đào tạo 1.000 chuyên gia').map((h) => [h.min, h.unit])).toEqual([[1000, 'count']]);
    expect(findValues('doanh thu đạt 500 tỷ đồng').map((h) => [h.min, h.unit])).toEqual([[500e9, 'VND']]);
    expect(findValues('dịch vụ công trực tuyến mức độ 4 được cung cấp')).toEqual([]);
    expect(findValues('phổ cập mạng 4G/5G đến năm 2025')).toEqual([]);
  });
});

describe('targetsFromItem', () => {
  it('gives values stated "tương ứng" the levels named before them, in order', () => {
    const t = targetsFromItem('100% phòng, ban cấp huyện, UBND cấp xã tạo lập hồ sơ điện tử, trong đó tỷ lệ hồ sơ điện tử đạt tương ứng các cấp là 80%/60%', null);
    expect(t.map((x) => [x.min, x.level])).toEqual([[100, null], [80, 'district'], [60, 'commune']]);
    const two = targetsFromItem('tỷ lệ hồ sơ xử lý trên môi trường mạng ở cấp tỉnh, cấp huyện, cấp xã tương ứng là 90%, 80%', null);
    expect(two.map((x) => x.level)).toEqual([null, null]);
  });
  it('splits one sentence with three levels into three targets', () => {
    const t = targetsFromItem('90% hồ sơ công việc tại cấp tỉnh; 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng;', 2025);
    expect(t.map((x) => [x.min, x.level, x.targetYear])).toEqual([[90, 'province', 2025], [80, 'district', 2025], [60, 'commune', 2025]]);
    expect(t[2]?.text).toContain('được xử lý trên môi trường mạng');
  });
  it('handles the short form "90% tỉnh; 80% huyện; 60% xã" and level-before-value order', () => {
    expect(targetsFromItem('Tỷ lệ hồ sơ xử lý trực tuyến: 90% tỉnh; 80% huyện; 60% xã', null).map((x) => x.level)).toEqual(['province', 'district', 'commune']);
    expect(targetsFromItem('cấp tỉnh đạt 95%, cấp huyện đạt 85%, cấp xã đạt 70%', null).map((x) => [x.min, x.level])).toEqual([[95, 'province'], [85, 'district'], [70, 'commune']]);
  });
  it('reads the levels of a centrally-run city: cấp thành phố, cấp quận, cấp phường', () => {
    const t = targetsFromItem('90% hồ sơ công việc tại cấp thành phố, 80% hồ sơ công việc tại cấp quận, huyện và 60% hồ sơ công việc tại cấp xã, phường được xử lý trên môi trường mạng', null);
    expect(t.map((x) => x.level)).toEqual(['province', 'district', 'commune']);
    expect(targetsFromItem('Tỷ lệ hồ sơ cấp huyện đạt từ 50% trở lên; cấp xã đạt từ 40% trở lên', null).map((x) => [x.min, x.max, x.level])).toEqual([[50, null, 'district'], [40, null, 'commune']]);
  });
  it('does not read a level from "100% xã" outside a series', () => {
    expect(targetsFromItem('Hạ tầng cáp quang phủ trên 80% hộ gia đình, 100% xã', null).map((x) => x.level)).toEqual([null, null]);
  });
  it('takes the year from the item text over the heading context', () => {
    expect(targetsFromItem('Đến năm 2030, 100% dịch vụ công đủ điều kiện được cung cấp toàn trình', 2025)[0]?.targetYear).toBe(2030);
    expect(targetsFromItem('70% người dân có kỹ năng số cơ bản', null)[0]?.targetYear).toBeNull();
  });
});

describe('headingYear', () => {
  it('reads one year, null when two', () => {
    expect(headingYear('2. Mục tiêu đến năm 2025')).toBe(2025);
    expect(headingYear('Định hướng đến 2030')).toBe(2030);
    expect(headingYear('Mục tiêu giai đoạn 2022-2025')).toBe(2025);
    expect(headingYear('Mục tiêu đến năm 2025, định hướng đến năm 2030')).toBeNull();
  });
});

describe('extractTargets', () => {
  it('applies a wrapped sub-heading year to the items below it', () => {
    const blocks = toBlocks(normaliseLines(['1. Mục tiêu cơ bản', 'đến năm 2025', 'a) Chính quyền số', '- 80% hồ sơ', 'được số hóa;', '2. Mục tiêu đến năm 2030', '- 100% hồ sơ được số hóa.'].join('\n')));
    expect(extractTargets(blocks, null).map((t) => [t.min, t.targetYear, t.text])).toEqual([
      [80, 2025, '80% hồ sơ được số hóa'],
      [100, 2030, '100% hồ sơ được số hóa'],
    ]);
  });
});
