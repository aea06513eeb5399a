import { describe, expect, it } from 'vitest';
import { normaliseLines } from './normalise.ts';
import { toBlocks, toSections } from './structure.ts';
import { extractTasks, isPerformerClause, parseField, parseFields, performers, taskFields } from './tasks.ts';

const tasksOf = (text: string) => extractTasks(toSections(toBlocks(normaliseLines(text))));

describe('parseField', () => {
  it('recognises field labels in their variants', () => {
    expect(parseField('Đơn vị chủ trì thực hiện: Sở Nội vụ')?.field).toBe('lead');
    expect(parseField('Cơ quan chủ trì: Sở Nội vụ')?.field).toBe('lead');
    expect(parseField('Chủ trì: Sở Nội vụ')?.field).toBe('lead');
    expect(parseField('Cơ quan phối hợp: Sở Tài chính')?.field).toBe('cooperating');
    expect(parseField('Thời gian hoàn thành: Quý III/2024')?.field).toBe('timeframe');
    expect(parseField('Kết quả, sản phẩm: Báo cáo')?.field).toBe('result');
    expect(parseField('Chủ trì, phối hợp với Sở Nội vụ xây dựng')).toBeNull();
  });
});

describe('parseFields', () => {
  it('splits a paragraph holding several labelled fields', () => {
    expect(parseFields('Đơn vị chủ trì: Sở Nội vụ; đơn vị phối hợp: các sở, ban, ngành; UBND các huyện; thời gian hoàn thành: Quý IV/2024.')).toEqual([
      { field: 'lead', value: 'Sở Nội vụ' },
      { field: 'cooperating', value: 'các sở, ban, ngành; UBND các huyện' },
      { field: 'timeframe', value: 'Quý IV/2024.' },
    ]);
    expect(parseFields('Kết quả: báo cáo; thời gian: hết năm.')).toHaveLength(2);
    expect(parseFields('Triển khai nền tảng; thời gian: Quý I/2024')).toEqual([]);
  });
});

describe('performers', () => {
  it('reads "X chủ trì, phối hợp với Y", "X chủ trì; Y phối hợp" and a bare list', () => {
    expect(performers('Phòng Nội vụ chủ trì, phối hợp với Phòng Văn hóa và Thông tin, UBND các xã, thị trấn.')).toEqual({ lead: ['Phòng Nội vụ'], cooperating: ['Phòng Văn hóa và Thông tin', 'UBND các xã, thị trấn'] });
    expect(performers('Văn phòng HĐND và UBND huyện chủ trì; Phòng Văn hóa và Thông tin phối hợp.')).toEqual({ lead: ['Văn phòng HĐND và UBND huyện'], cooperating: ['Phòng Văn hóa và Thông tin'] });
    expect(performers('Phòng Kinh tế, Phòng Tài chính - Kế hoạch')).toEqual({ lead: ['Phòng Kinh tế', 'Phòng Tài chính - Kế hoạch'], cooperating: [] });
  });
  it('drops "Giao" and a closing "thực hiện", and reads roles written as notes', () => {
    expect(performers('Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Văn phòng UBND tỉnh thực hiện.')).toEqual({ lead: ['Sở Nội vụ'], cooperating: ['Sở Tài chính', 'Văn phòng UBND tỉnh'] });
    expect(performers('Sở Thông tin và Truyền thông (chủ trì), Sở Tài chính (phối hợp)')).toEqual({ lead: ['Sở Thông tin và Truyền thông'], cooperating: ['Sở Tài chính'] });
    expect(performers('Sở Y tế (chủ trì); Bảo hiểm xã hội tỉnh, Sở Tài chính (phối hợp)')).toEqual({ lead: ['Sở Y tế'], cooperating: ['Bảo hiểm xã hội tỉnh', 'Sở Tài chính'] });
    expect(performers('Sở Y tế (chủ trì), các sở, ban, ngành')).toEqual({ lead: ['Sở Y tế'], cooperating: ['các sở, ban, ngành'] });
  });
});

describe('isPerformerClause / taskFields', () => {
  it('accepts a clause that only names who performs', () => {
    expect(isPerformerClause('Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính, Văn phòng UBND tỉnh thực hiện')).toBe(true);
    expect(isPerformerClause('Giao Sở Nội vụ chủ trì thực hiện.')).toBe(true);
    expect(isPerformerClause('Văn phòng UBND tỉnh chủ trì; Sở Thông tin và Truyền thông phối hợp')).toBe(true);
    expect(isPerformerClause('Sở Y tế (chủ trì), Bảo hiểm xã hội tỉnh (phối hợp)')).toBe(true);
  });
  it('refuses a clause that states work, or does not start with an agency', () => {
    expect(isPerformerClause('Sở Thông tin và Truyền thông chủ trì, phối hợp với Công an tỉnh triển khai nền tảng định danh')).toBe(false);
    expect(isPerformerClause('Sở Thông tin và Truyền thông chủ trì xây dựng kho dữ liệu')).toBe(false);
    expect(isPerformerClause('Chủ trì, phối hợp với Sở Nội vụ thẩm định')).toBe(false);
    expect(isPerformerClause('Kinh phí do các cơ quan, đơn vị chủ trì thực hiện bố trí')).toBe(false);
  });
  it('reads the performer sentence and the labelled fields after it', () => {
    expect(taskFields('Văn phòng UBND tỉnh chủ trì, phối hợp với Ngân hàng Nhà nước chi nhánh tỉnh thực hiện; thời gian: Quý IV/2022.')).toEqual([
      { field: 'performer', value: 'Văn phòng UBND tỉnh chủ trì, phối hợp với Ngân hàng Nhà nước chi nhánh tỉnh thực hiện' },
      { field: 'timeframe', value: 'Quý IV/2022.' },
    ]);
    expect(taskFields('Triển khai nền tảng; thời gian: Quý I/2024')).toEqual([]);
  });
});

describe('extractTasks', () => {
  it('reads a flattened task table by its header, skipping group rows', () => {
    const t = tasksOf(['PHỤ LỤC', '| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |', '| I | Chính quyền số | | | | |', '| 1 | Xây dựng kho dữ liệu | Sở Thông tin và Truyền thông | Các sở, ban, ngành | Quý III/2024 | Kho dữ liệu |', '| 2 | Số hóa hồ sơ | Văn phòng UBND tỉnh | | Năm 2024 | |'].join('\n'));
    expect(t).toEqual([
      { title: 'Xây dựng kho dữ liệu', lead: ['Sở Thông tin và Truyền thông'], cooperating: ['Các sở, ban, ngành'], timeframe: 'Quý III/2024', timeframeFrom: '2024-07-01', timeframeTo: '2024-09-30', result: 'Kho dữ liệu' },
      { title: 'Số hóa hồ sơ', lead: ['Văn phòng UBND tỉnh'], cooperating: [], timeframe: 'Năm 2024', timeframeFrom: '2024-01-01', timeframeTo: '2024-12-31', result: null },
    ]);
  });
  it('reads fields written as a paragraph under a numbered item', () => {
    const t = tasksOf(['II. NHIỆM VỤ', '1.1. Xây dựng cơ sở dữ liệu đất đai.', 'Đơn vị chủ trì: Sở Tài nguyên và Môi trường; đơn vị phối hợp: UBND các quận, huyện; thời gian hoàn thành: Năm 2025.'].join('\n'));
    expect(t.map((x) => [x.title, x.lead, x.cooperating, x.timeframe])).toEqual([['Xây dựng cơ sở dữ liệu đất đai', ['Sở Tài nguyên và Môi trường'], ['UBND các quận, huyện'], 'Năm 2025']]);
  });
  it('reads item + labelled fields, with timeframe range and result', () => {
    const t = tasksOf(['III. NHIỆM VỤ', '1. Rà soát chức năng, nhiệm vụ', '- Cơ quan chủ trì: Sở Nội vụ.', '- Cơ quan phối hợp: Sở Thông', 'tin và Truyền thông, UBND các huyện, thị xã, thành phố.', '- Thời gian hoàn thành: Quý III', '/2024.', '- Kết quả: Báo cáo rà soát.'].join('\n'));
    expect(t).toEqual([{
      title: 'Rà soát chức năng, nhiệm vụ',
      lead: ['Sở Nội vụ'],
      cooperating: ['Sở Thông tin và Truyền thông', 'UBND các huyện, thị xã, thành phố'],
      timeframe: 'Quý III/2024',
      timeframeFrom: '2024-07-01',
      timeframeTo: '2024-09-30',
      result: 'Báo cáo rà soát',
    }]);
  });
  it('reads assignments under an agency heading and skips items that are not led', () => {
    const t = tasksOf(['IV. TỔ CHỨC THỰC HIỆN', '1. Sở Y tế', 'Chủ trì triển khai nền tảng khám chữa bệnh từ xa.', '2. Sở Tài chính:', 'a) Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu bố trí kinh phí.', 'b) Phối hợp với Sở Nội vụ thẩm định.'].join('\n'));
    expect(t.map((x) => [x.lead, x.cooperating, x.title])).toEqual([
      [['Sở Y tế'], [], 'Chủ trì triển khai nền tảng khám chữa bệnh từ xa'],
      [['Sở Tài chính'], ['Sở Kế hoạch và Đầu tư'], 'Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu bố trí kinh phí'],
    ]);
  });
  it('reads an inline "X chủ trì, phối hợp với Y" sentence', () => {
    const t = tasksOf(['II. NHIỆM VỤ, GIẢI PHÁP', 'a) Sở Thông tin và Truyền thông chủ trì, phối hợp với Công an tỉnh triển khai nền tảng định danh.'].join('\n'));
    expect(t.map((x) => [x.lead, x.cooperating])).toEqual([[['Sở Thông tin và Truyền thông'], ['Công an tỉnh']]]);
  });
  it('reads "N. Title. <Agency> chủ trì, phối hợp với <A>, <B> thực hiện; thời gian hoàn thành: Y." in one item', () => {
    const t = tasksOf(['II. NHIỆM VỤ', '1. Xây dựng kho dữ liệu dùng chung của tỉnh. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính, Văn phòng UBND tỉnh thực hiện; thời gian hoàn thành: năm 2023.'].join('\n'));
    expect(t).toEqual([{
      title: 'Xây dựng kho dữ liệu dùng chung của tỉnh',
      lead: ['Sở Thông tin và Truyền thông'],
      cooperating: ['Sở Tài chính', 'Văn phòng UBND tỉnh'],
      timeframe: 'năm 2023',
      timeframeFrom: '2023-01-01',
      timeframeTo: '2023-12-31',
      result: null,
    }]);
  });
  it('reads "Giao Sở X chủ trì ..." and a title ending with ":" with the sentence on the next line', () => {
    const t = tasksOf(['II. NHIỆM VỤ', '1. Số hóa hồ sơ thủ tục hành chính:', 'Giao Văn phòng UBND tỉnh chủ trì, phối hợp với các sở, ban, ngành thực hiện. Thời gian hoàn thành: Quý II/2024.', '2. Nâng cấp mạng truyền số liệu chuyên dùng.', '- Giao Sở Thông tin và Truyền thông chủ trì thực hiện.'].join('\n'));
    expect(t.map((x) => [x.title, x.lead, x.cooperating, x.timeframe])).toEqual([
      ['Số hóa hồ sơ thủ tục hành chính', ['Văn phòng UBND tỉnh'], ['các sở, ban, ngành'], 'Quý II/2024'],
      ['Nâng cấp mạng truyền số liệu chuyên dùng', ['Sở Thông tin và Truyền thông'], [], null],
    ]);
  });
  it('reads "Cơ quan thực hiện: Sở X (chủ trì), Sở Y (phối hợp)", under the title or after it in one paragraph', () => {
    const t = tasksOf(['II. NHIỆM VỤ', '1. Triển khai bệnh án điện tử', '- Cơ quan thực hiện: Sở Y tế (chủ trì), Bảo hiểm xã hội tỉnh (phối hợp).', '- Thời gian: Năm 2025.', '2. Xây dựng cơ sở dữ liệu đất đai. Cơ quan thực hiện: Sở Tài nguyên và Môi trường (chủ trì), UBND các huyện (phối hợp); thời gian: 2024 - 2025.'].join('\n'));
    expect(t.map((x) => [x.title, x.lead, x.cooperating, x.timeframeFrom, x.timeframeTo])).toEqual([
      ['Triển khai bệnh án điện tử', ['Sở Y tế'], ['Bảo hiểm xã hội tỉnh'], '2025-01-01', '2025-12-31'],
      ['Xây dựng cơ sở dữ liệu đất đai', ['Sở Tài nguyên và Môi trường'], ['UBND các huyện'], '2024-01-01', '2025-12-31'],
    ]);
  });
  it('keeps a numbered item that states work after the performers as one inline task', () => {
    const t = tasksOf(['II. NHIỆM VỤ', '1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Công an tỉnh triển khai nền tảng định danh.'].join('\n'));
    expect(t.map((x) => [x.title, x.lead, x.cooperating])).toEqual([['Sở Thông tin và Truyền thông chủ trì, phối hợp với Công an tỉnh triển khai nền tảng định danh', ['Sở Thông tin và Truyền thông'], ['Công an tỉnh']]]);
  });
  it('ignores "do ... chủ trì thực hiện" in budget prose', () => {
    expect(tasksOf(['IV. KINH PHÍ', 'Kinh phí do các cơ quan, đơn vị chủ trì thực hiện bố trí.'].join('\n'))).toEqual([]);
  });
});
