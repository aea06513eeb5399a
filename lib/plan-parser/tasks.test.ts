import { describe, expect, it } from 'vitest';
import { normaliseLines } from './normalise.ts';
import { toBlocks, toSections } from './structure.ts';
import { extractTasks, parseField } from './tasks.ts';

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

describe('extractTasks', () => {
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
  it('ignores "do ... chủ trì thực hiện" in budget prose', () => {
    expect(tasksOf(['IV. KINH PHÍ', 'Kinh phí do các cơ quan, đơn vị chủ trì thực hiện bố trí.'].join('\n'))).toEqual([]);
  });
});
