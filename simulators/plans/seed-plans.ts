/**
 * The plan registry's first content: the four real plan documents under data/seeds/, with the
 * metadata the seeds README gives (issuer, symbol, date, what it implements). The registry files
 * each plan under the unit that issued it, as the unit was on the issue date.
 */
export interface SeedPlanManifestEntry {
  readonly file: string;
  readonly unitCode: string;
  readonly symbol: string;
  readonly title: string;
  readonly issuer: string;
  /** ISO date of issue. */
  readonly issuedOn: string;
  readonly legalBasis: readonly string[];
}

export const SEED_PLANS: readonly SeedPlanManifestEntry[] = [
  {
    file: '000_2974e3fbecc444fa.txt',
    unitCode: '56',
    symbol: '4949/KH-UBND',
    title:
      'Kế hoạch triển khai thực hiện Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án “Nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Khánh Hòa',
    issuer: 'UBND tỉnh Khánh Hòa',
    issuedOn: '2022-06-03',
    legalBasis: ['146/QĐ-TTg'],
  },
  {
    file: '001_b31da89777f99463.txt',
    unitCode: '51',
    symbol: '119/KH-UBND',
    title: 'Kế hoạch triển khai thực hiện Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 của tỉnh Quảng Ngãi',
    issuer: 'UBND tỉnh Quảng Ngãi',
    issuedOn: '2020-10-09',
    legalBasis: ['749/QĐ-TTg'],
  },
  {
    file: '003_389a06b800f21321.txt',
    unitCode: '49',
    symbol: '4660/KH-UBND',
    title:
      'Kế hoạch triển khai thực hiện Đề án “Kiện toàn tổ chức bộ máy, nâng cao năng lực quản lý nhà nước và thực thi pháp luật về chuyển đổi số từ trung ương đến địa phương đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Quảng Nam',
    issuer: 'UBND tỉnh Quảng Nam',
    issuedOn: '2024-06-24',
    legalBasis: ['1690/QĐ-TTg'],
  },
  {
    file: '004_3f71efe26119f0db.txt',
    unitCode: '72',
    symbol: '1155/QĐ-UBND',
    title:
      'Kế hoạch nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
    issuer: 'UBND tỉnh Tây Ninh',
    issuedOn: '2022-05-24',
    legalBasis: ['146/QĐ-TTg'],
  },
];

/** Folder of the seed plan texts, relative to this module. */
export const SEED_DIR_URL = new URL('../../data/seeds/', import.meta.url);
