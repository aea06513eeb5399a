import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { assessDti } from '../domain/index.ts';
import type { AssessedMainIndicator, Catalogue, DtiAssessment, DtiInputCode } from '../domain/index.ts';
import { collectInputs } from './inputs.ts';
import type { CollectedInput } from './inputs.ts';
import type { UnitYearFacts } from './representation.ts';

/** A unit-year assessed on its own figures: what the systems sent, and the domain's assessment of it. */
export interface FactsAssessment {
  readonly collected: readonly CollectedInput[];
  readonly result: DtiAssessment;
  readonly statusOf: (code: DtiInputCode) => ProvenanceStatus;
}

/** Assesses one unit-year's own figures; the one path for a unit and for each predecessor of a merged unit. */
export function assessFacts(facts: UnitYearFacts, catalogue: Catalogue): FactsAssessment {
  const collected = collectInputs(facts, catalogue);
  const result = assessDti({ year: facts.year, inputs: collected.map((c) => c.domain) }, catalogue);
  const statusByCode = new Map(collected.map((c) => [c.code, c.status]));
  return { collected, result, statusOf: (code) => statusByCode.get(code) ?? 'MISSING' };
}

const NOT_AVAILABLE: ReadonlySet<ProvenanceStatus> = new Set(['MISSING', 'SOURCE_UNAVAILABLE']);

/** Status of a main indicator's value from how its inputs stood. */
export function mainIndicatorStatus(m: AssessedMainIndicator, statusOf: (code: DtiInputCode) => ProvenanceStatus): ProvenanceStatus {
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
