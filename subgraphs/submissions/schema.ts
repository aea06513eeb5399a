import { gql } from 'graphql-tag';
import { sourceSystemTypeDefs } from '../../lib/subgraph/index.ts';

/** The submissions subgraph: people's entries for the DTI items no system measures, with workflow and audit. */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy"])

  "A unit's year (owned by the dti subgraph); submissions adds the manual self-assessment entries."
  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
    "Every entry of the unit-year in any state, with history: the DTI team's working view (unit-scoped)."
    selfAssessment: SelfAssessment @authenticated @policy(policies: [["unitYear:read"]])
    "Approved entries only: what the dti subgraph scores (null with an error naming submissions when the store is down)."
    approvedEntries: [ApprovedEntry!] @authenticated @policy(policies: [["unitYear:read"]])
    systemFigures: [SystemFigure!] @external
    """
    The checks before submission of the unit-year's open entries (DRAFT, RETURNED): each manual value beside the
    connected systems' figure for the same main indicator (dti's systemFigures), the warnings to acknowledge, and a
    token signed by the store that submitEntries(checks:) requires for an entry a connected system measures.
    Null with an error naming submissions when the store is down (the rest of the unit-year answers).
    """
    submissionChecks: [SubmissionCheck!] @requires(fields: "systemFigures { indicatorCode value systems status asOf }") @authenticated @policy(policies: [["unitYear:read"]])
  }

  "A connected system's figure for one main indicator (owned by the dti subgraph)."
  type SystemFigure {
    indicatorCode: String! @external
    value: Float @external
    systems: [SourceSystem!]! @external
    status: ProvenanceStatus! @external
    asOf: String @external
  }

  ${sourceSystemTypeDefs}

  "Status of a figure as its source reports it (as the other subgraphs define it)."
  enum ProvenanceStatus {
    OK
    PARTIAL
    MISSING
    STALE
    SOURCE_UNAVAILABLE
    NOT_COLLECTED
  }

  "One open entry checked against the connected systems before submission."
  type SubmissionCheck {
    entry: Entry!
    "The connected systems' figure for the entry's indicator; null when none measures it, or when it could not be had (systemStatus says which)."
    systemValue: Float
    "The systems that measure the indicator (e.g. DOCUMENTS, SERVICES); null when none does."
    system: String
    systemStatus: ProvenanceStatus
    systemAsOf: String
    "Every warning to acknowledge (saveEntry acknowledgedWarnings + justification) before submitting: SYSTEM_MISMATCH, SYSTEM_FIGURE_UNAVAILABLE, YEAR_ON_YEAR_JUMP."
    warnings: [Warning!]!
    "True when the entry has acknowledged every warning of this check."
    acknowledged: Boolean!
    "Name it in submitEntries(checks:); valid for this version of the entry only, for SUBMISSIONS_CHECK_TOKEN_TTL_S (default an hour)."
    checkToken: String!
  }

  type SelfAssessment {
    entries: [Entry!]!
  }

  enum EntryStatus {
    DRAFT
    SUBMITTED
    APPROVED
    RETURNED
  }

  enum ReviewDecision {
    APPROVE
    RETURN
  }

  "A manual value for one unit-year and catalogue item."
  type Entry {
    id: ID!
    unitId: ID!
    year: Int!
    indicator: EntryIndicator!
    "0–1 on the published scale (derived from numerator ÷ denominator when those were given)."
    value: Float!
    numerator: Float
    denominator: Float
    status: EntryStatus!
    "Increases with every change; name it as expectedVersion when writing."
    version: Int!
    evidence: [Evidence!]!
    comment: String
    enteredBy: Person!
    approvedBy: Person
    "The reviewer's approval says this value overrides a connected system's figure."
    overridesSystemValue: Boolean!
    "Warning codes found when the value was saved, and those acknowledged (with the justification)."
    warningCodes: [String!]!
    acknowledgedWarnings: [String!]!
    justification: String
    updatedAt: String!
    "Every change, oldest first; append-only."
    history: [AuditEvent!]!
  }

  "What the dti subgraph needs of an approved entry."
  type ApprovedEntry {
    id: ID!
    indicatorCode: String!
    value: Float!
    overridesSystemValue: Boolean!
    evidence: [Evidence!]!
    enteredBy: Person!
    approvedBy: Person!
    approvedAt: String!
  }

  type EntryIndicator {
    code: String!
    "Vietnamese name in the methodology governing the year."
    name: String
    nameEn: String
  }

  type Evidence {
    documentSymbol: String
    documentDate: String
    url: String
    fileId: ID
    fileName: String
    fileSize: Int
    note: String
  }

  type Person {
    subject: ID!
    name: String
  }

  type AuditEvent {
    at: String!
    actor: Person!
    role: String!
    action: String!
    version: Int!
    "JSON of the entry before (null on create) and after the change."
    before: String
    after: String!
    reason: String
  }

  "A plausibility warning: message in Vietnamese (what the screens show), messageEn in English."
  type Warning {
    code: String!
    message: String!
    messageEn: String!
  }

  "A warning of one input of saveEntries (index from 0, in the order given)."
  type IndexedWarning {
    index: Int!
    code: String!
    message: String!
    messageEn: String!
  }

  "An input problem (nothing was stored): message in Vietnamese, messageEn in English; field names the input (inputs.N.… in saveEntries)."
  type UserError {
    field: String!
    code: String!
    message: String!
    messageEn: String!
  }

  input EvidenceInput {
    documentSymbol: String
    "YYYY-MM-DD"
    documentDate: String
    url: String
    "The sha256 an uploadEvidenceFile returned."
    fileId: ID
    note: String
  }

  input SaveEntryInput {
    unitId: ID!
    year: Int!
    indicatorCode: String!
    value: Float
    numerator: Float
    denominator: Float
    evidence: [EvidenceInput!]!
    comment: String
    "The version you read; omit to create."
    expectedVersion: Int
    acknowledgedWarnings: [String!]
    "Why the acknowledged warnings do not stop this value."
    justification: String
  }

  type SaveEntryPayload {
    entry: Entry
    warnings: [Warning!]!
    userErrors: [UserError!]!
    """
    The entry's unit-year, so the same request can read what the connected systems say beside the
    manual value (e.g. unitYear { dti { mainIndicators { code value basis source { system } } } }).
    Null when nothing was saved.
    """
    unitYear: UnitYear
  }

  type SaveEntriesPayload {
    "The saved entries, in input order; empty when anything was refused or on a dry run."
    entries: [Entry!]!
    warnings: [IndexedWarning!]!
    "Every problem of every input, in input order (field inputs.N.…); any one means nothing was stored."
    userErrors: [UserError!]!
    "True only when every input was stored (one transaction)."
    stored: Boolean!
  }

  type SubmitEntriesPayload {
    entries: [Entry!]!
    userErrors: [UserError!]!
  }

  type ReviewEntryPayload {
    entry: Entry
    userErrors: [UserError!]!
  }

  type EvidenceFile {
    fileId: ID!
    name: String!
    size: Int!
  }

  type Mutation {
    "Create an entry (omit expectedVersion), or update it as a draft (expectedVersion: the version you read)."
    saveEntry(input: SaveEntryInput!): SaveEntryPayload! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["entry:edit"]])
    "Create or update many drafts in one transaction: all of them, or none when any input has a problem (a spreadsheet import). dryRun: check only."
    saveEntries(inputs: [SaveEntryInput!]!, dryRun: Boolean = false): SaveEntriesPayload! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["entry:edit"]])
    """
    Submit drafts for review: all of them, or none when any has a problem. An entry whose indicator a connected
    system measures needs the checkToken of its current version from unitYear { submissionChecks } in checks
    (CHECK_REQUIRED, CHECK_STALE, CHECK_INVALID), and the warnings of that check acknowledged.
    """
    submitEntries(ids: [ID!]!, checks: [String!]): SubmitEntriesPayload! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["entry:edit"]])
    "Approve or return a submitted entry; nobody reviews their own."
    reviewEntry(id: ID!, decision: ReviewDecision!, reason: String, overridesSystemValue: Boolean, expectedVersion: Int!): ReviewEntryPayload! @authenticated @requiresScopes(scopes: [["REVIEWER"]]) @policy(policies: [["entry:review"]])
    "Keep an evidence file (base64) by content hash, up to the configured size."
    uploadEvidenceFile(unitId: ID!, name: String!, contentBase64: String!): EvidenceFile! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["entry:edit"]])
  }
`);
