import { describe, expect, it } from 'vitest';
import { annexTargets, flattenedCells } from './annex.ts';
import { parsePlanDocument } from './index.ts';
import { issuerLevel, planLevel } from './level.ts';
import { extractIssueDate, extractIssuer, extractLegalBasis, findSymbols } from './metadata.ts';

// Layouts seen in plans published by People's Committees (issue #10): each case is a short text written for
// the test in the shape of that layout, so a failure names the layout that broke.

describe('issuer level as the default level of targets', () => {
  it('reads the level of the issuing body', () => {
    expect(issuerLevel('UBND tỉnh Hà Giang')).toBe('province');
    expect(issuerLevel('UBND thành phố Đà Nẵng')).toBe('province');
    expect(issuerLevel('UBND thành phố Bắc Giang')).toBe('district');
    expect(issuerLevel('UBND thị xã Kỳ Anh')).toBe('district');
    expect(issuerLevel('UBND phường Quang Trung')).toBe('commune');
    expect(issuerLevel('Ban Chỉ đạo chuyển đổi số huyện Ea Kar')).toBe('district');
    expect(issuerLevel('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBeNull();
    expect(issuerLevel(null)).toBeNull();
  });
  it('falls back on the area a copy without its issuer keeps referring to, only when one dominates', () => {
    expect(planLevel(null, ['Cán bộ trên địa bàn xã', 'các hộ tại xã được hỗ trợ'])).toBe('commune');
    expect(planLevel(null, ['trên địa bàn xã', 'trên địa bàn huyện'])).toBeNull();
    expect(planLevel(null, ['không nói gì'])).toBeNull();
  });
  it('gives a district plan district targets unless a sentence names another level', () => {
    const r = parsePlanDocument([
      'ỦY BAN NHÂN DÂN', 'HUYỆN YÊN LẠC', 'Số: 12/KH-UBND', 'Yên Lạc, ngày 02 tháng 3 năm 2024',
      'KẾ HOẠCH', 'Chuyển đổi số huyện Yên Lạc năm 2024',
      'I. MỤC TIÊU',
      '1. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt 60%.',
      '2. 100% Ủy ban nhân dân cấp xã sử dụng hệ thống quản lý văn bản.',
    ].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.targets.map((t) => [t.min, t.level])).toEqual([[60, 'district'], [100, 'commune']]);
  });
});

describe('letterheads', () => {
  it('reads a two-column letterhead pasted row by row', () => {
    const lines = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc', 'Số: 03/KH-UBND An Bình, ngày 05 tháng 01 năm 2024'];
    expect(extractIssuer(lines)).toBe('UBND xã An Bình');
  });
  it('names the issuer from a site metadata table when the letterhead lacks the province line', () => {
    const lines = ['| Cơ quan ban hành | Tỉnh Hòa Bình |', '| Người ký | Nguyễn Văn A |', 'ỦY BAN NHÂN DÂN |', 'Số: 5/KH-UBND |'];
    expect(extractIssuer(lines.map((l) => l.replace(/^[\s|]+|[\s|]+$/g, '').replace(/\s*\|\s*/g, ' | ')))).toBe('UBND tỉnh Hòa Bình');
  });
  it('names the issuer from the level it gives itself and the place it dates the document from', () => {
    const lines = ['ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 7/KH-UBND | Bình Phước, ngày 10 tháng 4 năm 2020', 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'];
    expect(extractIssuer(lines)).toBe('UBND tỉnh Bình Phước');
  });
  it('names the issuer from the sentence of a copy that starts at the title or a news lead', () => {
    expect(extractIssuer(['KẾ HOẠCH', 'Thực hiện Kế hoạch số 9/KH-UBND, Ban Chỉ đạo chuyển đổi số huyện Krông Nô (sau đây gọi là Ban Chỉ đạo) ban hành Kế hoạch'])).toBe('Ban Chỉ đạo chuyển đổi số huyện Krông Nô');
    const news = ['Ngày 04 tháng 3 năm 2024 Uỷ ban nhân dân phường Hòa Thuận đã ban hành Quyết định số 21/QĐ-UBND về kế hoạch cải cách hành chính'];
    expect(extractIssuer(news)).toBe('UBND phường Hòa Thuận');
    expect(extractIssueDate(news, '21/QĐ-UBND')).toBe('2024-03-04');
  });
});

describe('legal bases', () => {
  it('recognises Party documents, earlier plans and symbols glued to the next word', () => {
    expect(findSymbols('Thông báo số 07-TB/CQTTBCĐ; Kế hoạch số 02-KH/TU; Chương trình số 15-CTr/HU; Kết luận 48-KL/TW; Chỉ thị 30-CT/TU')).toEqual(['07-TB/CQTTBCĐ', '02-KH/TU', '15-CTr/HU', '48-KL/TW', '30-CT/TU']);
    expect(findSymbols('Thực hiện 263/KH-UBNDngày 31/12/2024 của Chủ tịch')).toEqual(['263/KH-UBND']);
    expect(findSymbols('Quyết định số 749/QĐ-TTg ngày 03/6/2020')).toEqual(['749/QĐ-TTg']);
  });
  it('drops the drafting department\'s proposal however it is introduced', () => {
    expect(extractLegalBasis('Thực hiện Chỉ thị số 34/CT-TTg; đề xuất của Sở Thông tin và Truyền thông tại Công văn số 27/STTTT-CNTT ngày 15/11/2024', null)).toEqual(['34/CT-TTg']);
  });
  it('reads a basis listed under its own heading, and not documents cited in last year\'s results', () => {
    const r = parsePlanDocument([
      'ỦY BAN NHÂN DÂN', 'TỈNH BẾN TRE', 'Số: 40/KH-UBND', 'Bến Tre, ngày 02 tháng 3 năm 2023', 'KẾ HOẠCH', 'Chuyển đổi số năm 2023',
      'I. CĂN CỨ PHÁP LÝ', 'Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ;', 'Nghị quyết số 09-NQ/TU ngày 01/02/2021 của Tỉnh ủy.',
      'II. MỤC TIÊU', '1. Tỷ lệ hồ sơ trực tuyến đạt 50%.',
    ].join('\n'));
    expect(r.ok && r.plan.legalBasis).toEqual(['42/2022/NĐ-CP', '09-NQ/TU']);
    const results = parsePlanDocument([
      'ỦY BAN NHÂN DÂN', 'TỈNH BẾN TRE', 'Số: 41/KH-UBND', 'Bến Tre, ngày 02 tháng 3 năm 2023', 'KẾ HOẠCH', 'Chuyển đổi số năm 2023',
      'Phần I. ĐÁNH GIÁ KẾT QUẢ NĂM 2022', 'Tỉnh đã ban hành Kế hoạch số 264/KH-UBND ngày 19/12/2022 về chuyển đổi số.',
    ].join('\n'));
    expect(results.ok ? results.plan.legalBasis : results.partial.legalBasis).toEqual([]);
  });
});

describe('annex tables flattened one cell per line', () => {
  const annex = [
    'STT', '|', 'Tên chỉ tiêu', '|', 'Giải thích chỉ tiêu', '|', 'Đơn vị tính', '|', 'Chỉ tiêu năm 2025', '|',
    'I', '|', 'Chính quyền số', '|', '|', '|', '|',
    '1', '|', 'Tỷ', 'lệ văn bản đi được ký số', '|', 'Số văn bản ký số/tổng số văn bản đi', '|', '%', '|', '95', '|',
    '2', '|', 'Số tổ công nghệ số cộng đồng', '|', 'Tổ đang hoạt động', '|', 'tổ', '|', '12', '|',
    '3', '|', 'Tỷ lệ hồ sơ trực tuyến', '|', 'Hồ sơ trực tuyến/tổng số', '|', '%', '|', '≥ 60', '|',
  ].join('\n');
  it('splits cells at separator lines and joins a cell\'s wrapped lines', () => {
    expect(flattenedCells(annex).slice(0, 5)).toEqual(['STT', 'Tên chỉ tiêu', 'Giải thích chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm 2025']);
    expect(flattenedCells('no table here\n|\nonly one')).toEqual([]);
  });
  it('reads name, unit and value by the header\'s columns', () => {
    expect(annexTargets(annex, 2025)).toEqual([
      { text: 'Tỷ lệ văn bản đi được ký số', min: 95, max: 95, unit: 'percent', targetYear: 2025, level: null },
      { text: 'Số tổ công nghệ số cộng đồng', min: 12, max: 12, unit: 'count', targetYear: 2025, level: null },
      { text: 'Tỷ lệ hồ sơ trực tuyến', min: 60, max: null, unit: 'percent', targetYear: 2025, level: null },
    ]);
  });
});

describe('performer sentences that start with an office holder', () => {
  it('names the office, not its head, as lead, and reads "chịu trách nhiệm" as leading', () => {
    const r = parsePlanDocument([
      'ỦY BAN NHÂN DÂN', 'HUYỆN YÊN LẠC', 'Số: 12/KH-UBND', 'Yên Lạc, ngày 02 tháng 3 năm 2024', 'KẾ HOẠCH', 'Chuyển đổi số huyện',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Nâng cấp hạ tầng mạng nội bộ. Trưởng Phòng Văn hóa và Thông tin huyện chủ trì, phối hợp với Phòng Tài chính - Kế hoạch thực hiện; thời gian hoàn thành: năm 2024.',
      '2. Số hóa hồ sơ thủ tục hành chính. Chủ tịch UBND các xã, thị trấn chịu trách nhiệm thực hiện; thời gian hoàn thành: Quý IV/2024.',
      '3. Tổ chức tập huấn kỹ năng số. Giám đốc Trung tâm Văn hóa - Thông tin và Thể thao huyện chủ trì thực hiện.',
    ].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.tasks.map((t) => [t.title, t.lead, t.cooperating])).toEqual([
      ['Nâng cấp hạ tầng mạng nội bộ', ['Phòng Văn hóa và Thông tin huyện'], ['Phòng Tài chính - Kế hoạch']],
      ['Số hóa hồ sơ thủ tục hành chính', ['UBND các xã, thị trấn'], []],
      ['Tổ chức tập huấn kỹ năng số', ['Trung tâm Văn hóa - Thông tin và Thể thao huyện'], []],
    ]);
  });
});
