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
