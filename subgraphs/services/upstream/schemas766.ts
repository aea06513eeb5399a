import { z } from 'zod';
import { count, portalPageSchema, portalRowHead } from './schemas.ts';

/**
 * The 766 counts by portal column, with the domain field each becomes and whether it is a stock
 * (taken at the last month: the procedure catalogue, and SO_DVCTT_PHAT_SINH_HS which the portal
 * counts since 1 January) or a flow (summed over months).
 */
export const COLUMNS_766 = {
  TONG_TTHC: ['proceduresTotal', 'stock'],
  TTHC_CONG_BO: ['proceduresAnnounced', 'flow'],
  TTHC_CONG_BO_DUNG_HAN: ['proceduresAnnouncedOnTime', 'flow'],
  TTHC_PHAI_CONG_KHAI: ['proceduresPublicisationRequired', 'flow'],
  TTHC_CONG_KHAI_DUNG_HAN: ['proceduresPublicisedOnTime', 'flow'],
  TTHC_DA_CONG_KHAI: ['proceduresPublished', 'stock'],
  TTHC_CONG_KHAI_DAY_DU: ['proceduresPublishedComplete', 'stock'],
  TTHC_CO_DVCTT: ['proceduresWithOnlineService', 'stock'],
  SO_DVCTT: ['onlineServices', 'stock'],
  SO_DVCTT_PHAT_SINH_HS: ['onlineServicesWithDossiers', 'stock'],
  TTHC_CO_PHI: ['proceduresFeeBearing', 'stock'],
  TTHC_CO_PHI_TICH_HOP_TTTT: ['proceduresFeeBearingWithOnlinePayment', 'stock'],
  HS_TIEP_NHAN: ['dossiersReceived', 'flow'],
  HS_DONG_BO_DVCQG: ['dossiersSyncedToNationalPortal', 'flow'],
  HS_TRUC_TUYEN: ['dossiersReceivedOnline', 'flow'],
  HS_XU_LY: ['dossiersHandled', 'flow'],
  HS_XU_LY_DUNG_HAN: ['dossiersHandledOnTime', 'flow'],
  HS_HOAN_THANH: ['dossiersCompleted', 'flow'],
  TONG_NGAY_GIAI_QUYET: ['totalProcessingDays', 'flow'],
  HS_CO_PHI: ['dossiersFeeBearing', 'flow'],
  HS_PHI_BANG_0: ['dossiersFeeBearingZeroAmount', 'flow'],
  HS_TT_TRUC_TUYEN: ['dossiersPaidOnline', 'flow'],
  HS_YC_KQ_BAN_GIAY: ['dossiersWrittenResultRequired', 'flow'],
  HS_CAP_KQ_DIEN_TU: ['dossiersElectronicResult', 'flow'],
  HS_SO_HOA: ['dossiersDigitised', 'flow'],
  HS_TAI_SU_DUNG_DL_SO: ['dossiersReusedDigitisedData', 'flow'],
  HS_KET_NOI_KHO_DL_CN: ['dossiersLinkedToCitizenData', 'flow'],
  HS_CONG_DAN: ['dossiersForCitizens', 'flow'],
  HS_KHAI_THAC_CSDLQG_DC: ['dossiersUsingPopulationData', 'flow'],
  HS_PAKN_KHONG_HAI_LONG: ['dossiersWithComplaintOrDislike', 'flow'],
  PAKN_TONG: ['feedbackTotal', 'flow'],
  PAKN_PHAN_LOAI: ['feedbackClassified', 'flow'],
  PAKN_XU_LY_DUNG_HAN: ['feedbackHandledOnTime', 'flow'],
  PAKN_KHONG_HL_QUA_HAN: ['feedbackDissatisfiedOrOverdue', 'flow'],
} as const;

export type Column766 = keyof typeof COLUMNS_766;
/** A domain field of the 766 counts, e.g. `dossiersHandledOnTime`. */
export type Count766Field = (typeof COLUMNS_766)[Column766][0];

const countColumns = Object.fromEntries(Object.keys(COLUMNS_766).map((k) => [k, count])) as { [K in Column766]: typeof count };

/** One row of `thongke_chitieu_766_tinh_thang_service`. */
export const row766Schema = z.object({ ...portalRowHead, ...countColumns });

export const page766Schema = portalPageSchema(row766Schema);

export type Row766Wire = z.output<typeof row766Schema>;
