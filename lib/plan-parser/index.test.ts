import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from './index.ts';

// A Quyết định wrapping a plan, laid out differently from the seeds: one paragraph per line,
// "Chủ trì:" labels, a bare-level series, a "55 -60%" range and a table-like budget.
const DECISION = `ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 2210/QĐ-UBND | Bình Thuận, ngày 15 tháng 11 năm 2023
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2024
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ;
Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 99/TTr-STTTT.
I. MỤC TIÊU
1. Chỉ tiêu năm 2024
- Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng: 90% tỉnh; 80% huyện; 60% xã.
- 55 -60% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến.
II. NHIỆM VỤ
1. Triển khai nền tảng số dùng chung
+ Chủ trì: Sở Thông tin và Truyền thông
+ Phối hợp: Các sở, ban, ngành
+ Thời gian: Tháng 12/2024
III. KINH PHÍ
Tổng kinh phí: 3 tỷ đồng.
2024 | 3.000 triệu đồng
Chia sẻ
Bản quyền thuộc Cổng thông tin điện tử tỉnh`;

describe('parsePlanDocument', () => {
  it('parses a decision-wrapped plan it was not tuned on', () => {
    const r = parsePlanDocument(DECISION);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.plan;
    expect([p.symbol, p.issuer, p.issuedOn]).toEqual(['2210/QĐ-UBND', 'UBND tỉnh Bình Thuận', '2023-11-15']);
    expect(p.legalBasis).toEqual(['749/QĐ-TTg', '42/2022/NĐ-CP']);
    expect(p.targets.map((t) => [t.min, t.max, t.level, t.targetYear])).toEqual([
      [90, 90, 'province', 2024], [80, 80, 'district', 2024], [60, 60, 'commune', 2024], [55, 60, 'province', 2024],
    ]);
    expect(p.tasks).toEqual([{
      title: 'Triển khai nền tảng số dùng chung',
      lead: ['Sở Thông tin và Truyền thông'],
      cooperating: ['Các sở, ban, ngành'],
      timeframe: 'Tháng 12/2024',
      timeframeFrom: '2024-12-01',
      timeframeTo: '2024-12-31',
      result: null,
    }]);
    expect(p.budget).toEqual([{ year: 2024, amountVND: 3e9 }]);
    expect(p.budgetTotalVND).toBe(3e9);
  });
  it('gives targets without a year of their own the year of a one-year plan\'s title', () => {
    const r = parsePlanDocument(['Số: 9/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số tỉnh X năm 2024', '(Ban hành kèm theo Quyết định số 1/QĐ-UBND ngày 20/12/2023)', 'I. MỤC TIÊU', '- Tỷ lệ văn bản đi được ký số đạt 95%.', '- Đến năm 2025, 100% hồ sơ được số hóa.'].join('\n'));
    expect(r.ok && r.plan.targets.map((t) => t.targetYear)).toEqual([2024, 2025]);
  });
  it('fails with reasons for text that is not a plan, keeping what it found', () => {
    const r = parsePlanDocument('Thông báo lịch họp tuần.\nKhông có nội dung khác.');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(['no document symbol found', 'no targets or tasks found']);
    expect(r.partial.tasks).toEqual([]);
  });
  it('fails on empty input', () => {
    const r = parsePlanDocument('  \n | \n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('empty document');
  });
});
