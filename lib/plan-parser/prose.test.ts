import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from './index.ts';
import { proseTargets } from './prose.ts';

const NEWS = [
  'Ngày 10/3, UBND huyện Tân Phú ban hành kế hoạch chuyển đổi số.',
  'Theo đó, UBND huyện phấn đấu 100% cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng',
  '; 90% hộ gia đình trên địa bàn huyện có Internet cáp quang.',
  'Về chính quyền số, 80% hồ sơ công việc được xử lý trên môi trường mạng; tỷ lệ hài lòng đạt trên 95%.',
  'Năm qua, huyện đã đạt 70% hồ sơ trực tuyến. Về xã hội số, năm 2023 có 12 xã tổ chức 30 lớp tập huấn cho 2.000 người.',
];

describe('proseTargets (a news report or article copy of a plan)', () => {
  it('reads percentages from sentences that state an aim, and from topic-led sentences after one', () => {
    const t = proseTargets(NEWS, null);
    expect(t.map((x) => [x.min, x.max])).toEqual([[100, 100], [90, 90], [80, 80], [95, null]]);
  });
  it('joins a line that starts with ";" to the sentence before it, and gives each target its whole sentence', () => {
    const [first, second] = proseTargets(NEWS, null);
    expect(first?.text).toBe(second?.text);
    expect(second?.text).toMatch(/^Theo đó, UBND huyện phấn đấu 100% .*; 90% hộ gia đình trên địa bàn huyện có Internet cáp quang$/u);
  });
  it('skips what was done ("đã đạt 70%") and does not read counts in prose', () => {
    const t = proseTargets(NEWS, null);
    expect(t.some((x) => x.min === 70)).toBe(false);
    expect(t.some((x) => x.unit !== 'percent')).toBe(false);
  });
  it('reads nothing from a text that states no aim', () => {
    expect(proseTargets(['Về chính quyền số, 80% hồ sơ công việc được xử lý trên môi trường mạng.'], null)).toEqual([]);
  });
  it('gives the targets of an unnamed district committee the district level, with no year when none is stated', () => {
    const r = parsePlanDocument(NEWS.slice(1).join('\n'));
    expect(r.ok).toBe(true);
    const plan = r.ok ? r.plan : r.partial;
    expect(plan.issuer).toBeNull();
    expect(plan.targets.map((x) => [x.min, x.level, x.targetYear])).toEqual([[100, 'district', null], [90, 'district', null], [80, 'district', null], [95, 'district', null]]);
  });
  it('is not used for a structured plan: a budget sentence with "dự kiến" is not a target', () => {
    const doc = [
      'UBND TỈNH BÌNH AN', 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024',
      'I. NHIỆM VỤ', '1. Xây dựng kho dữ liệu dùng chung: Sở Thông tin và Truyền thông chủ trì, phối hợp Sở Tài chính.',
      'II. KINH PHÍ', 'Kinh phí dự kiến 1.200.000.000 đồng, đạt 100% nhu cầu.',
    ].join('\n');
    const r = parsePlanDocument(doc);
    const plan = r.ok ? r.plan : r.partial;
    expect(plan.targets).toEqual([]);
  });
});

describe('a news report of a plan', () => {
  const REPORT = [
    'Chuyển đổi số',
    'Năm 2024, Bình Sơn xây dựng ít nhất 4 mô hình thôn thông minh',
    '(QNO) - UBND huyện Bình Sơn vừa ban hành kế hoạch chuyển đổi số trong xây dựng nông thôn mới năm 2024.',
    'Huyện Bình Sơn phấn đấu 85% hồ sơ công việc cấp huyện được xử lý trên môi trường mạng.',
    'Trong năm, huyện xây dựng ít nhất 4 mô hình thôn thông minh tại các xã Bình Hải, Bình Minh.',
    'Năm qua, huyện đã có 3 mô hình.',
    'Tin liên quan',
    'Năm 2024, Bình Sơn xây dựng ít nhất 4 mô hình thôn thông minh',
  ].join('\n');
  const parsed = parsePlanDocument(REPORT);
  const plan = parsed.ok ? parsed.plan : parsed.partial;
  it('names the committee that "vừa ban hành" the plan, and takes the plan\'s year from that sentence', () => {
    expect(plan.issuer).toBe('UBND huyện Bình Sơn');
    expect(plan.targets.map((t) => t.targetYear)).toEqual([2024, 2024]);
  });
  it('reads a count with a floor, once: the headline and the related-news link are not statements', () => {
    expect(plan.targets.map((t) => [t.min, t.max, t.unit, t.level])).toEqual([[85, 85, 'percent', 'district'], [4, null, 'count', 'district']]);
  });
});

describe('"cấp thành phố" is the level of the city that issues the plan', () => {
  const plan = (issuerLine: string, cityLine: string): ReturnType<typeof parsePlanDocument> =>
    parsePlanDocument([issuerLine, 'Số: 5/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', 'I. MỤC TIÊU', `- ${cityLine}`].join('\n'));
  const levelOf = (r: ReturnType<typeof parsePlanDocument>): unknown => (r.ok ? r.plan : r.partial).targets.map((t) => t.level);
  it('a city under a province (thành phố thuộc tỉnh) is a district-level unit', () => {
    const r = plan('ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC GIANG', '90% hồ sơ công việc tại cấp thành phố và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.');
    expect(levelOf(r)).toEqual(['district', 'commune']);
  });
  it('a centrally-run city is a province-level unit', () => {
    const r = plan('ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ', '90% hồ sơ công việc tại cấp thành phố và 80% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng.');
    expect(levelOf(r)).toEqual(['province', 'district']);
  });
});
