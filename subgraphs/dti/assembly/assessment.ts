import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { dtiScore, methodologyForYear, publishedResult } from '../domain/index.ts';
import type { AssessedInput, AssessedMainIndicator, Catalogue, DtiInputCode, DtiScore, Methodology, PublishedResult, PublishedResults } from '../domain/index.ts';
import { inputDefinitionView } from './catalogue-view.ts';
import { assessFacts, mainIndicatorStatus } from './facts-assessment.ts';
import type { CollectedInput } from './inputs.ts';
import { applyManualEntries } from './manual.ts';
import { averageOverPredecessors, MERGED_AVERAGE_FROM_YEAR, predecessorAssessmentView, predecessorsToAverage } from './predecessors.ts';
import type { AveragedMainIndicator, PredecessorAverage, PredecessorValue } from './predecessors.ts';
import type { RecordScopeFacts, SourceProvenance, UnitYearFacts } from './representation.ts';

export { MERGED_AVERAGE_FROM_YEAR } from './predecessors.ts';

/** Reference data the assessment reads. */
export interface AssessmentData {
  readonly catalogue: Catalogue;
  readonly published: PublishedResults;
}

/** How a merged unit's year was assessed. */
export interface MergerView {
  readonly predecessors: readonly RecordScopeFacts[];
  readonly basis: 'ROLLED_UP_INPUTS' | 'PREDECESSOR_AVERAGE';
  /** The methodology's rule for merged provinces, where it has one for this year. */
  readonly rule: string | null;
  readonly ruleCitation: string | null;
  /** The catalogue's confirmation flag of the aggregation entry the rule is part of. */
  readonly ruleConfirmed: boolean | null;
  /** How the predecessors' figures stood (PREDECESSOR_AVERAGE only). */
  readonly status: ProvenanceStatus | null;
  readonly predecessorAssessments: readonly ReturnType<typeof predecessorAssessmentView>[];
  readonly note: string;
}

/** A main indicator's value for the schema. */
export interface MainIndicatorView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly pillar: string | null;
  readonly maxPoints: number | null;
  readonly pointsConfirmed: boolean;
  readonly confirmed: boolean;
  readonly value: number | null;
  readonly status: ProvenanceStatus;
  readonly basis: AssessedMainIndicator['basis'] | 'PREDECESSOR_AVERAGE' | 'MANUAL';
  readonly estimate: boolean;
  readonly inputsUsed: readonly string[];
  readonly inputsUnavailable: readonly string[];
  readonly collectionStatus: AssessedMainIndicator['collectionStatus'];
  readonly dataHeldBy: string;
  readonly note: string | null;
  readonly citation: string;
  readonly predecessorsWithValue: number | null;
  readonly predecessorCount: number | null;
  readonly predecessorValues: readonly PredecessorValue[];
}

export interface MissingView {
  readonly kind: 'INPUT' | 'MAIN_INDICATOR' | 'PREDECESSOR';
  readonly code: string;
  readonly status: ProvenanceStatus;
  readonly reason: string;
}

/** A published result for the schema. */
export function publishedView(r: PublishedResult) {
  return {
    year: r.year,
    name: r.name,
    score: r.score,
    rank: r.rank,
    confirmed: r.confirmed,
    grade: r.grade,
    source: r.source,
    notes: r.notes,
    pillars: r.pillars,
    mainIndicators: r.mainIndicators,
  } as const;
}

function rolledUpMerger(facts: UnitYearFacts, methodology: Methodology): MergerView | null {
  const scopes = facts.recordScopes ?? [];
  const distinct = [...new Map(scopes.map((s) => [s.unitId, s])).values()];
  if (distinct.length < 2) return null;
  const predecessors = distinct.filter((s) => s.unitId !== facts.unitId);
  const names = predecessors.map((s) => `${s.name} (${s.unitId})`).join(', ');
  const ruleApplies = facts.year >= MERGED_AVERAGE_FROM_YEAR;
  let why: string;
  if (!ruleApplies) {
    why = `DTI ${facts.year} was assessed per pre-merger province; this assessment of the merged unit is not comparable with any published result.`;
  } else {
    const reason = scopes.some((s) => s.unitId === facts.unitId)
      ? `this year is partly before and partly after the merger, and the reference states that rule only for a year wholly before it (DTI 2024)`
      : facts.predecessorYears === null || facts.predecessorYears === undefined
        ? `the predecessors' figures did not reach dti (the router sent no predecessor years)`
        : `the reference data lists no predecessor years for this unit`;
    why =
      `The methodology scores a merged province on the mean of its predecessors' main-indicator values, but ${reason}; so the values here ` +
      `are computed on the rolled-up inputs (rates recomputed from summed counts), not averaged per predecessor, and can differ from the ministry's method.`;
  }
  return {
    predecessors,
    basis: 'ROLLED_UP_INPUTS',
    rule: ruleApplies ? methodology.aggregation.formulaEn : null,
    ruleCitation: ruleApplies ? methodology.aggregation.citation : null,
    ruleConfirmed: ruleApplies ? methodology.aggregation.confirmed : null,
    status: null,
    predecessorAssessments: [],
    note: `This unit's ${facts.year} records were rolled up from ${names}. ${why}`,
  };
}

function averagedMerger(facts: UnitYearFacts, methodology: Methodology, average: PredecessorAverage): MergerView {
  const { aggregation } = methodology;
  const names = average.predecessors.map((p) => p.label).join(', ');
  const lacking = average.predecessors.flatMap((p) => (p.note === null ? [] : [p.note]));
  const note =
    `From DTI ${MERGED_AVERAGE_FROM_YEAR} (${methodology.code}) a merged province is scored on the mean (trung bình cộng) of its pre-merger ` +
    `provinces' main-indicator values (catalogue: "${aggregation.formulaEn}"${aggregation.confirmed ? '' : ', entry marked unconfirmed'}; ${aggregation.citation}). ` +
    `${facts.unitId} is assessed on ${names}: each predecessor's ${facts.year} figures go through the same assessment as any unit-year, and each ` +
    `main-indicator value is the mean over the predecessors that have one. The inputs listed are the figures the systems hold for the merged unit ` +
    `(rolled up over the predecessors' records); they are shown for reference and enter no value.` +
    (lacking.length === 0 ? '' : ` Not every predecessor's figures arrived: ${lacking.join(' ')}`);
  return {
    predecessors: average.predecessors.map((p) => p.unit),
    basis: 'PREDECESSOR_AVERAGE',
    rule: aggregation.formulaEn,
    ruleCitation: aggregation.citation,
    ruleConfirmed: aggregation.confirmed,
    status: average.status,
    predecessorAssessments: average.predecessors.map(predecessorAssessmentView),
    note,
  };
}

function inputView(c: CollectedInput, data: Pick<AssessmentData, 'catalogue'>, assessed: AssessedInput | undefined, rolledUpForReference: boolean) {
  const def = data.catalogue.inputs.find((d) => d.code === c.code);
  if (def === undefined) throw new Error(`catalogue lost input ${c.code}`);
  const reference = rolledUpForReference
    ? "The merged unit's rolled-up figure, shown for reference: the main-indicator values are the mean of the predecessors' values (see merger), so it enters none."
    : null;
  // The note on whether the value counts at all leads, before how it was read.
  const notes = [reference, assessed?.note ?? null, c.note].filter((n): n is string => n !== null);
  return {
    indicator: inputDefinitionView(def),
    value: c.value,
    status: c.status,
    used: !rolledUpForReference && (assessed?.used ?? false),
    feeds: assessed?.feeds ?? [],
    source: c.provenance satisfies SourceProvenance | null,
    note: notes.length === 0 ? null : notes.join(' '),
  };
}

function definitionOf(methodology: Methodology, code: string) {
  const def = methodology.mainIndicators.find((d) => d.code === code);
  if (def === undefined) throw new Error(`catalogue lost main indicator ${code}`);
  return def;
}

function ownMainIndicatorView(m: AssessedMainIndicator, methodology: Methodology, statusOf: (code: DtiInputCode) => ProvenanceStatus): MainIndicatorView {
  const def = definitionOf(methodology, m.code);
  return {
    code: m.code,
    name: m.nameVi,
    nameEn: m.nameEn,
    pillar: def.pillar,
    maxPoints: m.maxPoints,
    pointsConfirmed: m.pointsConfirmed,
    confirmed: def.confirmed,
    value: m.value,
    status: mainIndicatorStatus(m, statusOf),
    basis: m.basis,
    estimate: m.estimate,
    inputsUsed: m.inputsUsed,
    inputsUnavailable: m.inputsUnavailable,
    collectionStatus: m.collectionStatus,
    dataHeldBy: m.dataHeldBy,
    note: m.reason,
    citation: def.citation,
    predecessorsWithValue: null,
    predecessorCount: null,
    predecessorValues: [],
  };
}

function averagedMainIndicatorView(a: AveragedMainIndicator, methodology: Methodology): MainIndicatorView {
  const def = definitionOf(methodology, a.code);
  return {
    code: a.code,
    name: def.nameVi,
    nameEn: def.nameEn,
    pillar: def.pillar,
    maxPoints: def.maxPoints,
    pointsConfirmed: def.pointsConfirmed,
    confirmed: def.confirmed,
    value: a.value,
    status: a.status,
    basis: a.value === null ? 'NONE' : 'PREDECESSOR_AVERAGE',
    estimate: a.estimate,
    inputsUsed: a.inputsUsed,
    inputsUnavailable: a.inputsUnavailable,
    collectionStatus: def.collectionStatus,
    dataHeldBy: def.dataHeldBy,
    note: a.note,
    citation: def.citation,
    predecessorsWithValue: a.predecessorsWithValue,
    predecessorCount: a.predecessorCount,
    predecessorValues: a.predecessorValues,
  };
}

/** What the averaged assessment lacks: main indicators without a value, and predecessors whose figures did not all arrive. */
function averagedMissing(average: PredecessorAverage): MissingView[] {
  const indicators = average.mainIndicators
    .filter((m) => m.value === null)
    .map((m): MissingView => ({ kind: 'MAIN_INDICATOR', code: m.code, status: m.status === 'NOT_COLLECTED' ? 'NOT_COLLECTED' : 'MISSING', reason: m.note }));
  const predecessors = average.predecessors.flatMap((p): MissingView[] =>
    p.note === null ? [] : [{ kind: 'PREDECESSOR', code: p.unit.unitId, status: p.status, reason: p.note }],
  );
  return [...indicators, ...predecessors];
}

/**
 * What the connected systems alone say of a unit-year, before any approved manual entry: every
 * catalogue input with status and provenance, main-indicator values (estimates), the score and what
 * is missing. From DTI 2024 a unit formed by a merger is scored on the mean of its predecessors'
 * main-indicator values. `UnitYear.dti` puts the manual entries on it (assessUnitYear) and
 * `UnitYear.systemFigures` reads it as it is: a request asking both computes it once
 * (resolvers/UnitYear.ts). Reads no approved entries.
 */
export function assessSystems(facts: UnitYearFacts, data: Pick<AssessmentData, 'catalogue'>) {
  const methodology = methodologyForYear(facts.year, data.catalogue);
  const own = assessFacts(facts, data.catalogue);
  const predecessorYears = predecessorsToAverage(facts);
  const average = predecessorYears === null ? null : averageOverPredecessors(facts, predecessorYears, methodology, data.catalogue);
  const assessedByCode = new Map(own.result.inputs.map((i) => [i.code, i]));

  let mainIndicators: MainIndicatorView[];
  let score: DtiScore;
  let missing: MissingView[];
  let merger: MergerView | null;
  let synthetic = facts.labour !== null && facts.labour !== undefined && facts.labour.synthetic;
  if (average === null) {
    mainIndicators = own.result.mainIndicators.map((m) => ownMainIndicatorView(m, methodology, own.statusOf));
    score = own.result.score;
    missing = own.result.missing.map((m) => ({ kind: m.kind, code: m.code, status: m.status, reason: m.reason }));
    merger = rolledUpMerger(facts, methodology);
  } else {
    mainIndicators = average.mainIndicators.map((a) => averagedMainIndicatorView(a, methodology));
    // The same scoring function, over the averaged values (405: null, its points are unconfirmed).
    score = dtiScore(methodology.code, average.mainIndicators.flatMap((m) => (m.value === null ? [] : [{ code: m.code, value: m.value }])), data.catalogue);
    missing = averagedMissing(average);
    merger = averagedMerger(facts, methodology, average);
    synthetic ||= average.predecessors.some((p) => p.synthetic);
  }
  const inputs = own.collected.map((c) => inputView(c, data, assessedByCode.get(c.code), average !== null));
  // ownNotes: the notes of the own-figures assessment; null when the predecessors' mean was taken instead.
  return { methodology, ownNotes: average === null ? own.result.notes : null, mainIndicators, score, missing, merger, synthetic, inputs };
}

/** The systems' assessment of a unit-year (assessSystems). */
export type SystemsAssessment = ReturnType<typeof assessSystems>;

/**
 * The DTI self-assessment of a unit-year from the source figures the router handed over: the
 * systems' assessment (assessSystems; pass it when already computed for this unit-year) with the
 * approved manual entries filling what no system measures, the score so far, what is missing and
 * why, and the ministry's published result for the same unit and year.
 */
export function assessUnitYear(facts: UnitYearFacts, data: AssessmentData, systems: SystemsAssessment = assessSystems(facts, data)) {
  const { methodology, mainIndicators, missing, merger, synthetic } = systems;
  let { score } = systems;

  // Approved manual entries (submissions) fill what no system measures. Null when the submissions
  // fetch failed (its store, or the process gone: the gateway sends the null through): the items a
  // person fills in are then SOURCE_UNAVAILABLE, never silently NOT_COLLECTED. Absent never gets
  // here (the resolver refuses it as a broken @requires contract).
  const manual = applyManualEntries(facts, methodology, data.catalogue, mainIndicators, missing, score);
  score = manual.score;

  const estimate = manual.mainIndicators.some((m) => m.estimate);
  const notes: string[] =
    systems.ownNotes !== null ? [...systems.ownNotes] : estimate ? ['The score uses estimated main-indicator values; it is not comparable with the published DTI.'] : [];
  if (merger !== null) notes.push(merger.note);
  if (synthetic) notes.push('Labour-market figures are synthetic (số liệu mô phỏng) in the connected system: do not publish values that use them.');
  const scoreNote = [score.reason, estimate ? 'A self-assessment from our systems so far, not the official DTI.' : null]
    .filter((n): n is string => n !== null)
    .join(' ');
  const published = publishedResult(facts.year, facts.code, facts.validFrom, data.published);

  return {
    unitId: facts.unitId,
    year: facts.year,
    methodology: methodology.code,
    score: score.score,
    maxScore: score.maxScore,
    completeness: score.completeness,
    scoreNote: scoreNote === '' ? null : scoreNote,
    scoreConfirmed: score.confirmed && !estimate,
    estimate,
    synthetic,
    points: score.points,
    totalPoints: score.totalPoints,
    coveredPoints: score.coveredPoints,
    mainIndicators: manual.mainIndicators,
    inputs: systems.inputs,
    missing: manual.missing,
    notes,
    merger,
    published: published === null ? null : publishedView(published),
    citation: methodology.citation,
  };
}

/** The assessment as the schema shows it. */
export type DtiAssessmentView = ReturnType<typeof assessUnitYear>;
