import { gql } from 'graphql-tag';

/** The services subgraph's own SDL (the shared provenance types come from lib/subgraph). */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@shareable", "@authenticated", "@requiresScopes", "@policy"])

  "A unit's figures for one calendar year; each source subgraph adds its own."
  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
    recordScopes: [RecordScope!]! @external
    "Administrative procedures and public services (Cổng dịch vụ công / Hệ thống thông tin giải quyết TTHC). Null with an error when the portal fails."
    publicServices: PublicServiceStats @requires(fields: "recordScopes { unitId code name from to }") @authenticated @policy(policies: [["unitYear:read"]])
    "The national portal's counts behind the 766/QĐ-TTg indicators. Null with an error when the portal fails."
    publicServiceIndexCounts: PublicServiceIndexCounts @requires(fields: "recordScopes { unitId code name from to }") @authenticated @policy(policies: [["unitYear:read"]])
  }

  """
  The counts the national public-service portal reports per province and month for the 766/QĐ-TTg
  indicators (thongke_chitieu_766_tinh_thang_service), rolled up to the unit-year: flows summed over
  months and, for a merged unit, over its predecessors; stocks taken at the last month. Field
  descriptions name the portal column. Null when no record backs a count: see source.
  """
  type PublicServiceIndexCounts {
    source: Provenance!
    "TONG_TTHC (stock, at the last month)."
    proceduresTotal: Int
    "TTHC_CONG_BO (flow, summed over months)."
    proceduresAnnounced: Int
    "TTHC_CONG_BO_DUNG_HAN (flow, summed over months)."
    proceduresAnnouncedOnTime: Int
    "TTHC_PHAI_CONG_KHAI (flow, summed over months)."
    proceduresPublicisationRequired: Int
    "TTHC_CONG_KHAI_DUNG_HAN (flow, summed over months)."
    proceduresPublicisedOnTime: Int
    "TTHC_DA_CONG_KHAI (stock, at the last month)."
    proceduresPublished: Int
    "TTHC_CONG_KHAI_DAY_DU (stock, at the last month)."
    proceduresPublishedComplete: Int
    "TTHC_CO_DVCTT (stock, at the last month)."
    proceduresWithOnlineService: Int
    "SO_DVCTT (stock, at the last month)."
    onlineServices: Int
    "SO_DVCTT_PHAT_SINH_HS (stock, at the last month)."
    onlineServicesWithDossiers: Int
    "TTHC_CO_PHI (stock, at the last month)."
    proceduresFeeBearing: Int
    "TTHC_CO_PHI_TICH_HOP_TTTT (stock, at the last month)."
    proceduresFeeBearingWithOnlinePayment: Int
    "HS_TIEP_NHAN (flow, summed over months)."
    dossiersReceived: Int
    "HS_DONG_BO_DVCQG (flow, summed over months)."
    dossiersSyncedToNationalPortal: Int
    "HS_TRUC_TUYEN (flow, summed over months)."
    dossiersReceivedOnline: Int
    "HS_XU_LY (flow, summed over months)."
    dossiersHandled: Int
    "HS_XU_LY_DUNG_HAN (flow, summed over months)."
    dossiersHandledOnTime: Int
    "HS_HOAN_THANH (flow, summed over months)."
    dossiersCompleted: Int
    "TONG_NGAY_GIAI_QUYET (flow, summed over months)."
    totalProcessingDays: Float
    "HS_CO_PHI (flow, summed over months)."
    dossiersFeeBearing: Int
    "HS_PHI_BANG_0 (flow, summed over months)."
    dossiersFeeBearingZeroAmount: Int
    "HS_TT_TRUC_TUYEN (flow, summed over months)."
    dossiersPaidOnline: Int
    "HS_YC_KQ_BAN_GIAY (flow, summed over months)."
    dossiersWrittenResultRequired: Int
    "HS_CAP_KQ_DIEN_TU (flow, summed over months)."
    dossiersElectronicResult: Int
    "HS_SO_HOA (flow, summed over months)."
    dossiersDigitised: Int
    "HS_TAI_SU_DUNG_DL_SO (flow, summed over months)."
    dossiersReusedDigitisedData: Int
    "HS_KET_NOI_KHO_DL_CN (flow, summed over months)."
    dossiersLinkedToCitizenData: Int
    "HS_CONG_DAN (flow, summed over months)."
    dossiersForCitizens: Int
    "HS_KHAI_THAC_CSDLQG_DC (flow, summed over months)."
    dossiersUsingPopulationData: Int
    "HS_PAKN_KHONG_HAI_LONG (flow, summed over months)."
    dossiersWithComplaintOrDislike: Int
    "PAKN_TONG (flow, summed over months)."
    feedbackTotal: Int
    "PAKN_PHAN_LOAI (flow, summed over months)."
    feedbackClassified: Int
    "PAKN_XU_LY_DUNG_HAN (flow, summed over months)."
    feedbackHandledOnTime: Int
    "PAKN_KHONG_HL_QUA_HAN (flow, summed over months)."
    feedbackDissatisfiedOrOverdue: Int
  }

  """
  Public-service figures of a unit-year from the provincial public-service portal. Dossier counts
  sum over the year's months and, for a merged unit, over its predecessors' records; procedure
  counts are the catalogue at the end of the period. Rates are fractions 0..1 recomputed from the
  counts (never averaged). A figure is null when no record backs it: see source.status and source.note.
  """
  type PublicServiceStats {
    "Where the figures came from, how fresh, and whether every record was found."
    source: Provenance!

    "Procedures (thủ tục hành chính) under the unit's authority."
    proceduresTotal: Int
    "Procedures published (công khai) on the portal."
    proceduresPublished: Int
    "Procedures offered as online public services end to end (dịch vụ công trực tuyến toàn trình)."
    proceduresFullyOnline: Int
    "Procedures offered as partly online public services (dịch vụ công trực tuyến một phần)."
    proceduresPartlyOnline: Int

    "Dossiers (hồ sơ) received in the period, through every channel."
    dossiersReceived: Int
    "Dossiers submitted online (nộp trực tuyến)."
    dossiersOnline: Int
    "Dossiers resolved (đã giải quyết)."
    dossiersResolved: Int
    "Dossiers resolved on time or early (đúng hạn, trước hạn)."
    dossiersResolvedOnTime: Int
    "Dossiers resolved late (quá hạn)."
    dossiersResolvedLate: Int
    "Dossiers digitised (số hóa hồ sơ)."
    dossiersDigitised: Int
    "Dossiers of procedures with fees or charges (phí, lệ phí)."
    dossiersWithFees: Int
    "Dossiers whose fees were paid online (thanh toán trực tuyến)."
    dossiersPaidOnline: Int
    "Satisfaction votes cast (lượt đánh giá)."
    satisfactionVotes: Int
    "Votes saying satisfied (hài lòng)."
    satisfiedVotes: Int

    "proceduresFullyOnline / proceduresTotal."
    fullyOnlineProcedureRate: Float
    "dossiersOnline / dossiersReceived."
    onlineDossierRate: Float
    "dossiersResolvedOnTime / dossiersResolved."
    onTimeRate: Float
    "dossiersDigitised / dossiersReceived."
    digitisedDossierRate: Float
    "dossiersPaidOnline / dossiersWithFees."
    onlinePaymentRate: Float
    "satisfiedVotes / satisfactionVotes."
    satisfactionRate: Float
  }
`);
