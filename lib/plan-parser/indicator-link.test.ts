import { describe, expect, it } from 'vitest';
import { linkTargetToIndicator } from './indicator-link.ts';

describe('linkTargetToIndicator', () => {
  it('links the phrases of each indicator', () => {
    const cases: Array<[string, string]> = [
      ['90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng', 'WORK_RECORDS_ONLINE_RATE'],
      ['100% văn bản đi được ký số', 'DOC_SIGNED_DIGITALLY_RATE'],
      ['100% văn bản được gửi, nhận dưới dạng điện tử', 'DOC_SENT_ELECTRONICALLY_RATE'],
      ['80% thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình', 'PS_FULLY_ONLINE_PROCEDURE_RATE'],
      ['50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến', 'PS_ONLINE_DOSSIER_RATE'],
      ['95% hồ sơ thủ tục hành chính được giải quyết đúng hạn', 'PS_ON_TIME_RATE'],
      ['100% kết quả giải quyết thủ tục hành chính được số hoá', 'PS_DIGITISED_DOSSIER_RATE'],
      ['30% giao dịch thanh toán trực tuyến phí, lệ phí', 'PS_ONLINE_PAYMENT_RATE'],
      ['Tỷ lệ lao động qua đào tạo đạt 70%', 'LAB_TRAINED_WORKFORCE_RATE'],
      ['80% người dân có kỹ năng số cơ bản', 'LAB_DIGITAL_SKILLS_RATE'],
      ['100% nhiệm vụ của Kế hoạch được hoàn thành', 'PLAN_TASK_COMPLETION_RATE'],
    ];
    for (const [text, code] of cases) expect(linkTargetToIndicator(text)?.code, text).toBe(code);
  });
  it('links dossiers paid online, which also read as dossiers handled online, to the payment indicator', () => {
    expect(linkTargetToIndicator('Tối thiểu 50% hồ sơ thủ tục hành chính được thanh toán trực tuyến')).toEqual({ code: 'PS_ONLINE_PAYMENT_RATE', matchedOn: 'thanh toán trực tuyến' });
    expect(linkTargetToIndicator('Tỷ lệ hồ sơ TTHC có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến đạt 30%')?.code).toBe('PS_ONLINE_PAYMENT_RATE');
    // Still a dossier-online target when "trực tuyến" is also said of handling, not only of paying.
    expect(linkTargetToIndicator('50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến')?.code).toBe('PS_ONLINE_DOSSIER_RATE');
  });
  it('refuses payments that are not dossier payments, and targets that state both', () => {
    expect(linkTargetToIndicator('Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt 70%')).toBeNull();
    expect(linkTargetToIndicator('50% người dân sử dụng thanh toán trực tuyến khi mua sắm')).toBeNull();
    expect(linkTargetToIndicator('Tỷ lệ doanh nghiệp sử dụng thanh toán trực tuyến đạt 50%')).toBeNull();
    expect(linkTargetToIndicator('30% giao dịch thương mại điện tử được thanh toán trực tuyến')).toBeNull();
    expect(linkTargetToIndicator('Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến và thanh toán trực tuyến đạt 40%')).toBeNull();
  });
  it('reports the phrase that matched, as written', () => {
    expect(linkTargetToIndicator('100% kết quả được Số hoá hồ sơ')?.matchedOn).toBe('Số hoá');
  });
  it('stays unlinked for near misses and ambiguous texts', () => {
    expect(linkTargetToIndicator('80% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập, bao gồm cả thiết bị di động')).toBeNull();
    expect(linkTargetToIndicator('Tỷ lệ dân số có tài khoản thanh toán điện tử trên 60%')).toBeNull();
    expect(linkTargetToIndicator('Kinh tế số chiếm 10% GRDP')).toBeNull();
    expect(linkTargetToIndicator('70% người dân biết sử dụng dịch vụ công trực tuyến')).toBeNull();
    expect(linkTargetToIndicator('100% văn bản điện tử được ký số và gửi, nhận trên môi trường mạng')).toBeNull();
  });
});
