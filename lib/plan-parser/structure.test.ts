import { describe, expect, it } from 'vitest';
import { classifySection, detectMarker, toBlocks, toSections } from './structure.ts';

describe('detectMarker', () => {
  it('recognises numbering styles', () => {
    expect(detectMarker('IV. KINH PHÍ')?.kind).toBe('roman');
    expect(detectMarker('1.1. Xây dựng')?.depth).toBe(2);
    expect(detectMarker('5.4) Tuyên truyền')?.kind).toBe('number');
    expect(detectMarker('a) Cơ quan chủ trì')?.kind).toBe('letter');
    expect(detectMarker('đ) Biểu dương')?.kind).toBe('letter');
    expect(detectMarker('+ Năm 2022')?.kind).toBe('plus');
    expect(detectMarker('* Ghi chú')?.kind).toBe('star');
    expect(detectMarker('1.000 chuyên gia')).toBeNull();
  });
});

describe('toBlocks', () => {
  it('re-joins wrapped lines and separates a heading from its description', () => {
    const b = toBlocks(['1.1. Xây dựng và ban hành cơ chế,', 'chính sách hỗ trợ trong các cơ quan hành', 'chính nhà nước', 'Tham mưu, đề xuất UBND tỉnh ban hành', 'các cơ chế.', '- Đơn vị chủ trì: Sở Thông', 'tin và Truyền thông']);
    expect(b[0]?.head).toBe('Xây dựng và ban hành cơ chế, chính sách hỗ trợ trong các cơ quan hành chính nhà nước');
    expect(b[0]?.body).toEqual(['Tham mưu, đề xuất UBND tỉnh ban hành các cơ chế.']);
    expect(b[1]?.text).toBe('Đơn vị chủ trì: Sở Thông tin và Truyền thông');
  });
  it('keeps proper nouns and acronyms split over lines, and "Quý III /2024" together', () => {
    const b = toBlocks(['- Kết quả: báo cáo tỉnh Khánh', 'Hòa và', 'UBND tỉnh.', '- Thời gian: Quý III', '/2024.']);
    expect(b[0]?.text).toBe('Kết quả: báo cáo tỉnh Khánh Hòa và UBND tỉnh.');
    expect(b[1]?.text).toBe('Thời gian: Quý III/2024.');
  });
  it('opens an item at every line-start marker, also "3. 100%" and after a comma', () => {
    // A PDF line wrapped before "4." is split too: guessing otherwise glued real items together.
    const b = toBlocks(['2. Tỷ lệ văn bản đi được ký số đạt 95%.', '3. 100% hồ sơ công việc tại cấp tỉnh,', '4. 85% hồ sơ tại cấp huyện', '- thống kê là đầu mối', '+ hồ sơ']);
    expect(b.map((x) => [x.marker, x.text])).toEqual([
      ['2', 'Tỷ lệ văn bản đi được ký số đạt 95%.'],
      ['3', '100% hồ sơ công việc tại cấp tỉnh,'],
      ['4', '85% hồ sơ tại cấp huyện'],
      ['-', 'thống kê là đầu mối'],
      ['+', 'hồ sơ'],
    ]);
  });
  it('separates an all-caps heading or title from mixed-case text on either side', () => {
    const h = toBlocks(['IV. KINH PHÍ THỰC HIỆN', 'Tổng kinh phí: 2 tỷ đồng.']);
    expect(h.map((x) => [x.head, ...x.body])).toEqual([['KINH PHÍ THỰC HIỆN', 'Tổng kinh phí: 2 tỷ đồng.']]);
    const t = toBlocks(['Số: 9/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', 'Bắc Giang, ngày 14 tháng 8 năm 2023', 'QUYẾT ĐỊNH']);
    expect(t.map((x) => x.text)).toEqual(['Số: 9/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', 'Bắc Giang, ngày 14 tháng 8 năm 2023', 'QUYẾT ĐỊNH']);
  });
  it('keeps a bullet whole when a line without closing punctuation wraps onto a capitalised word', () => {
    const b = toBlocks(['- Hình thành nền tảng dữ liệu và hạ tầng', 'Internet kết nối vạn vật, giảm 30% thủ tục hành chính.', 'Mở dữ liệu cho doanh nghiệp.']);
    expect(b.map((x) => [x.head, x.body])).toEqual([['Hình thành nền tảng dữ liệu và hạ tầng Internet kết nối vạn vật, giảm 30% thủ tục hành chính.', ['Mở dữ liệu cho doanh nghiệp.']]]);
    // A numbered heading still separates from its description.
    expect(toBlocks(['1. Mục tiêu chung', 'Phát triển chính quyền số.']).map((x) => [x.head, x.body])).toEqual([['Mục tiêu chung', ['Phát triển chính quyền số.']]]);
  });
  it('keeps each flattened table row as its own block', () => {
    const b = toBlocks(['PHỤ LỤC', 'STT | Nhiệm vụ | Cơ quan chủ trì', '1 | Xây dựng kho dữ liệu | Sở Thông tin và Truyền thông', 'Ghi chú']);
    expect(b.map((x) => x.text)).toEqual(['PHỤ LỤC', 'STT | Nhiệm vụ | Cơ quan chủ trì', '1 | Xây dựng kho dữ liệu | Sở Thông tin và Truyền thông', 'Ghi chú']);
  });
});

describe('sections', () => {
  it('classifies headings', () => {
    expect(classifySection('MỤC TIÊU')).toBe('objectives');
    expect(classifySection('NHIỆM VỤ VÀ GIẢI PHÁP')).toBe('tasks');
    expect(classifySection('KINH PHÍ THỰC HIỆN')).toBe('budget');
    expect(classifySection('TỔ CHỨC THỰC HIỆN')).toBe('organisation');
    expect(classifySection('ĐÁNH GIÁ SƠ BỘ HIỆN TRẠNG NGUỒN NHÂN LỰC')).toBe('state');
  });
  it('treats an upper-case "1. TỔ CHỨC THỰC HIỆN" as a top-level section but not "1. Mục đích"', () => {
    const s = toSections(toBlocks(['II. MỤC ĐÍCH', '1. Mục đích', 'Nội dung.', '1. TỔ CHỨC THỰC HIỆN', '2. Sở Nội vụ']));
    expect(s.map((x) => x.kind)).toEqual(['preamble', 'purpose', 'organisation']);
  });
});
