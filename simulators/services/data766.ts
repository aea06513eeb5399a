import type { AdministrativeUnitRecord } from '../../lib/units/index.ts';
import { seeded } from '../shared/random.ts';
import { provincesFilingMonth } from '../shared/units.ts';
import { closedMonths, monthlyStats, type MonthlyStats } from './data.ts';

/**
 * One province's QĐ 766 indicator counts for one month, as the national portal's
 * "Theo dõi chỉ tiêu … theo QĐ 766" reports print them: flows over the month, except the
 * catalogue columns (stocks at the cut-off) and SO_DVCTT_PHAT_SINH_HS (cumulative since 1 January).
 * Consistent with the monthly statistics service: the same dossiers received, online, digitised,
 * with fees and paid online.
 */
export interface Counts766 {
  readonly base: MonthlyStats;
  // Công khai, minh bạch
  readonly announced: number;
  readonly announcedOnTime: number;
  readonly publicisationRequired: number;
  readonly publicisedOnTime: number;
  readonly published: number;
  readonly publishedComplete: number;
  readonly synced: number;
  // Tiến độ, kết quả giải quyết
  readonly handled: number;
  readonly handledOnTime: number;
  readonly completed: number;
  readonly totalProcessingDays: number;
  // Dịch vụ công trực tuyến, thanh toán trực tuyến
  readonly withOnlineService: number;
  readonly onlineServices: number;
  readonly onlineServicesWithDossiers: number;
  readonly proceduresFeeBearing: number;
  readonly proceduresFeeBearingWithOnlinePayment: number;
  readonly feeZeroAmount: number;
  // Số hóa
  readonly writtenResultRequired: number;
  readonly electronicResult: number;
  readonly reusedDigitisedData: number;
  readonly linkedToCitizenData: number;
  readonly forCitizens: number;
  readonly usingPopulationData: number;
  // Mức độ hài lòng
  readonly withComplaintOrDislike: number;
  readonly feedbackTotal: number;
  readonly feedbackClassified: number;
  readonly feedbackHandledOnTime: number;
  readonly feedbackDissatisfiedOrOverdue: number;
}

const share = (n: number, lo: number, hi: number, r: () => number): number => Math.round(n * (lo + r() * (hi - lo)));

/** The 766 counts a province files for a month, derived from its monthly statistics. */
export function counts766(unit: AdministrativeUnitRecord, year: number, month: number): Counts766 | undefined {
  const base = monthlyStats(unit, year, month);
  if (base === undefined) return undefined;
  const r = seeded('services', '766-counts', unit.id, year, month);
  const progress = Math.min(1, (year - 2020 + month / 12) / 6);
  const announced = Math.round(8 + r() * 30);
  const publicisationRequired = announced + Math.round(r() * 20);
  const published = base.proceduresPublished;
  // In progress at the month's end count as handled (2.1): a little above those resolved.
  const handled = Math.min(base.received, base.resolved + share(base.received, 0.01, 0.04, r));
  const completed = base.resolved;
  const withOnlineService = base.proceduresFullyOnline + base.proceduresPartlyOnline;
  const proceduresFeeBearing = share(base.proceduresTotal, 0.35, 0.45, r);
  const writtenResultRequired = share(base.resolved, 0.6, 0.8, r);
  const forCitizens = share(base.received, 0.7, 0.85, r);
  const feedbackTotal = Math.round(base.received / 900 + r() * 10);
  const feedbackHandledOnTime = share(feedbackTotal, 0.75, 0.98, r);
  return {
    base,
    announced,
    announcedOnTime: share(announced, 0.8, 1, r),
    publicisationRequired,
    publicisedOnTime: share(publicisationRequired, 0.75, 1, r),
    published,
    publishedComplete: share(published, 0.9, 1, r),
    synced: share(base.received, 0.55 + 0.35 * progress, 0.6 + 0.39 * progress, r),
    handled,
    handledOnTime: Math.min(handled, base.onTime + share(handled - base.resolved, 0.5, 1, r)),
    completed,
    totalProcessingDays: Math.round(completed * (4 + r() * 6)),
    withOnlineService,
    onlineServices: withOnlineService,
    onlineServicesWithDossiers: share(withOnlineService, 0.3 + 0.4 * progress, 0.4 + 0.5 * progress, r),
    proceduresFeeBearing,
    proceduresFeeBearingWithOnlinePayment: share(proceduresFeeBearing, 0.2 + 0.5 * progress, 0.3 + 0.6 * progress, r),
    // Zero-fee dossiers never exceed those not paid online, so 3.6's denominator stays above its numerator.
    feeZeroAmount: share(base.withFees - base.paidOnline, 0, 0.1, r),
    writtenResultRequired,
    electronicResult: share(writtenResultRequired, 0.1 + 0.5 * progress, 0.2 + 0.6 * progress, r),
    reusedDigitisedData: share(base.digitised, 0.1, 0.4, r),
    linkedToCitizenData: share(base.digitised, 0.2, 0.6, r),
    forCitizens,
    usingPopulationData: share(forCitizens, 0.1 + 0.5 * progress, 0.2 + 0.6 * progress, r),
    withComplaintOrDislike: share(handled, 0, 0.004, r),
    feedbackTotal,
    feedbackClassified: share(feedbackTotal, 0.85, 1, r),
    feedbackHandledOnTime,
    feedbackDissatisfiedOrOverdue: share(feedbackTotal, 0, 0.15, r),
  };
}

/** 766 counts for the provinces whose portal ids are in `ids` (all when empty), by portal id then month. */
export function rows766(query: {
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly ids: ReadonlySet<string>;
  readonly today: Date;
}): Counts766[] {
  const rows: Counts766[] = [];
  const cumulative = new Map<string, number>();
  for (const month of closedMonths(query.year, 1, query.toMonth, query.today)) {
    for (const unit of provincesFilingMonth(query.year, month)) {
      const row = counts766(unit, query.year, month);
      if (row === undefined) continue;
      // Online services with a dossier since 1 January: never fewer than in an earlier month.
      const sofar = Math.max(cumulative.get(row.base.portalId) ?? 0, row.onlineServicesWithDossiers);
      cumulative.set(row.base.portalId, sofar);
      if (month < query.fromMonth || (query.ids.size > 0 && !query.ids.has(row.base.portalId))) continue;
      rows.push({ ...row, onlineServicesWithDossiers: Math.min(sofar, row.onlineServices) });
    }
  }
  return rows.sort((a, b) => a.base.portalId.localeCompare(b.base.portalId) || a.base.month - b.base.month);
}

/** The wire row, columns as the portal's 766 monitoring report names them, every number a string. */
export function wire766(c: Counts766, viDate: (iso: string) => string): Record<string, string> {
  const b = c.base;
  const s = (n: number): string => String(n);
  return {
    ID: b.portalId,
    TEN: b.name,
    NAM: s(b.year),
    THANG: s(b.month),
    NGAY_CHOT_SO_LIEU: viDate(b.cutOff),
    TONG_TTHC: s(b.proceduresTotal),
    TTHC_CONG_BO: s(c.announced),
    TTHC_CONG_BO_DUNG_HAN: s(c.announcedOnTime),
    TTHC_PHAI_CONG_KHAI: s(c.publicisationRequired),
    TTHC_CONG_KHAI_DUNG_HAN: s(c.publicisedOnTime),
    TTHC_DA_CONG_KHAI: s(c.published),
    TTHC_CONG_KHAI_DAY_DU: s(c.publishedComplete),
    TTHC_CO_DVCTT: s(c.withOnlineService),
    SO_DVCTT: s(c.onlineServices),
    SO_DVCTT_PHAT_SINH_HS: s(c.onlineServicesWithDossiers),
    TTHC_CO_PHI: s(c.proceduresFeeBearing),
    TTHC_CO_PHI_TICH_HOP_TTTT: s(c.proceduresFeeBearingWithOnlinePayment),
    HS_TIEP_NHAN: s(b.received),
    HS_DONG_BO_DVCQG: s(c.synced),
    HS_TRUC_TUYEN: s(b.online),
    HS_XU_LY: s(c.handled),
    HS_XU_LY_DUNG_HAN: s(c.handledOnTime),
    HS_HOAN_THANH: s(c.completed),
    TONG_NGAY_GIAI_QUYET: s(c.totalProcessingDays),
    HS_CO_PHI: s(b.withFees),
    HS_PHI_BANG_0: s(c.feeZeroAmount),
    HS_TT_TRUC_TUYEN: s(b.paidOnline),
    HS_YC_KQ_BAN_GIAY: s(c.writtenResultRequired),
    HS_CAP_KQ_DIEN_TU: s(c.electronicResult),
    HS_SO_HOA: s(b.digitised),
    HS_TAI_SU_DUNG_DL_SO: s(c.reusedDigitisedData),
    HS_KET_NOI_KHO_DL_CN: s(c.linkedToCitizenData),
    HS_CONG_DAN: s(c.forCitizens),
    HS_KHAI_THAC_CSDLQG_DC: s(c.usingPopulationData),
    HS_PAKN_KHONG_HAI_LONG: s(c.withComplaintOrDislike),
    PAKN_TONG: s(c.feedbackTotal),
    PAKN_PHAN_LOAI: s(c.feedbackClassified),
    PAKN_XU_LY_DUNG_HAN: s(c.feedbackHandledOnTime),
    PAKN_KHONG_HL_QUA_HAN: s(c.feedbackDissatisfiedOrOverdue),
  };
}
