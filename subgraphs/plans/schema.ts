import { gql } from 'graphql-tag';

const SOURCE = 'source { system status recordRef fetchedAt asOf note rolledUpFrom { unitId code name from to } }';
// What a target's comparison needs from the other subgraphs; the planner fetches it in parallel.
const FIGURES = [
  `unitYear { documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate ${SOURCE} }`,
  `publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate ${SOURCE} }`,
  `labour { trainedWorkforceRate digitalSkillsRate ${SOURCE} } }`,
].join(' ');
// The same figures for every year a trajectory reads, paired with the unit-years by position.
const YEAR_FIGURES = [
  `unitYears { documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate ${SOURCE} }`,
  `publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate ${SOURCE} }`,
  `labour { trainedWorkforceRate digitalSkillsRate ${SOURCE} } }`,
].join(' ');

/** The plans subgraph: the plan registry, and what it adds to the units and unit-years the dti subgraph owns. */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy", "@inaccessible"])

  enum UnitLevel {
    PROVINCE
    DISTRICT
    COMMUNE
  }

  """
  An administrative unit (owned by the dti subgraph, with the unit reference data): plans adds the
  plans it issued and its targets at risk.
  """
  type AdministrativeUnit @key(fields: "id") {
    id: ID!
    "Plans this unit issued; with includePredecessors, also those of the units merged into it."
    plans(includePredecessors: Boolean = false): [Plan!]!
    """
    Targets of this unit's plans (and of the units merged into it) that are AT_RISK or OFF_TRACK
    by their figures through \`year\` (default: the last data year): off track first, then by
    shortfall, largest first.
    """
    targetsAtRisk(year: Int): TargetsAtRisk @authenticated @policy(policies: [["unitYear:read"]])
  }

  "A unit's year (owned by the dti subgraph); plans adds the plans in force, from the plan registry."
  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
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
    "Administrative level the target applies to: the one its sentence names, else the issuing body's (a district plan sets district targets); null when neither is known."
    level: UnitLevel
    "The measured indicator the target names; null where none matches (never a guess)."
    indicator: TargetIndicator
    "The owning system's figure for a year, compared with the target."
    actual(year: Int!): TargetActual @authenticated @policy(policies: [["unitYear:read"]])
    """
    Whether the target will be reached: the owning system's value for every year from the first
    data year through \`through\` (default: the last data year) or the target year, a projection
    to the target year from the observed trend, and the verdict of the first rule that holds.
    """
    trajectory(through: Int): TargetTrajectory @authenticated @policy(policies: [["unitYear:read"]])
  }

  enum TrajectoryVerdict {
    "The projection to the target year meets the target."
    ON_TRACK
    "The projection misses the target by a small margin (see rule)."
    AT_RISK
    "The projection misses by more, or the target year was measured and missed."
    OFF_TRACK
    "The latest measured value meets the target."
    MET
    "No comparable figure, or fewer than two measured years to project from."
    NOT_MEASURABLE
  }

  "One year of a trajectory: the owning system's value in the target's unit, with provenance."
  type TrajectoryPoint {
    year: Int!
    "Null when that year has no comparable figure (status and source say why)."
    value: Float
    status: ProvenanceStatus!
    source: Provenance
  }

  type TrajectoryProjection {
    year: Int!
    value: Float!
  }

  """
  A unit-year's key, carried in the keys of the entities below: the dti subgraph answers their
  unit-years (and the record scopes the sources need) from the key, without a plans fetch of its own.
  """
  type UnitYearKey @shareable @inaccessible {
    unitId: ID!
    year: Int!
  }

  "A target's trajectory, computed from the source subgraphs' figures handed over by the planner."
  type TargetTrajectory @key(fields: "planId targetIndex through unitYearKeys { unitId year }") {
    planId: ID!
    targetIndex: Int!
    "Last year read."
    through: Int!
    "The unit-years read, oldest first: computed here, answered by the dti subgraph as unitYears."
    unitYearKeys: [UnitYearKey!]! @inaccessible
    "The unit-years read, oldest first (the plan's unit; before a merger, rolled up)."
    unitYears: [UnitYear!]! @external
    points: [TrajectoryPoint!]! @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    "Null from fewer than two measured years, or when the target year has been measured."
    projection: TrajectoryProjection @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    "How the projection was made, e.g. least-squares linear; null without one."
    method: String @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    verdict: TrajectoryVerdict! @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    "The rule that produced the verdict (id and text; the table is in docs/trajectory.md)."
    rule: String! @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
    "Percentage points by which the projection (or the target-year value) misses the target."
    shortfall: Float @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
  }

  "A unit's targets at risk or off track, worst first, from the figures of every unit-year they read."
  type TargetsAtRisk @key(fields: "unitId through unitYearKeys { unitId year }") {
    unitId: ID!
    through: Int!
    "Every unit-year the unit's linked targets read, each once: answered by the dti subgraph as unitYears."
    unitYearKeys: [UnitYearKey!]! @inaccessible
    unitYears: [UnitYear!]! @external
    targets: [TargetAtRisk!]! @requires(fields: "${YEAR_FIGURES}") @authenticated @policy(policies: [["unitYear:read"]])
  }

  type TargetAtRisk {
    plan: Plan!
    target: PlanTarget!
    verdict: TrajectoryVerdict!
    rule: String!
    shortfall: Float
    projection: TrajectoryProjection
    method: String
    points: [TrajectoryPoint!]!
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
  type TargetActual @key(fields: "planId targetIndex year unitYearKey { unitId year }") {
    planId: ID!
    targetIndex: Int!
    year: Int!
    "The unit-year the figure comes from: computed here, answered by the dti subgraph as unitYear."
    unitYearKey: UnitYearKey! @inaccessible
    "The unit-year the figure comes from (the plan's unit; before a merger, as it was)."
    unitYear: UnitYear @external
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

  """
  What importPlan would read from a plan document and whether it would store it, with nothing
  stored: the same bounds, cleaning, parser and checks.
  """
  type PlanPreview {
    "True when importPlan would accept the document as it stands (the registry may still refuse a duplicate: see warnings)."
    importable: Boolean!
    "Each reason importPlan would refuse the document (size, control characters, no symbol/issuer/date, no unit on the date, issuer not the unit)."
    errors: [PlanImportError!]!
    "What the parser or the checks noted without refusing, e.g. a plan with the same symbol and date already in the registry."
    warnings: [String!]!
    "Document symbol, e.g. 4949/KH-UBND; null when none was found."
    symbol: String
    "The title as importPlan would store it (NFC, trimmed)."
    title: String
    issuer: String
    "Administrative level of the issuing body, from its name; null when the name does not say."
    level: UnitLevel
    "ISO date of issue."
    issuedOn: String
    legalBasis: [String!]!
    "The unit the plan would be filed under: the code's unit in force on the issue date."
    unit: AdministrativeUnit
    targets: [PlanTargetReading!]!
    tasks: [PlanTaskReading!]!
    budget: [BudgetLine!]!
    "Total budget in đồng, where the document states one (never summed by us)."
    budgetTotalVND: Float
  }

  "Why importPlan would refuse a document: message in Vietnamese (what the upload screen shows), messageEn in English."
  type PlanImportError {
    """
    TOO_LONG, LONE_SURROGATE, CONTROL_CHARACTER (the text or title as given); EMPTY_DOCUMENT, NO_SYMBOL,
    NO_TARGETS_OR_TASKS, NO_ISSUER, NO_ISSUE_DATE, NOT_A_PLAN (what the parser found); NO_UNIT_ON_DATE,
    ISSUER_NOT_UNIT (the unit code against the document).
    """
    code: String!
    "The argument at fault: text, title or unitCode."
    field: String!
    message: String!
    messageEn: String!
  }

  "A target as the parser reads it (see PlanTarget; nothing is compared, nothing is stored)."
  type PlanTargetReading {
    text: String!
    min: Float
    max: Float
    unit: TargetUnit!
    targetYear: Int
    level: UnitLevel
    indicator: TargetIndicator
  }

  "A task as the parser reads it: agencies as written."
  type PlanTaskReading {
    title: String!
    lead: [String!]!
    cooperating: [String!]!
    timeframe: Timeframe
    result: String
  }

  type Query {
    """
    Reads a plan document as importPlan would and reports what it would store and every reason it
    would refuse, storing nothing. For an editor of the unit, as importPlan; the text is bounded as
    importPlan's (a longer text is reported, not parsed).
    """
    previewPlan(unitCode: String!, text: String!, title: String): PlanPreview! @authenticated @requiresScopes(scopes: [["EDITOR"]]) @policy(policies: [["plan:import"]])
  }
`);
