import { gql } from 'graphql-tag';

const SOURCE = 'source { system status recordRef fetchedAt asOf note rolledUpFrom { unitId code name from to } }';
// What a target's comparison needs from the other subgraphs; the planner fetches it in parallel.
const FIGURES = [
  `unitYear { documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate ${SOURCE} }`,
  `publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate ${SOURCE} }`,
  `labour { trainedWorkforceRate digitalSkillsRate ${SOURCE} } }`,
].join(' ');

/** The plans subgraph: administrative units over time, the unit-year entity, and the plan registry. */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy"])

  enum UnitLevel {
    PROVINCE
    DISTRICT
    COMMUNE
  }

  """
  An administrative unit as it existed over a validity interval. Codes are reused across the
  1 July 2025 reorganisation (56 is Khánh Hòa before and after it absorbed Ninh Thuận), so the
  identity is \`id\` (code@validFrom), and \`code\` is an ordinary field.
  """
  type AdministrativeUnit @key(fields: "id") {
    "Code and first day of validity, e.g. 56@2025-07-01; 'origin' when in force before the period covered."
    id: ID!
    "Official unit code (mã đơn vị hành chính)."
    code: String!
    "Official Vietnamese name, with diacritics."
    name: String!
    level: UnitLevel!
    "First day in force (ISO date); null when in force before the period the reference data covers."
    validFrom: String
    "Last day in force (ISO date, inclusive); null while in force."
    validTo: String
    "False when the reference data marks a fact about this unit as unconfirmed (see notes)."
    confirmed: Boolean!
    "Caveats from the reference data, verbatim."
    notes: String
    parent: AdministrativeUnit
    "Districts under a province (before 1 July 2025), where the registry holds them."
    children: [AdministrativeUnit!]!
    "Units merged (or renamed) into this one on its first day."
    predecessors: [AdministrativeUnit!]!
    "The unit this one merged (or was renamed) into, the day after it ceased."
    successors: [AdministrativeUnit!]!
    "This unit's figures for one calendar year; before a merger, its predecessors' records."
    year(year: Int!): UnitYear @authenticated @policy(policies: [["unitYear:read"]])
    "Consecutive years, for time series."
    years(from: Int!, to: Int!): [UnitYear!]! @authenticated @policy(policies: [["unitYear:read"]])
    "Plans this unit issued; with includePredecessors, also those of the units merged into it."
    plans(includePredecessors: Boolean = false): [Plan!]!
  }

  "One unit and one calendar year. Each source subgraph contributes its statistics."
  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
    unit: AdministrativeUnit!
    "Whose records make up this year, by upstream code and dates."
    recordScopes: [RecordScope!]!
    "True when the figures come (partly) from other units' records, e.g. a merged unit's predecessors."
    rolledUp: Boolean!
    """
    For a unit formed by a merger, the same year of each unit merged into it (empty otherwise):
    from DTI 2024 a merged province is assessed on the average of its predecessors' values.
    """
    predecessorYears: [UnitYear!]! @authenticated @policy(policies: [["unitYear:read"]])
    "Plans in force for this unit by the end of the year (the registry's view)."
    plans: PlanYearSummary @authenticated @policy(policies: [["unitYear:read"]])
    documents: DocumentStats @external
    publicServices: PublicServiceStats @external
    labour: LabourStats @external
  }

  # The figures a target is compared with, as their owning subgraphs define them.
  type DocumentStats {
    signedDigitallyRate: Float @external
    sentElectronicallyRate: Float @external
    workRecordsOnlineRate: Float @external
    source: Provenance! @external
  }

  type PublicServiceStats {
    fullyOnlineProcedureRate: Float @external
    onlineDossierRate: Float @external
    onTimeRate: Float @external
    digitisedDossierRate: Float @external
    onlinePaymentRate: Float @external
    source: Provenance! @external
  }

  type LabourStats {
    trainedWorkforceRate: Float @external
    digitalSkillsRate: Float @external
    source: Provenance! @external
  }

  type PlanYearSummary {
    plans: [Plan!]!
    planCount: Int!
    source: Provenance!
  }

  "A digital-transformation plan held by the plan registry."
  type Plan @key(fields: "id") {
    id: ID!
    "Document symbol, e.g. 4949/KH-UBND."
    symbol: String!
    title: String
    issuer: String!
    "ISO date of issue."
    issuedOn: String!
    "Symbols of the documents the plan implements, e.g. 749/QĐ-TTg."
    legalBasis: [String!]!
    "The unit that issued it, as the unit was on the issue date."
    unit: AdministrativeUnit
    "Source document file in the registry."
    documentFile: String
    "Measurable targets (chỉ tiêu) as the document states them."
    targets: [PlanTarget!]!
    "Tasks (nhiệm vụ) with lead and cooperating agencies."
    tasks: [PlanTask!]!
    "Budget per year, where the document gives it."
    budget: [BudgetLine!]!
    "Total budget in đồng, where the document states one (never summed by us)."
    budgetTotalVND: Float
  }

  enum TargetUnit {
    PERCENT
    COUNT
    VND
  }

  "A target a plan sets, e.g. 90% of work records at province level handled online by 2025."
  type PlanTarget {
    "The measured thing as written."
    text: String!
    "Lower bound (a single value has min = max); null for a ceiling ('dưới 5%')."
    min: Float
    "Upper bound; null for a floor ('trên 80%')."
    max: Float
    unit: TargetUnit!
    targetYear: Int
    "Administrative level the target applies to, when the text says."
    level: UnitLevel
    "The measured indicator the target names; null where none matches (never a guess)."
    indicator: TargetIndicator
    "The owning system's figure for a year, compared with the target."
    actual(year: Int!): TargetActual @authenticated @policy(policies: [["unitYear:read"]])
  }

  type TargetIndicator {
    code: String!
    "Vietnamese name."
    name: String!
    nameEn: String!
    sourceSystem: SourceSystem!
    "False: which DTI component the input feeds is our judgement, not a confirmed fact."
    confirmed: Boolean!
    "The phrase in the target that made the link."
    matchedOn: String!
  }

  "A target against what the owning system measured, with provenance."
  type TargetActual @key(fields: "planId targetIndex year") {
    planId: ID!
    targetIndex: Int!
    year: Int!
    "The unit-year the figure comes from (the plan's unit; before a merger, as it was)."
    unitYear: UnitYear
    "Whether the target's year has come."
    due: Boolean
    "The measured value in the target's unit (percent for rates)."
    value: Float @requires(fields: "${FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    "Whether the value meets the target; null when there is nothing to compare."
    met: Boolean @requires(fields: "${FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    status: ProvenanceStatus! @requires(fields: "${FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    source: Provenance @requires(fields: "${FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    note: String @requires(fields: "${FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
  }

  type PlanTask {
    title: String!
    "Lead agencies (đơn vị chủ trì), as named in the plan."
    lead: [TaskAgency!]!
    "Cooperating agencies (đơn vị phối hợp)."
    cooperating: [TaskAgency!]!
    timeframe: Timeframe
    "Expected result (kết quả, sản phẩm)."
    result: String
  }

  """
  An agency as a plan names it. An entity so that the documents subgraph can link the mention to
  its Agency directory: the key carries the unit and the date the name is to be read against.
  """
  type TaskAgency @key(fields: "name unitId onDate") {
    "As written in the plan, e.g. 'Sở Thông tin và Truyền thông', 'Các sở, ban, ngành'."
    name: String!
    "The plan's unit as on its issue date (code@validFrom)."
    unitId: ID!
    "ISO date the name is read on: the plan's issue date."
    onDate: String!
  }

  type Timeframe {
    "As written, e.g. 'Quý III/2024'."
    text: String
    "First day (ISO), where the text gives one."
    from: String
    "Last day (ISO), where the text gives one."
    to: String
  }

  type BudgetLine {
    year: Int!
    "Amount in đồng (exceeds 32-bit integers, hence Float)."
    amountVND: Float!
  }

  type Mutation {
    """
    Adds a plan document to the registry: the text is parsed (symbol, issuer, date, legal basis,
    targets, tasks, budget) and stored only if it parses; otherwise the error lists what failed.
    """
    importPlan(unitCode: String!, text: String!, title: String): Plan! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["plan:import"]])
  }

  type DataYears {
    first: Int!
    last: Int!
  }

  type Query {
    "The unit a code names on a date (today by default)."
    unit(code: String!, asOf: String): AdministrativeUnit
    "A unit by its identity (code@validFrom)."
    unitById(id: ID!): AdministrativeUnit
    "Units of a level in force on a date (today by default): 34 provinces since 1 July 2025, 63 before."
    units(level: UnitLevel = PROVINCE, asOf: String): [AdministrativeUnit!]!
    "The years the connected systems hold data for."
    dataYears: DataYears!
  }
`);
