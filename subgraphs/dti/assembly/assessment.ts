import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { assessDti, methodologyForYear, publishedResult } from '../domain/index.ts';
import type { AssessedInput, AssessedMainIndicator, Catalogue, DtiInputCode, PublishedResult, PublishedResults } from '../domain/index.ts';
import { inputDefinitionView } from './catalogue-view.ts';
import { collectInputs } from './inputs.ts';
import type { CollectedInput } from './inputs.ts';
import type { RecordScopeFacts, SourceProvenance, UnitYearFacts } from './representation.ts';

/**
 * First DTI year in which a merged province is assessed on the mean of its predecessors'
 * main-indicator values (405/QĐ-BKHCN, DTI 2024; dantri.com.vn 21/10/2025, see the catalogue's
 * 405 aggregation citation).
 */
export const MERGED_AVERAGE_FROM_YEAR = 2024;

/** Reference data the assessment reads. */
export interface AssessmentData {
  readonly catalogue: Catalogue;
  readonly published: PublishedResults;
}

/** How a merged unit's year was assessed. */
export interface MergerView {
  readonly predecessors: readonly RecordScopeFacts[];
  readonly basis: 'ROLLED_UP_INPUTS';
  /** The methodology's rule for merged provinces, where it has one for this year. */
  readonly rule: string | null;
  readonly note: string;
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

const NOT_AVAILABLE: ReadonlySet<ProvenanceStatus> = new Set(['MISSING', 'SOURCE_UNAVAILABLE']);

/** Status of a main indicator's value from how its inputs stood. */
function mainIndicatorStatus(m: AssessedMainIndicator, statusOf: (code: DtiInputCode) => ProvenanceStatus): ProvenanceStatus {
  switch (m.basis) {
    case 'SUPPLIED':
      return 'OK';
    case 'NONE': {
      if (m.collectionStatus === 'NOT_COLLECTED') return 'NOT_COLLECTED';
      const lacking = m.inputsUnavailable.map(statusOf).filter((s) => s !== 'NOT_COLLECTED');
      if (lacking.length === 0) return 'NOT_COLLECTED';
      return lacking.every((s) => s === 'SOURCE_UNAVAILABLE') ? 'SOURCE_UNAVAILABLE' : 'MISSING';
    }
    case 'ESTIMATE': {
      if (m.stale) return 'STALE';
      const partial = m.inputsUnavailable.some((c) => NOT_AVAILABLE.has(statusOf(c))) || m.inputsUsed.some((c) => statusOf(c) === 'PARTIAL');
      return partial ? 'PARTIAL' : 'OK';
    }
    default: {
      const never: never = m.basis;
      throw new Error(`unhandled basis ${String(never)}`);
    }
  }
}

function mergerOf(facts: UnitYearFacts, rule: string | null): MergerView | null {
  const scopes = facts.recordScopes ?? [];
  const distinct = [...new Map(scopes.map((s) => [s.unitId, s])).values()];
  if (distinct.length < 2) return null;
  const predecessors = distinct.filter((s) => s.unitId !== facts.unitId);
  const names = predecessors.map((s) => `${s.name} (${s.unitId})`).join(', ');
  const note =
    facts.year >= MERGED_AVERAGE_FROM_YEAR
      ? `This unit's ${facts.year} records were rolled up from ${names}. The methodology scores a merged province on the mean of its ` +
        `predecessors' main-indicator values; the source subgraphs return only rolled-up figures, so the values here are computed on the ` +
        `rolled-up inputs (rates recomputed from summed counts), not averaged per predecessor, and can differ from the ministry's method.`
      : `This unit's ${facts.year} records were rolled up from ${names}. DTI ${facts.year} was assessed per pre-merger province; ` +
        `this assessment of the merged unit is not comparable with any published result.`;
  return { predecessors, basis: 'ROLLED_UP_INPUTS', rule, note };
}

function inputView(c: CollectedInput, data: AssessmentData, assessed: AssessedInput | undefined) {
  const def = data.catalogue.inputs.find((d) => d.code === c.code);
  if (def === undefined) throw new Error(`catalogue lost input ${c.code}`);
  // The evidence-only note leads: it says whether the value counts at all, before how it was read.
  const notes = [assessed?.note ?? null, c.note].filter((n): n is string => n !== null);
  return {
    indicator: inputDefinitionView(def),
    value: c.value,
    status: c.status,
    used: assessed?.used ?? false,
    feeds: assessed?.feeds ?? [],
    source: c.provenance satisfies SourceProvenance | null,
    note: notes.length === 0 ? null : notes.join(' '),
  };
}

/**
 * The DTI self-assessment of a unit-year from the source figures the router handed over: every
 * catalogue input with status and provenance, main-indicator values (estimates), the score so far,
 * what is missing and why, and the ministry's published result for the same unit and year.
 */
export function assessUnitYear(facts: UnitYearFacts, data: AssessmentData) {
  const methodology = methodologyForYear(facts.year, data.catalogue);
  const collected = collectInputs(facts, data.catalogue);
  const result = assessDti({ year: facts.year, inputs: collected.map((c) => c.domain) }, data.catalogue);
  const statusByCode = new Map(collected.map((c) => [c.code, c.status]));
  const statusOf = (code: DtiInputCode): ProvenanceStatus => statusByCode.get(code) ?? 'MISSING';
  const assessedByCode = new Map(result.inputs.map((i) => [i.code, i]));
  const merger = mergerOf(facts, facts.year >= MERGED_AVERAGE_FROM_YEAR ? methodology.aggregation.formulaEn : null);
  const estimate = result.mainIndicators.some((m) => m.estimate);
  const synthetic = facts.labour !== null && facts.labour !== undefined && facts.labour.synthetic;
  const notes = [...result.notes];
  if (merger !== null) notes.push(merger.note);
  if (synthetic) notes.push('Labour-market figures are synthetic (số liệu mô phỏng) in the connected system: do not publish values that use them.');
  const scoreNote = [result.score.reason, estimate ? 'A self-assessment from our systems so far, not the official DTI.' : null]
    .filter((n): n is string => n !== null)
    .join(' ');
  const published = publishedResult(facts.year, facts.code, facts.validFrom, data.published);

  return {
    unitId: facts.unitId,
    year: facts.year,
    methodology: result.methodology,
    score: result.score.score,
    maxScore: result.score.maxScore,
    completeness: result.completeness,
    scoreNote: scoreNote === '' ? null : scoreNote,
    scoreConfirmed: result.score.confirmed && !estimate,
    estimate,
    synthetic,
    points: result.score.points,
    totalPoints: result.score.totalPoints,
    coveredPoints: result.score.coveredPoints,
    mainIndicators: result.mainIndicators.map((m) => {
      const def = methodology.mainIndicators.find((d) => d.code === m.code);
      return {
        code: m.code,
        name: m.nameVi,
        nameEn: m.nameEn,
        pillar: def?.pillar ?? null,
        maxPoints: m.maxPoints,
        pointsConfirmed: m.pointsConfirmed,
        confirmed: def?.confirmed ?? false,
        value: m.value,
        status: mainIndicatorStatus(m, statusOf),
        basis: m.basis,
        estimate: m.estimate,
        inputsUsed: m.inputsUsed,
        inputsUnavailable: m.inputsUnavailable,
        collectionStatus: m.collectionStatus,
        dataHeldBy: m.dataHeldBy,
        note: m.reason,
        citation: def?.citation ?? methodology.citation,
      };
    }),
    inputs: collected.map((c) => inputView(c, data, assessedByCode.get(c.code))),
    missing: result.missing.map((m) => ({ kind: m.kind, code: m.code, status: m.status, reason: m.reason })),
    notes,
    merger,
    published: published === null ? null : publishedView(published),
    citation: methodology.citation,
  };
}

/** The assessment as the schema shows it. */
export type DtiAssessmentView = ReturnType<typeof assessUnitYear>;
