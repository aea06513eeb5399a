import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { dtiScore } from '../domain/index.ts';
import type { Catalogue, DtiScore, Methodology } from '../domain/index.ts';
import type { MainIndicatorView, MissingView } from './assessment.ts';
import type { ApprovedEntryFacts, UnitYearFacts } from './representation.ts';

/**
 * Where a system figure and an approved manual value of the same main indicator differ by more
 * than this (on the 0–1 scale), the conflict is flagged; the system figure is used unless the
 * reviewer's approval says the manual value overrides it.
 */
export const MANUAL_CONFLICT_TOLERANCE = 0.05;

/** Provenance of a manual value, as the shared `Provenance` type carries it. */
export interface ManualProvenance {
  readonly system: 'MANUAL';
  readonly status: ProvenanceStatus;
  readonly recordRef: string | null;
  readonly fetchedAt: string;
  readonly asOf: string | null;
  readonly rolledUpFrom: readonly never[];
  readonly note: string | null;
}

export type WithManual<M> = M & {
  readonly manual: ApprovedEntryFacts | null;
  readonly systemValue: number | null;
  readonly conflict: boolean;
  readonly source: ManualProvenance | null;
};

const SUBMISSIONS_DOWN =
  'The submissions store (approved manual entries) did not answer for this unit-year; see the error with extensions.system "submissions".';

/**
 * Puts approved manual entries into the assessment: a main indicator without a system value takes
 * the approved one (basis MANUAL); one with both is flagged when they differ. The score is
 * recomputed by the same function over the resulting values; what is still open names who holds it.
 */
export function applyManualEntries(
  facts: UnitYearFacts,
  methodology: Methodology,
  catalogue: Catalogue,
  mainIndicators: readonly MainIndicatorView[],
  missing: readonly MissingView[],
  score: DtiScore,
): { mainIndicators: WithManual<MainIndicatorView>[]; missing: Array<MissingView & { readonly heldBy: string | null }>; score: DtiScore; applied: boolean } {
  const entries = facts.approvedEntries;
  const byCode = new Map((entries ?? []).map((e) => [e.indicatorCode, e]));
  let applied = false;
  const out = mainIndicators.map((m): WithManual<MainIndicatorView> => {
    const entry = byCode.get(m.code);
    if (entries === null && m.value === null) {
      // The store is down: the items a person would fill in cannot be read, which is not "not collected".
      return { ...m, status: 'SOURCE_UNAVAILABLE', note: [m.note, SUBMISSIONS_DOWN].filter((n) => n !== null).join(' '), manual: null, systemValue: null, conflict: false, source: null };
    }
    if (entry === undefined) return { ...m, manual: null, systemValue: m.value, conflict: false, source: null };
    applied = true;
    const source: ManualProvenance = {
      system: 'MANUAL',
      status: 'OK',
      recordRef: `entry:${entry.id}`,
      fetchedAt: entry.approvedAt,
      asOf: entry.approvedAt,
      rolledUpFrom: [],
      note: `Entered by ${entry.enteredBy.name ?? entry.enteredBy.subject}, approved by ${entry.approvedBy.name ?? entry.approvedBy.subject}.`,
    };
    if (m.value === null) {
      return { ...m, value: entry.value, status: 'OK', basis: 'MANUAL', estimate: false, note: `Approved manual entry. ${source.note ?? ''}`.trim(), manual: entry, systemValue: null, conflict: false, source: source };
    }
    const conflict = Math.abs(m.value - entry.value) > MANUAL_CONFLICT_TOLERANCE;
    const useManual = entry.overridesSystemValue;
    const why = conflict
      ? `The connected systems' figure ${m.value.toFixed(3)} and the approved manual value ${entry.value.toFixed(3)} differ by more than ${MANUAL_CONFLICT_TOLERANCE}; `
      : '';
    return {
      ...m,
      value: useManual ? entry.value : m.value,
      basis: useManual ? 'MANUAL' : m.basis,
      estimate: useManual ? false : m.estimate,
      note: `${why}${useManual ? "the reviewer's approval says the manual value overrides the system figure." : conflict ? 'the system figure is used (the approval does not override it).' : (m.note ?? '')}`.trim(),
      manual: entry,
      systemValue: m.value,
      conflict,
      source: source,
    };
  });
  const filled = new Set(out.filter((m) => m.value !== null).map((m) => m.code));
  const heldBy = new Map(methodology.mainIndicators.map((d) => [d.code, d.dataHeldBy]));
  const openMissing = missing
    .filter((x) => !(x.kind === 'MAIN_INDICATOR' && filled.has(x.code)))
    .map((x) => {
      const down = entries === null && x.kind === 'MAIN_INDICATOR';
      return {
        ...x,
        ...(down ? { status: 'SOURCE_UNAVAILABLE' as const, reason: `${x.reason} ${SUBMISSIONS_DOWN}` } : {}),
        heldBy: x.kind === 'MAIN_INDICATOR' ? (heldBy.get(x.code) ?? null) : null,
      };
    });
  // Only a main-indicator methodology scores main-indicator values (1726 scores pillars).
  const rescored = applied && methodology.scoredLevel === 'main' ? dtiScore(methodology.code, out.flatMap((m) => (m.value === null ? [] : [{ code: m.code, value: m.value }])), catalogue) : score;
  return { mainIndicators: out, missing: openMissing, score: rescored, applied };
}
