import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { averageMainIndicators } from '../domain/index.ts';
import type { AssessedMainIndicator, Catalogue, MainIndicator, Methodology, SourceSystem } from '../domain/index.ts';
import { toSourceSystemEnum } from './catalogue-view.ts';
import { assessFacts, mainIndicatorStatus } from './facts-assessment.ts';
import type { FactsAssessment } from './facts-assessment.ts';
import { SYSTEM_LABEL } from './inputs.ts';
import type { CollectedInput } from './inputs.ts';
import type { RecordScopeFacts, UnitYearFacts } from './representation.ts';

/**
 * First DTI year in which a merged province is assessed on the mean of its predecessors'
 * main-indicator values (405/QĐ-BKHCN, DTI 2024; dantri.com.vn 21/10/2025, see the catalogue's
 * 405 aggregation citation).
 */
export const MERGED_AVERAGE_FROM_YEAR = 2024;

/** One predecessor's year, assessed on its own figures. */
export interface PredecessorAssessment {
  readonly unit: RecordScopeFacts;
  /** "Tỉnh Ninh Thuận (58@origin)". */
  readonly label: string;
  readonly own: FactsAssessment;
  /** Inputs that feed a main indicator but had no value (MISSING or SOURCE_UNAVAILABLE). */
  readonly inputsUnavailable: readonly CollectedInput[];
  /** Systems that did not answer for this predecessor. */
  readonly systemsUnavailable: readonly SourceSystem[];
  readonly status: ProvenanceStatus;
  /** True when its labour-market figures are synthetic. */
  readonly synthetic: boolean;
  /** What this predecessor lacks and what that leaves out of the average; null when it lacks nothing. */
  readonly note: string | null;
}

/** A predecessor's value of one main indicator. */
export interface PredecessorValue {
  readonly unit: RecordScopeFacts;
  readonly value: number | null;
  readonly status: ProvenanceStatus;
}

/** A merged unit's main indicator: the mean over the predecessors that have a value. */
export interface AveragedMainIndicator {
  readonly code: string;
  readonly value: number | null;
  readonly status: ProvenanceStatus;
  readonly estimate: boolean;
  readonly predecessorsWithValue: number;
  readonly predecessorCount: number;
  readonly predecessorValues: readonly PredecessorValue[];
  /** Input codes that entered some predecessor's value. */
  readonly inputsUsed: readonly string[];
  /** Input codes some predecessor lacked. */
  readonly inputsUnavailable: readonly string[];
  readonly note: string;
}

/** The merged unit's main-indicator values from its predecessors' years. */
export interface PredecessorAverage {
  readonly predecessors: readonly PredecessorAssessment[];
  readonly mainIndicators: readonly AveragedMainIndicator[];
  readonly status: ProvenanceStatus;
}

const UNAVAILABLE: ReadonlySet<ProvenanceStatus> = new Set(['MISSING', 'SOURCE_UNAVAILABLE']);

/**
 * The predecessors' years to average, or null when the rule does not apply: before DTI 2024, for a unit
 * not formed by a merger (none, or one predecessor: a rename such as Thừa Thiên Huế → Huế, whose records
 * are the unit's own), when the predecessors' figures did not arrive, or for a year in which the merged
 * unit holds records of its own (a merger during the year, for which the reference states no rule).
 */
export function predecessorsToAverage(facts: UnitYearFacts): readonly UnitYearFacts[] | null {
  if (facts.year < MERGED_AVERAGE_FROM_YEAR) return null;
  const predecessors = facts.predecessorYears;
  if (predecessors === null || predecessors === undefined || predecessors.length < 2) return null;
  if ((facts.recordScopes ?? []).some((s) => s.unitId === facts.unitId)) return null;
  return predecessors;
}

function scopeOf(p: UnitYearFacts, merged: UnitYearFacts): RecordScopeFacts {
  const own = p.recordScopes?.find((s) => s.unitId === p.unitId) ?? merged.recordScopes?.find((s) => s.unitId === p.unitId);
  return own ?? { unitId: p.unitId, code: p.code, name: p.code, from: `${p.year}-01-01`, to: `${p.year}-12-31` };
}

function assessPredecessor(p: UnitYearFacts, merged: UnitYearFacts, catalogue: Catalogue): PredecessorAssessment {
  const unit = scopeOf(p, merged);
  const label = `${unit.name} (${unit.unitId})`;
  const own = assessFacts(p, catalogue);
  const scored = new Set(own.result.inputs.filter((i) => i.feeds.length > 0).map((i) => i.code));
  const inputsUnavailable = own.collected.filter((c) => scored.has(c.code) && UNAVAILABLE.has(c.status));
  const systemOf = (c: CollectedInput): SourceSystem => {
    const def = catalogue.inputs.find((d) => d.code === c.code);
    if (def === undefined) throw new Error(`catalogue lost input ${c.code}`);
    return def.sourceSystem;
  };
  const systemsUnavailable = [...new Set(inputsUnavailable.filter((c) => c.status === 'SOURCE_UNAVAILABLE').map(systemOf))];
  const anyValue = own.result.mainIndicators.some((m) => m.value !== null);
  const stale = own.collected.some((c) => scored.has(c.code) && c.status === 'STALE');
  let status: ProvenanceStatus;
  if (!anyValue) status = inputsUnavailable.every((c) => c.status === 'SOURCE_UNAVAILABLE') ? 'SOURCE_UNAVAILABLE' : 'MISSING';
  else if (inputsUnavailable.length > 0) status = 'PARTIAL';
  else status = stale ? 'STALE' : 'OK';

  let note: string | null = null;
  if (inputsUnavailable.length > 0) {
    const bySystem = new Map<SourceSystem, CollectedInput[]>();
    for (const c of inputsUnavailable) bySystem.set(systemOf(c), [...(bySystem.get(systemOf(c)) ?? []), c]);
    const lacks = [...bySystem]
      .map(([system, inputs]) => {
        const how = inputs.every((c) => c.status === 'SOURCE_UNAVAILABLE') ? 'did not answer' : 'has no figure';
        return `the ${SYSTEM_LABEL[system]} ${how} (${inputs.map((c) => `${c.code} ${c.status}`).join(', ')})`;
      })
      .join('; ');
    const collected = (m: AssessedMainIndicator) => m.collectionStatus !== 'NOT_COLLECTED';
    const absent = own.result.mainIndicators.filter((m) => m.value === null && collected(m) && m.inputsUnavailable.some((c) => inputsUnavailable.some((u) => u.code === c)));
    const partial = own.result.mainIndicators.filter((m) => m.value !== null && m.inputsUnavailable.some((c) => inputsUnavailable.some((u) => u.code === c)));
    const effects = [
      absent.length > 0 ? `its values of ${absent.map((m) => m.code).join(', ')} are absent from the average` : null,
      partial.length > 0 ? `its values of ${partial.map((m) => m.code).join(', ')} rest on the remaining inputs` : null,
    ].filter((e): e is string => e !== null);
    note = `${label}, ${p.year}: ${lacks}${effects.length > 0 ? `; ${effects.join(', and ')}` : ''}.`;
  }
  const synthetic = p.labour !== null && p.labour !== undefined && p.labour.synthetic;
  return { unit, label, own, inputsUnavailable, systemsUnavailable, status, synthetic, note };
}

const formatValue = (v: number): string => String(Math.round(v * 10_000) / 10_000);

function averagedIndicator(
  def: MainIndicator,
  predecessors: readonly PredecessorAssessment[],
  averaged: ReadonlyMap<string, number>,
): AveragedMainIndicator {
  const per = predecessors.map((p) => {
    const m = p.own.result.mainIndicators.find((x) => x.code === def.code);
    if (m === undefined) throw new Error(`assessment lost main indicator ${def.code}`);
    return { p, m, status: mainIndicatorStatus(m, p.own.statusOf) };
  });
  const withValue = per.filter((x) => x.m.value !== null);
  const without = per.filter((x) => x.m.value === null);
  const value = averaged.get(def.code) ?? null;
  let status: ProvenanceStatus;
  if (withValue.length === 0) {
    const lacking = per.map((x) => x.status).filter((s) => s !== 'NOT_COLLECTED');
    if (def.collectionStatus === 'NOT_COLLECTED' || lacking.length === 0) status = 'NOT_COLLECTED';
    else status = lacking.every((s) => s === 'SOURCE_UNAVAILABLE') ? 'SOURCE_UNAVAILABLE' : 'MISSING';
  } else if (without.length > 0 || withValue.some((x) => x.status === 'PARTIAL')) status = 'PARTIAL';
  else status = withValue.some((x) => x.status === 'STALE') ? 'STALE' : 'OK';

  const n = predecessors.length;
  let note: string;
  if (def.collectionStatus === 'NOT_COLLECTED') {
    note = `None of our systems measures it; data held by ${def.dataHeldBy}. Under the merged-province rule it would be the mean of the ${n} predecessors' values.`;
  } else if (withValue.length === 0) {
    const why = per.map((x) => `${x.p.label}: ${x.m.inputsUnavailable.map((c) => `${c} ${x.p.own.statusOf(c)}`).join(', ')}`).join('; ');
    note = `No predecessor has a value, so the merged province has none (mean of predecessors' values). ${why}.`;
  } else {
    const values = withValue.map((x) => `${x.p.label} ${formatValue(x.m.value ?? 0)}`).join(', ');
    const lacking =
      without.length === 0
        ? ''
        : `; no value for ${without.map((x) => `${x.p.label} (${x.m.inputsUnavailable.map((c) => `${c} ${x.p.own.statusOf(c)}`).join(', ')})`).join(', ')}, so the mean is over the others only`;
    const estimate = withValue.some((x) => x.m.estimate)
      ? ' Each predecessor value is our estimate (mean of its mapped inputs); the official component formula is unconfirmed.'
      : '';
    note = `Mean (trung bình cộng) of the predecessors' values over ${withValue.length} of ${n}: ${values}${lacking}.${estimate}`;
  }
  const codes = (pick: (m: AssessedMainIndicator) => readonly string[]) => [...new Set(per.flatMap((x) => pick(x.m)))];
  return {
    code: def.code,
    value,
    status,
    estimate: withValue.some((x) => x.m.estimate),
    predecessorsWithValue: withValue.length,
    predecessorCount: n,
    predecessorValues: per.map((x) => ({ unit: x.p.unit, value: x.m.value, status: x.status })),
    inputsUsed: codes((m) => m.inputsUsed),
    inputsUnavailable: codes((m) => m.inputsUnavailable),
    note,
  };
}

/**
 * Main-indicator values of a merged unit-year as the mean of its predecessors' values (each assessed with
 * the same function as any unit-year), over the predecessors that have a value for each indicator.
 */
export function averageOverPredecessors(facts: UnitYearFacts, predecessorYears: readonly UnitYearFacts[], methodology: Methodology, catalogue: Catalogue): PredecessorAverage {
  const predecessors = predecessorYears.map((p) => assessPredecessor(p, facts, catalogue));
  const valuesOf = (p: PredecessorAssessment) => p.own.result.mainIndicators.flatMap((m) => (m.value === null ? [] : [{ code: m.code, value: m.value }]));
  const averaged = new Map(averageMainIndicators(predecessors.map(valuesOf)).map((m) => [m.code, m.value]));
  const mainIndicators = methodology.mainIndicators.map((def) => averagedIndicator(def, predecessors, averaged));
  let status: ProvenanceStatus;
  if (averaged.size === 0) status = predecessors.every((p) => p.status === 'SOURCE_UNAVAILABLE') ? 'SOURCE_UNAVAILABLE' : 'MISSING';
  else if (predecessors.some((p) => p.status !== 'OK' && p.status !== 'STALE')) status = 'PARTIAL';
  else status = predecessors.some((p) => p.status === 'STALE') ? 'STALE' : 'OK';
  return { predecessors, mainIndicators, status };
}

/** A predecessor's standing for the schema. */
export function predecessorAssessmentView(p: PredecessorAssessment) {
  return {
    unit: p.unit,
    status: p.status,
    unavailableSystems: p.systemsUnavailable.map(toSourceSystemEnum),
    inputsUnavailable: p.inputsUnavailable.map((c) => c.code),
    note: p.note,
  };
}
