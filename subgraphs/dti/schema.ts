import { gql } from 'graphql-tag';

const provenanceSelection = 'source { system status recordRef fetchedAt asOf note rolledUpFrom { unitId code name from to } }';

/** A unit-year's own source figures the assessment reads. */
const SOURCE_FIGURES =
  `documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate ${provenanceSelection} } ` +
  `publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate ${provenanceSelection} } ` +
  `labour { trainedWorkforceRate digitalSkillsRate synthetic ${provenanceSelection} } ` +
  `plans { planCount ${provenanceSelection} }`;

/**
 * Fields of the source subgraphs the DTI assessment is computed from (the router fetches them first):
 * the unit-year's own figures and the same figures for each predecessor's year, since from DTI 2024 a
 * merged province is scored on the mean of its predecessors' main-indicator values.
 */
export const SYSTEM_REQUIRES = `${SOURCE_FIGURES} predecessorYears { ${SOURCE_FIGURES} }`;

/** The same, and the approved manual entries (submissions subgraph) that fill what no system measures. */
export const DTI_REQUIRES =
  `${SYSTEM_REQUIRES} ` +
  'approvedEntries { id indicatorCode value overridesSystemValue approvedAt ' +
  'evidence { documentSymbol documentDate url fileId fileName fileSize note } enteredBy { subject name } approvedBy { subject name } }';

/** The subgraph owning each UnitYear field the requires above name (a REQUIRES_FIELD_MISSING error names it). */
export const UNIT_YEAR_OWNERS: Readonly<Record<string, string>> = {
  unitId: 'dti',
  year: 'dti',
  predecessorYears: 'dti',
  plans: 'plans',
  documents: 'documents',
  publicServices: 'services',
  publicServiceIndexCounts: 'services',
  labour: 'labour',
  approvedEntries: 'submissions',
};

/** The national portal's 766 counts (services subgraph, PublicServiceIndexCounts), by GraphQL field. */
export const COUNTS_766_FIELDS = [
  'proceduresTotal',
  'proceduresAnnounced',
  'proceduresAnnouncedOnTime',
  'proceduresPublicisationRequired',
  'proceduresPublicisedOnTime',
  'proceduresPublished',
  'proceduresPublishedComplete',
  'proceduresWithOnlineService',
  'onlineServices',
  'onlineServicesWithDossiers',
  'proceduresFeeBearing',
  'proceduresFeeBearingWithOnlinePayment',
  'dossiersReceived',
  'dossiersSyncedToNationalPortal',
  'dossiersReceivedOnline',
  'dossiersHandled',
  'dossiersHandledOnTime',
  'dossiersCompleted',
  'totalProcessingDays',
  'dossiersFeeBearing',
  'dossiersFeeBearingZeroAmount',
  'dossiersPaidOnline',
  'dossiersWrittenResultRequired',
  'dossiersElectronicResult',
  'dossiersDigitised',
  'dossiersReusedDigitisedData',
  'dossiersLinkedToCitizenData',
  'dossiersForCitizens',
  'dossiersUsingPopulationData',
  'dossiersWithComplaintOrDislike',
  'feedbackTotal',
  'feedbackClassified',
  'feedbackHandledOnTime',
  'feedbackDissatisfiedOrOverdue',
] as const;

/** Portal counts the 766 index estimate is computed from: the 766 counts, and the monthly statistics as a fallback. */
export const INDEX766_REQUIRES =
  `publicServiceIndexCounts { ${COUNTS_766_FIELDS.join(' ')} ${provenanceSelection} } ` +
  'publicServices { proceduresTotal proceduresPublished proceduresFullyOnline proceduresPartlyOnline dossiersReceived dossiersOnline ' +
  `dossiersResolved dossiersResolvedOnTime dossiersDigitised dossiersWithFees dossiersPaidOnline ${provenanceSelection} }`;

/**
 * The dti subgraph: the reference data (administrative units over time and the unit-year entity, the indicator
 * catalogue), scoring, and the assessment of a unit-year from the other subgraphs' figures. It has no upstream, so
 * the units and record scopes every source needs are answered before any upstream call.
 */
export const typeDefs = gql(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy", "@inaccessible"])

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
    "First day in force (ISO date); null when the reference data gives no start (see startKnown)."
    validFrom: String
    """
    False when the reference data gives no start date: the unit was in force before the period
    researched, since an unknown date. Dates before the first day records are held for
    (dataYears.first, 1 January) are refused with BAD_USER_INPUT rather than answered as if such
    units had existed forever.
    """
    startKnown: Boolean!
    "Last day in force (ISO date, inclusive); null while in force."
    validTo: String
    "False when the reference data marks a fact about this unit as unconfirmed (see notes)."
    confirmed: Boolean!
    "Caveats from the reference data, verbatim."
    notes: String
    parent: AdministrativeUnit
    "Districts under a province (before 1 July 2025), where the reference data holds them."
    children: [AdministrativeUnit!]!
    "Units merged (or renamed) into this one on its first day."
    predecessors: [AdministrativeUnit!]!
    "The unit this one merged (or was renamed) into, the day after it ceased."
    successors: [AdministrativeUnit!]!
    "This unit's figures for one calendar year; before a merger, its predecessors' records."
    year(year: Int!): UnitYear @authenticated @policy(policies: [["unitYear:read"]])
    "Consecutive years, for time series."
    years(from: Int!, to: Int!): [UnitYear!]! @authenticated @policy(policies: [["unitYear:read"]])
  }

  type DataYears {
    first: Int!
    last: Int!
  }

  type Query {
    """
    The unit a code names on a date (today by default). asOf before 1 January of dataYears.first
    is BAD_USER_INPUT: the reference gives no start date for the units in force then.
    """
    unit(code: String!, asOf: String): AdministrativeUnit
    "A unit by its identity (code@validFrom)."
    unitById(id: ID!): AdministrativeUnit
    """
    Units of a level in force on a date (today by default): 34 provinces since 1 July 2025, 63 before,
    back to 1 January of dataYears.first; an earlier asOf is BAD_USER_INPUT.
    """
    units(level: UnitLevel = PROVINCE, asOf: String): [AdministrativeUnit!]!
    "The years the connected systems hold data for."
    dataYears: DataYears!
    """
    What-if scoring: the DTI total from main-indicator values (pillar values under 1726) as the ministry computes it; the function the assessment uses.
    Until the official points of a methodology are confirmed (405), provisionalPoints may stand in for them: the answer then says provisional: true
    and its reason starts with PROVISIONAL. Points already confirmed cannot be overridden.
    """
    dtiScore(methodology: String!, mainIndicatorValues: [MainIndicatorValueInput!]!, provisionalPoints: [ProvisionalPointsInput!]): DtiScore
    "Every catalogue version, the built-in one first: what each governs and where it comes from."
    catalogueVersions: [CatalogueVersion!]!
    "The indicator catalogue: every methodology (or the one named, or the one governing a DTI year), with points, confirmation flags, citations and our input mapping."
    dtiCatalogue(methodology: String, year: Int): DtiCatalogue!
  }

  "One unit and one calendar year. Each source subgraph contributes its statistics; dti adds the DTI assessment computed from them."
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
    documents: DocumentStats @external
    publicServices: PublicServiceStats @external
    publicServiceIndexCounts: PublicServiceIndexCounts @external
    labour: LabourStats @external
    plans: PlanYearSummary @external
    approvedEntries: [ApprovedEntry!] @external
    "The DTI self-assessment of this unit for this DTI year, from every connected system, with provenance; partial when a source is down."
    dti: DtiAssessment @requires(fields: "${DTI_REQUIRES}") @authenticated @policy(policies: [["unitYear:read"]])
    """
    What the connected systems alone say of each main indicator they measure (no manual entry involved): the same
    computation as dti. The submissions subgraph reads it (@requires) to check a manual value against it before submission.
    Null (with an error) only when a source's figures could not be read at all; a system down is a figure with status SOURCE_UNAVAILABLE.
    """
    systemFigures: [SystemFigure!] @requires(fields: "${SYSTEM_REQUIRES}") @authenticated @policy(policies: [["unitYear:read"]])
    "Estimate of the 766/QĐ-TTg public-service index (100 points) from the portal's counts; never official."
    publicServiceIndex766: PublicServiceIndex766 @requires(fields: "${INDEX766_REQUIRES}") @authenticated @policy(policies: [["unitYear:read"]])
  }

  """
  A unit-year's key as the plans subgraph carries it in its target entities' keys. From it this
  subgraph answers their unit-years, so the record scopes the sources need come without a second
  plans (registry) fetch before them.
  """
  type UnitYearKey @shareable @inaccessible {
    unitId: ID!
    year: Int!
  }

  "A plan target against a year's figure (the plans subgraph's); dti answers its unit-year from the key."
  type TargetActual @key(fields: "planId targetIndex year unitYearKey { unitId year }") {
    planId: ID!
    targetIndex: Int!
    year: Int!
    unitYearKey: UnitYearKey! @inaccessible
    "The unit-year the figure comes from (the plan's unit; before a merger, as it was)."
    unitYear: UnitYear
  }

  "A plan target's trajectory (the plans subgraph's); dti answers its unit-years from the key."
  type TargetTrajectory @key(fields: "planId targetIndex through unitYearKeys { unitId year }") {
    planId: ID!
    targetIndex: Int!
    through: Int!
    unitYearKeys: [UnitYearKey!]! @inaccessible
    "The unit-years read, oldest first (the plan's unit; before a merger, rolled up)."
    unitYears: [UnitYear!]!
  }

  "A unit's targets at risk (the plans subgraph's); dti answers the unit-years they read from the key."
  type TargetsAtRisk @key(fields: "unitId through unitYearKeys { unitId year }") {
    unitId: ID!
    through: Int!
    unitYearKeys: [UnitYearKey!]! @inaccessible
    "Every unit-year the unit's linked targets read, each once."
    unitYears: [UnitYear!]!
  }

  type DocumentStats {
    source: Provenance! @external
    signedDigitallyRate: Float @external
    sentElectronicallyRate: Float @external
    workRecordsOnlineRate: Float @external
  }

  type PublicServiceStats {
    source: Provenance! @external
    fullyOnlineProcedureRate: Float @external
    onlineDossierRate: Float @external
    onTimeRate: Float @external
    digitisedDossierRate: Float @external
    onlinePaymentRate: Float @external
    proceduresTotal: Int @external
    proceduresPublished: Int @external
    proceduresFullyOnline: Int @external
    proceduresPartlyOnline: Int @external
    dossiersReceived: Int @external
    dossiersOnline: Int @external
    dossiersResolved: Int @external
    dossiersResolvedOnTime: Int @external
    dossiersDigitised: Int @external
    dossiersWithFees: Int @external
    dossiersPaidOnline: Int @external
  }

  type PublicServiceIndexCounts {
    source: Provenance! @external
    proceduresTotal: Int @external
    proceduresAnnounced: Int @external
    proceduresAnnouncedOnTime: Int @external
    proceduresPublicisationRequired: Int @external
    proceduresPublicisedOnTime: Int @external
    proceduresPublished: Int @external
    proceduresPublishedComplete: Int @external
    proceduresWithOnlineService: Int @external
    onlineServices: Int @external
    onlineServicesWithDossiers: Int @external
    proceduresFeeBearing: Int @external
    proceduresFeeBearingWithOnlinePayment: Int @external
    dossiersReceived: Int @external
    dossiersSyncedToNationalPortal: Int @external
    dossiersReceivedOnline: Int @external
    dossiersHandled: Int @external
    dossiersHandledOnTime: Int @external
    dossiersCompleted: Int @external
    totalProcessingDays: Float @external
    dossiersFeeBearing: Int @external
    dossiersFeeBearingZeroAmount: Int @external
    dossiersPaidOnline: Int @external
    dossiersWrittenResultRequired: Int @external
    dossiersElectronicResult: Int @external
    dossiersDigitised: Int @external
    dossiersReusedDigitisedData: Int @external
    dossiersLinkedToCitizenData: Int @external
    dossiersForCitizens: Int @external
    dossiersUsingPopulationData: Int @external
    dossiersWithComplaintOrDislike: Int @external
    feedbackTotal: Int @external
    feedbackClassified: Int @external
    feedbackHandledOnTime: Int @external
    feedbackDissatisfiedOrOverdue: Int @external
  }

  type LabourStats {
    source: Provenance! @external
    synthetic: Boolean! @external
    trainedWorkforceRate: Float @external
    digitalSkillsRate: Float @external
  }

  "A connected system's figure for one main indicator of a unit-year's methodology."
  type SystemFigure {
    indicatorCode: String!
    "0–1; null when the systems' figures are unavailable or missing (status says which)."
    value: Float
    "The connected systems whose inputs feed the indicator, as Provenance.system and DtiInputDefinition.sourceSystem name them (alphabetical)."
    systems: [SourceSystem!]!
    "The same systems, comma-separated (e.g. DOCUMENTS, SERVICES)."
    system: String! @deprecated(reason: "Use systems: the same systems as a list of SourceSystem values.")
    status: ProvenanceStatus!
    "The latest date the figures describe (or were fetched at); null when none arrived."
    asOf: String
  }

  "An approved manual entry (owned by the submissions subgraph)."
  type ApprovedEntry {
    id: ID! @external
    indicatorCode: String! @external
    value: Float! @external
    overridesSystemValue: Boolean! @external
    evidence: [Evidence!]! @external
    enteredBy: Person! @external
    approvedBy: Person! @external
    approvedAt: String! @external
  }

  type Evidence {
    documentSymbol: String @external
    documentDate: String @external
    url: String @external
    fileId: ID @external
    fileName: String @external
    fileSize: Int @external
    note: String @external
  }

  type Person {
    subject: ID! @external
    name: String @external
  }

  "An approved manual entry as the assessment shows it: value, evidence, who entered and who approved it."
  type DtiManualValue {
    id: ID!
    value: Float!
    "The reviewer's approval says this value overrides a connected system's figure."
    overridesSystemValue: Boolean!
    approvedAt: String!
    evidence: [DtiManualEvidence!]!
    enteredBy: DtiPerson!
    approvedBy: DtiPerson!
  }

  type DtiManualEvidence {
    documentSymbol: String
    documentDate: String
    url: String
    fileId: ID
    fileName: String
    fileSize: Int
    note: String
  }

  type DtiPerson {
    subject: ID!
    name: String
  }

  type PlanYearSummary {
    planCount: Int! @external
    source: Provenance! @external
  }

  input ProvisionalPointsInput {
    "Main-indicator code whose official points are unconfirmed, e.g. 405-M-1."
    code: String!
    "Points the user assumes for it until the ministry's are known."
    points: Float!
  }

  "A version of the indicator catalogue (methodologies, points, 766 formulas)."
  type CatalogueVersion {
    "The catalogue's own version string."
    version: String!
    "The guidance the version comes from."
    citation: String!
    "First DTI year it governs."
    effectiveFrom: Int!
    "Last DTI year it governs; null until a later version takes over."
    effectiveTo: Int
    "When an administrator loaded it; null for the built-in catalogue."
    loadedAt: String
    builtIn: Boolean!
  }

  type Mutation {
    """
    Loads a new catalogue version (administrators only): a JSON file with citation, effectiveYears { from to }
    and catalogue (the schema of schema/dti/catalogue.json). A malformed file is BAD_USER_INPUT, a version or
    start year already loaded is CONFLICT; on any refusal the versions in force stay as they were. Every
    earlier version is kept.
    """
    loadCatalogueVersion(file: String!): CatalogueVersion! @authenticated @requiresScopes(scopes: [["ADMIN"]])
  }

  input MainIndicatorValueInput {
    "Main-indicator code, e.g. 922-M-7 (under 1726: a pillar code, CQS, KTS or XHS)."
    code: String!
    "Normalised value from 0 to 1, as dti.gov.vn publishes it."
    value: Float!
  }

  "What the methodology's total is a weighted sum of."
  enum DtiScoredLevel {
    "The three pillars (1726/QĐ-BTTTT, DTI 2020)."
    PILLAR
    "The main indicators (922/QĐ-BTTTT and later)."
    MAIN_INDICATOR
  }

  "A DTI total: Σ(points × value) ÷ total points over the weighted items."
  type DtiScore {
    methodology: String!
    "True when user-supplied provisional points stood in for unconfirmed official ones: never the official score."
    provisional: Boolean!
    scoredLevel: DtiScoredLevel!
    "0–1 on the published scale; null when the points are unconfirmed (405) or nothing weighted has a value — see reason."
    score: Float
    "Full scale of score (1)."
    maxScore: Float!
    "Weighted points earned, on the scale of totalPoints."
    points: Float
    totalPoints: Float
    "Points of the items that have a value."
    coveredPoints: Float
    "coveredPoints ÷ totalPoints: below 1 means the score is so far, with the rest counted as zero."
    completeness: Float
    "points ÷ coveredPoints: the level on what was measured (not comparable with published totals)."
    scoreOnCovered: Float
    itemsWithValue: Int!
    itemsTotal: Int!
    "Why score is null or partial; null for a complete, confirmed score."
    reason: String
    "Whether the aggregation rule and every weight used are confirmed by the reference."
    confirmed: Boolean!
    contributions: [DtiScoreContribution!]!
  }

  type DtiScoreContribution {
    code: String!
    name: String!
    nameEn: String!
    "Null where the reference does not confirm the points."
    maxPoints: Float
    value: Float
    points: Float
  }

  "Whether any connected system measures (part of) a main indicator."
  enum DtiCollectionStatus {
    "Some of our inputs feed it, as a proxy for its component indicators."
    PARTIAL
    "None of our systems measures it; see dataHeldBy."
    NOT_COLLECTED
  }

  enum DtiPillarCode {
    CQS
    KTS
    XHS
  }

  enum DtiInputUnit {
    "A share from 0 to 1."
    FRACTION
    "Exactly 0 or 1."
    BOOLEAN
  }

  "A measurable input our systems provide, and the main indicators it feeds."
  type DtiInputDefinition {
    code: String!
    "Vietnamese name."
    name: String!
    nameEn: String!
    unit: DtiInputUnit!
    sourceSystem: SourceSystem!
    "Main-indicator codes (across methodologies) this input feeds."
    feeds: [String!]!
    "True when the input-to-indicator mapping is our judgement, not the methodology's text."
    mappingIsJudgement: Boolean!
    "False when the reference data does not confirm the input as a DTI component."
    confirmed: Boolean!
    citation: String!
    notes: String
  }

  "The versioned indicator catalogue (schema/dti/catalogue.json)."
  type DtiCatalogue {
    version: String!
    description: String!
    methodologies: [DtiMethodology!]!
    inputs: [DtiInputDefinition!]!
    index766: Index766Definition!
  }

  "A DTI methodology decision and its structure."
  type DtiMethodology {
    "Decision code, e.g. 922/QĐ-BTTTT."
    code: String!
    issuer: String!
    issuedOn: String!
    "DTI (evaluation) years it governs."
    dtiYears: [Int!]!
    "True when it also governs later years until a newer decision is known."
    dtiYearsOpenEnded: Boolean!
    publishedOn: String
    "Null where the reference does not confirm the scale."
    totalPoints: Float
    totalPointsConfirmed: Boolean!
    componentCount: Int!
    componentCountNote: String!
    scoredLevel: DtiScoredLevel!
    aggregation: DtiAggregation!
    pillars: [DtiPillar!]!
    groups: [DtiIndicatorGroup!]!
    mainIndicators: [DtiMainIndicatorDefinition!]!
    citation: String!
    notes: String
  }

  type DtiAggregation {
    formula: String!
    formulaEn: String!
    confirmed: Boolean!
    citation: String!
    notes: String
  }

  type DtiPillar {
    code: DtiPillarCode!
    name: String!
    nameEn: String!
    maxPoints: Float
    confirmed: Boolean!
    citation: String!
    notes: String
  }

  type DtiIndicatorGroup {
    code: String!
    name: String!
    nameEn: String!
    maxPoints: Float
    confirmed: Boolean!
    citation: String!
  }

  type DtiMainIndicatorDefinition {
    code: String!
    pillar: DtiPillarCode
    group: String
    name: String!
    nameEn: String!
    "Null where the reference does not confirm the points (405)."
    maxPoints: Float
    pointsConfirmed: Boolean!
    componentCount: Int
    "Name and existence confirmed by the reference (points carry pointsConfirmed)."
    confirmed: Boolean!
    status: DtiCollectionStatus!
    "Who holds the data for it."
    dataHeldBy: String!
    citation: String!
    notes: String
    "Our inputs that feed it."
    inputs: [DtiInputDefinition!]!
  }

  enum Index766Unit {
    FRACTION
    DAYS
  }

  type Index766Definition {
    code: String!
    issuedOn: String!
    totalPoints: Float!
    totalPointsConfirmed: Boolean!
    citation: String!
    "How our estimate places points where the official ones are unconfirmed."
    estimateRule: String!
    groups: [Index766GroupDefinition!]!
    indicators: [Index766IndicatorDefinition!]!
  }

  type Index766GroupDefinition {
    code: String!
    name: String!
    nameEn: String!
    maxPoints: Float!
    confirmed: Boolean!
    citation: String!
    conflicts: [String!]!
  }

  type Index766IndicatorDefinition {
    code: String!
    group: String!
    name: String!
    nameEn: String!
    formula: String!
    unit: Index766Unit!
    maxPoints: Float
    pointsConfirmed: Boolean!
    "Name and formula confirmed by (a summary of) the official text."
    confirmed: Boolean!
    fullMarksAt: Float
    thresholdConfirmed: Boolean!
    citation: String!
    notes: String
  }

  "How a main indicator's value was obtained."
  enum DtiValueBasis {
    "Mean of our mapped inputs (the official component formula is unconfirmed)."
    ESTIMATE
    "Given directly."
    SUPPLIED
    "No value."
    NONE
    "Mean of the predecessors' values (a province merged into this unit): see predecessorValues."
    PREDECESSOR_AVERAGE
    "An approved manual entry of the DTI team (submissions): see manual and source."
    MANUAL
  }

  "A unit-year's DTI self-assessment. An incomplete one reads as 'so far': see completeness, missing and scoreNote."
  type DtiAssessment {
    year: Int!
    "The catalogue version that scored this assessment (the one governing its year)."
    catalogueVersion: CatalogueVersion!
    "Code of the methodology governing this DTI year, e.g. 922/QĐ-BTTTT."
    methodology: String!
    "0–1 on the published scale, counting only main indicators with a value; null when the points are unconfirmed (405) — see scoreNote."
    score: Float
    "Full scale of score (1)."
    maxScore: Float!
    "Share of the methodology's points that have a value; null when the points are unconfirmed."
    completeness: Float
    "Why score is null or partial, and that it is an estimate."
    scoreNote: String
    "True only for a score from confirmed weights over non-estimated values."
    scoreConfirmed: Boolean!
    "True when main-indicator values are our estimates from proxy inputs: not comparable with the published DTI."
    estimate: Boolean!
    "True when some input comes from synthetic (simulated) source figures."
    synthetic: Boolean!
    points: Float
    totalPoints: Float
    coveredPoints: Float
    mainIndicators: [DtiMainIndicatorValue!]!
    inputs: [DtiInput!]!
    "What the score lacks, and why."
    missing: [DtiMissingItem!]!
    notes: [String!]!
    "Set when this unit-year's records come from several units (a merged province)."
    merger: DtiMerger
    "The ministry's published result for this unit and year, where the reference has it."
    published: DtiPublishedResult
    "The methodology's citation."
    citation: String!
  }

  type DtiMainIndicatorValue {
    code: String!
    name: String!
    nameEn: String!
    pillar: DtiPillarCode
    "Null where the reference does not confirm the points (405)."
    maxPoints: Float
    pointsConfirmed: Boolean!
    confirmed: Boolean!
    "0–1; null when no input has a value."
    value: Float
    "OK: every mapped input has a value; PARTIAL: some lack one; STALE: a stale input entered it; MISSING / SOURCE_UNAVAILABLE: none has; NOT_COLLECTED: no system measures it."
    status: ProvenanceStatus!
    basis: DtiValueBasis!
    "True when the value is our proxy estimate, not the official component formula."
    estimate: Boolean!
    inputsUsed: [String!]!
    inputsUnavailable: [String!]!
    collectionStatus: DtiCollectionStatus!
    dataHeldBy: String!
    "How the value was obtained, or why there is none."
    note: String
    citation: String!
    "For a merged province from DTI 2024: how many predecessors the mean is over (those with a value); null otherwise."
    predecessorsWithValue: Int
    "For a merged province from DTI 2024: how many predecessors it has; null otherwise."
    predecessorCount: Int
    "For a merged province from DTI 2024: each predecessor's value of this main indicator (empty otherwise)."
    predecessorValues: [DtiPredecessorValue!]!
    "Provenance of the approved manual entry (system MANUAL) where there is one; null otherwise."
    source: Provenance
    "The approved manual entry for this main indicator, with its evidence and who vouched for it."
    manual: DtiManualValue
    "The value from the connected systems alone (null when they measure none)."
    systemValue: Float
    "True when the system figure and the approved manual value differ beyond the tolerance; value is the system figure unless the approval overrides it."
    conflict: Boolean!
  }

  "A predecessor's value of a main indicator, assessed on its own figures."
  type DtiPredecessorValue {
    unit: RecordScope!
    "0–1; null when it has none (see status)."
    value: Float
    status: ProvenanceStatus!
  }

  "One catalogue input for the unit-year: value, status and where it came from."
  type DtiInput {
    indicator: DtiInputDefinition!
    "0–1; null unless status is OK, PARTIAL or STALE."
    value: Float
    status: ProvenanceStatus!
    "Whether the value entered a main-indicator estimate."
    used: Boolean!
    "Main indicators of this year's methodology it feeds."
    feeds: [String!]!
    "Provenance of the source figure; null when the source sent nothing (see note)."
    source: Provenance
    "Why the status is not OK (naming the system), or how the value was read."
    note: String
  }

  enum DtiMissingKind {
    INPUT
    MAIN_INDICATOR
    "A predecessor of a merged province whose figures did not all arrive (code is its unitId)."
    PREDECESSOR
  }

  type DtiMissingItem {
    kind: DtiMissingKind!
    code: String!
    status: ProvenanceStatus!
    reason: String!
    "For a main indicator: the body that holds the data (the DTI team's to-do list)."
    heldBy: String
  }

  enum DtiMergerBasis {
    "Computed on figures the sources rolled up over the predecessors' records (not a per-predecessor average)."
    ROLLED_UP_INPUTS
    "Each main indicator is the mean of the predecessors' values, each assessed on its own figures (DTI 2024 on)."
    PREDECESSOR_AVERAGE
  }

  type DtiMerger {
    "The other units whose records make up this year."
    predecessors: [RecordScope!]!
    basis: DtiMergerBasis!
    "The methodology's rule for merged provinces this year, where it has one."
    rule: String
    "Where the rule comes from."
    ruleCitation: String
    "The catalogue's confirmation flag of the aggregation entry the rule belongs to (false for 405: its points are unconfirmed)."
    ruleConfirmed: Boolean
    "How the predecessors' figures stood (PREDECESSOR_AVERAGE only): PARTIAL when some did not arrive."
    status: ProvenanceStatus
    "Each predecessor's standing (PREDECESSOR_AVERAGE only)."
    predecessorAssessments: [DtiPredecessorAssessment!]!
    note: String!
  }

  "A predecessor of a merged province, assessed on its own figures for the year."
  type DtiPredecessorAssessment {
    unit: RecordScope!
    "OK; PARTIAL when some of its inputs are unavailable; SOURCE_UNAVAILABLE or MISSING when it has no value at all."
    status: ProvenanceStatus!
    "Systems that did not answer for it."
    unavailableSystems: [SourceSystem!]!
    "Inputs (feeding a main indicator) without a value."
    inputsUnavailable: [String!]!
    "What it lacks and what that leaves out of the average."
    note: String
  }

  type DtiPublishedValue {
    code: String!
    value: Float
    rank: Int
  }

  "A result the ministry published (schema/dti/published.json)."
  type DtiPublishedResult {
    year: Int!
    "Name as the source printed it."
    name: String!
    "0–1; null where only the rank is known."
    score: Float
    "Null where only a band is known; see notes."
    rank: Int
    "False where the values rest on a third-party compilation or the rank order is in doubt."
    confirmed: Boolean!
    "A: dti.gov.vn; B: press quoting the ministry; C: third-party compilation."
    grade: String!
    source: String!
    notes: String
    pillars: [DtiPublishedValue!]!
    mainIndicators: [DtiPublishedValue!]!
  }

  "An estimate of the 766/QĐ-TTg index: never official (see reason)."
  type PublicServiceIndex766 {
    "Points of maxScore; null when the portal's counts are unavailable."
    score: Float
    maxScore: Float!
    completeness: Float
    "Always false: several points and formulas are unconfirmed."
    confirmed: Boolean!
    estimate: Boolean!
    status: ProvenanceStatus!
    reason: String!
    groups: [Index766GroupScore!]!
    indicators: [Index766IndicatorScore!]!
    "Provenance of the portal's counts; null when the portal sent nothing."
    source: Provenance
    citation: String!
  }

  type Index766GroupScore {
    code: String!
    name: String!
    nameEn: String!
    score: Float
    maxScore: Float!
    maxScoreConfirmed: Boolean!
    completeness: Float
    conflicts: [String!]!
  }

  type Index766IndicatorScore {
    code: String!
    group: String!
    name: String!
    nameEn: String!
    unit: Index766Unit!
    "Rate 0–1 (days for 2.2); null when missing."
    value: Float
    attainment: Float
    points: Float
    weight: Float!
    weightConfirmed: Boolean!
    formulaConfirmed: Boolean!
    missingReason: String
    note: String
  }
`);
