import { gql } from 'graphql-tag';

const figureFields = /* GraphQL */ `
  "Incoming documents registered (văn bản đến)."
  incomingCount: Int
  "Outgoing documents issued (văn bản đi)."
  outgoingCount: Int
  "Outgoing documents signed digitally (văn bản đi được ký số)."
  outgoingSignedDigitallyCount: Int
  "Documents sent through the national document axis (gửi qua trục liên thông)."
  sentViaAxisCount: Int
  "Documents received through the national document axis (nhận qua trục liên thông)."
  receivedViaAxisCount: Int
  "Documents exchanged electronically: sent plus received via the axis."
  exchangedElectronicallyCount: Int
  "Work records opened (hồ sơ công việc)."
  workRecordsCount: Int
  "Work records processed online (hồ sơ công việc xử lý trên môi trường mạng)."
  workRecordsOnlineCount: Int
  "DTI input: outgoing documents signed digitally / outgoing documents (0..1)."
  signedDigitallyRate: Float
  "DTI input: documents exchanged electronically / all incoming and outgoing documents (0..1)."
  sentElectronicallyRate: Float
  "DTI input: work records processed online / work records (0..1)."
  workRecordsOnlineRate: Float
`;

/** The documents subgraph's own SDL (federation v2.7); shared value types come from lib/subgraph. */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy"])

  type Query {
    "An agency from the document system's organ directory; NOT_FOUND for an unknown code."
    agency(code: String!): Agency
  }

  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
    recordScopes: [RecordScope!]! @external
    "Document-management figures of the unit for the year, rolled up from the record scopes (QLVBĐH)."
    documents: DocumentStats @requires(fields: "recordScopes { unitId code name from to }") @authenticated @policy(policies: [["unitYear:read"]])
  }

  type AdministrativeUnit @key(fields: "id") {
    id: ID!
    "Agencies filed under this unit in the document system's organ directory, over the unit's validity."
    agencies: [Agency!]!
  }

  """
  An agency as a plan names it (owned by plans). The key carries what the mention is read
  against: the plan's unit and issue date.
  """
  type TaskAgency @key(fields: "name unitId onDate") {
    "As written in the plan."
    name: String!
    "The plan's unit as on its issue date (code@validFrom)."
    unitId: ID!
    "ISO date the name is read on: the plan's issue date."
    onDate: String!
    """
    The directory agency of the plan's unit, in force on onDate, that the name designates; null
    for collective mentions ("Các sở, ban, ngành", "UBND các huyện…"), names outside the
    directory, agencies no longer in force, or anything ambiguous. Matched conservatively on the
    normalised name (case, tone placement, UBND ↔ Ủy ban nhân dân, unit qualifier optional).
    """
    agency: Agency
  }

  "Kind of government body."
  enum AgencyKind {
    "Sở"
    DEPARTMENT
    "Ủy ban nhân dân"
    PEOPLE_COMMITTEE
    "Văn phòng"
    OFFICE
    "Thanh tra"
    INSPECTORATE
  }

  "A government body (Sở, UBND, ...) as the document system knows it."
  type Agency @key(fields: "code") {
    "Organ identifier in the document system (OrganId)."
    code: String!
    name: String!
    nameEn: String!
    kind: AgencyKind!
    "ISO date; null when in force before the system's records begin."
    validFrom: String
    "ISO date, inclusive; null while in force."
    validTo: String
    unit: AdministrativeUnit!
    "The agency's own document figures for a year, with a monthly breakdown."
    documents(year: Int!): DocumentStats @authenticated @policy(policies: [["unitYear:read"]])
  }

  "Document-management statistics of a unit or agency for a year. Null figures mean no records, never zero."
  type DocumentStats {
    year: Int!
    source: Provenance!
    ${figureFields}
    "Month by month, summed over every scope and agency; months without records are absent."
    months: [DocumentMonth!]!
    "Per agency over the year."
    agencies: [AgencyDocumentFigures!]!
  }

  "One month's document figures."
  type DocumentMonth {
    year: Int!
    month: Int!
    ${figureFields}
  }

  "One agency's document figures within a DocumentStats."
  type AgencyDocumentFigures {
    agencyCode: String!
    agencyName: String!
    agency: Agency
    ${figureFields}
  }
`);
