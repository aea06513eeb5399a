import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { loadCatalogue, methodologyForYear, scoredItems } from './catalogue.ts';
import type { Catalogue, DtiInputCode, DtiInputDefinition, MainIndicator, MethodologyCode, SourceSystem } from './catalogue.ts';
import { dtiScore } from './score.ts';
import type { DtiScore, IndicatorValue } from './score.ts';

/** Status of an input value as it reaches the DTI team; OK, PARTIAL and STALE carry a value. */
export type InputStatus = ProvenanceStatus;

/** Where an input value came from; passed through to the result unchanged. */
export interface InputSource {
  readonly system?: SourceSystem;
  /** ISO date or date-time the value describes or was fetched at. */
  readonly asOf?: string;
  readonly note?: string;
}

/** One measured input: `value` is set exactly when the status is OK, PARTIAL or STALE. */
export interface DtiInputValue {
  readonly code: string;
  readonly value: number | null;
  readonly status: InputStatus;
  readonly source?: InputSource;
}

/** What to assess: the year picks the methodology; `suppliedValues` override estimates (what-if, ministry data). */
export interface AssessDtiRequest {
  readonly year: number;
  readonly inputs: readonly DtiInputValue[];
  /** Values (0–1) of main indicators, or of pillars under 1726, given directly rather than estimated. */
  readonly suppliedValues?: readonly IndicatorValue[];
}

/** An input as used in the assessment. */
export interface AssessedInput {
  readonly code: DtiInputCode;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly sourceSystem: SourceSystem;
  readonly value: number | null;
  readonly status: InputStatus;
  /** Whether the value entered a main-indicator estimate; always false for an evidence-only input. */
  readonly used: boolean;
  /** Main indicators of this methodology the input feeds; empty for an evidence-only input. */
  readonly feeds: readonly string[];
  /** Set for an evidence-only input: shown beside the assessment, never scored. */
  readonly note: string | null;
  readonly mappingIsJudgement: boolean;
  readonly confirmed: boolean;
  readonly source: InputSource | null;
}

/** A main indicator's value for the year and how it was obtained. */
export interface AssessedMainIndicator {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: number | null;
  readonly pointsConfirmed: boolean;
  readonly value: number | null;
  /** ESTIMATE: mean of our mapped inputs; SUPPLIED: given in the request; NONE: no value. */
  readonly basis: 'ESTIMATE' | 'SUPPLIED' | 'NONE';
  /** True when the value is ours, not the official component formula (which is unconfirmed). */
  readonly estimate: boolean;
  readonly inputsUsed: readonly DtiInputCode[];
  readonly inputsUnavailable: readonly DtiInputCode[];
  /** True when a STALE input entered the estimate. */
  readonly stale: boolean;
  readonly collectionStatus: MainIndicator['collectionStatus'];
  readonly dataHeldBy: string;
  readonly reason: string | null;
}

/** Note on an input that feeds no main indicator of the year's methodology (PLAN_ADOPTED). */
function evidenceOnlyNote(methodology: MethodologyCode): string {
  return `Evidence only, not scored: it feeds no main indicator of ${methodology}, so its value enters no estimate and not the score.`;
}

/** Something the score lacks, with why. */
export interface MissingItem {
  readonly kind: 'INPUT' | 'MAIN_INDICATOR';
  readonly code: string;
  readonly status: InputStatus;
  readonly reason: string;
}

/** Result of `assessDti`. */
export interface DtiAssessment {
  readonly year: number;
  readonly methodology: MethodologyCode;
  readonly mainIndicators: readonly AssessedMainIndicator[];
  readonly inputs: readonly AssessedInput[];
  readonly score: DtiScore;
  /** Share of the methodology's points that have a value (score.completeness). */
  readonly completeness: number | null;
  readonly missing: readonly MissingItem[];
  readonly notes: readonly string[];
}

const USABLE: ReadonlySet<InputStatus> = new Set(['OK', 'PARTIAL', 'STALE']);

const requestSchema = z.object({
  year: z.number().int(),
  inputs: z.array(
    z.object({
      code: z.string(),
      value: z.number().finite().nullable(),
      status: z.enum(['OK', 'PARTIAL', 'STALE', 'MISSING', 'SOURCE_UNAVAILABLE', 'NOT_COLLECTED']),
      source: z
        .object({
          system: z.enum(['documents', 'services', 'labour', 'plans']).optional(),
          asOf: z.string().optional(),
          note: z.string().optional(),
        })
        .optional(),
    }),
  ),
  suppliedValues: z.array(z.object({ code: z.string(), value: z.number().min(0).max(1) })).optional(),
});
type ParsedInput = z.output<typeof requestSchema>['inputs'][number];

const UNAVAILABLE_REASON: Record<InputStatus, string> = {
  OK: '',
  PARTIAL: '',
  STALE: '',
  MISSING: 'the source system has no value for this year',
  SOURCE_UNAVAILABLE: 'the source system could not be reached',
  NOT_COLLECTED: 'the source system does not collect it',
};

function bad(message: string, cause?: unknown): BadUserInputError {
  return new BadUserInputError(message, cause === undefined ? { argument: 'inputs' } : { argument: 'inputs', cause });
}

function checkInput(def: DtiInputDefinition, input: ParsedInput): void {
  const usable = USABLE.has(input.status);
  if (usable && input.value === null) throw bad(`${input.code}: status ${input.status} needs a value`);
  if (!usable && input.value !== null) throw bad(`${input.code}: status ${input.status} must have value null`);
  if (input.value === null) return;
  if (def.unit === 'boolean' && input.value !== 0 && input.value !== 1) throw bad(`${input.code}: value must be 0 or 1`);
  if (input.value < 0 || input.value > 1) throw bad(`${input.code}: value must be a fraction from 0 to 1`);
}

/** Strips `undefined` keys so the result satisfies exactOptionalPropertyTypes. */
function cleanSource(s: ParsedInput['source']): InputSource | null {
  if (s === undefined) return null;
  return {
    ...(s.system !== undefined && { system: s.system }),
    ...(s.asOf !== undefined && { asOf: s.asOf }),
    ...(s.note !== undefined && { note: s.note }),
  };
}

function parseRequest(request: AssessDtiRequest, catalogue: Catalogue) {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) throw bad(`Invalid DTI assessment request: ${parsed.error.issues[0]?.message ?? 'malformed'}`, parsed.error);
  const given = new Map<DtiInputCode, ParsedInput>();
  for (const input of parsed.data.inputs) {
    const def = catalogue.inputs.find((d) => d.code === input.code);
    if (def === undefined) throw bad(`Unknown DTI input "${input.code}"; known: ${catalogue.inputs.map((d) => d.code).join(', ')}`);
    if (given.has(def.code)) throw bad(`${input.code} is given twice`);
    checkInput(def, input);
    given.set(def.code, input);
  }
  return { ...parsed.data, given };
}

/**
 * Assesses a year's DTI from our inputs; also the what-if entry point (change inputs or supply values).
 *
 * A main indicator's value is the arithmetic mean of the usable values (status OK, PARTIAL or STALE) of
 * the inputs mapped to it, each weighted equally, and flagged `estimate: true`: the official formula
 * from component indicators is unconfirmed and our inputs cover only some components. A supplied value
 * replaces the estimate. Main indicators no input feeds are NOT_COLLECTED unless supplied. An input that
 * feeds none of the methodology's main indicators (PLAN_ADOPTED) is listed with its value as evidence,
 * `used: false`, and is not in `missing`, since the score lacks nothing without it. The total is
 * `dtiScore` over the main-indicator values (under 1726, over supplied pillar values only, because
 * the points of 1726 main indicators within a pillar are unconfirmed).
 */
export function assessDti(request: AssessDtiRequest, catalogue: Catalogue = loadCatalogue()): DtiAssessment {
  const methodology = methodologyForYear(request.year, catalogue);
  const { year, given, suppliedValues = [] } = parseRequest(request, catalogue);
  const mainCodes = new Set(methodology.mainIndicators.map((m) => m.code));
  const scoredCodes = new Set(scoredItems(methodology).map((i) => i.code));
  const supplied = new Map<string, number>();
  for (const s of suppliedValues) {
    if (!mainCodes.has(s.code) && !scoredCodes.has(s.code)) throw bad(`"${s.code}" is not a main indicator or scored item of ${methodology.code}`);
    if (supplied.has(s.code)) throw bad(`supplied value ${s.code} is given twice`);
    supplied.set(s.code, s.value);
  }

  const statusOf = (code: DtiInputCode): InputStatus => given.get(code)?.status ?? 'MISSING';
  const valueOf = (code: DtiInputCode): number | null => given.get(code)?.value ?? null;
  const missing: MissingItem[] = [];

  const inputs = catalogue.inputs.map((def): AssessedInput => {
    const input = given.get(def.code);
    const status = statusOf(def.code);
    const feeds = def.feeds.filter((f) => mainCodes.has(f));
    const evidenceOnly = feeds.length === 0;
    if (!USABLE.has(status) && !evidenceOnly) {
      const reason = input === undefined ? 'not provided' : UNAVAILABLE_REASON[status];
      missing.push({ kind: 'INPUT', code: def.code, status, reason: `${def.nameEn} (${def.sourceSystem}): ${reason}` });
    }
    return {
      code: def.code,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      sourceSystem: def.sourceSystem,
      value: valueOf(def.code),
      status,
      used: USABLE.has(status) && !evidenceOnly,
      feeds,
      mappingIsJudgement: def.mappingIsJudgement,
      confirmed: def.confirmed,
      source: cleanSource(input?.source),
      note: evidenceOnly ? evidenceOnlyNote(methodology.code) : null,
    };
  });

  const mainIndicators = methodology.mainIndicators.map((m): AssessedMainIndicator => {
    const feeding = catalogue.inputs.filter((d) => d.feeds.includes(m.code)).map((d) => d.code);
    const used = feeding.filter((c) => USABLE.has(statusOf(c)));
    const unavailable = feeding.filter((c) => !USABLE.has(statusOf(c)));
    const common = {
      code: m.code,
      nameVi: m.nameVi,
      nameEn: m.nameEn,
      maxPoints: m.maxPoints,
      pointsConfirmed: m.pointsConfirmed,
      inputsUsed: used,
      inputsUnavailable: unavailable,
      collectionStatus: m.collectionStatus,
      dataHeldBy: m.dataHeldBy,
    };
    const suppliedValue = supplied.get(m.code);
    if (suppliedValue !== undefined) {
      return { ...common, value: suppliedValue, basis: 'SUPPLIED', estimate: false, stale: false, reason: null };
    }
    if (used.length === 0) {
      const reason =
        m.collectionStatus === 'NOT_COLLECTED'
          ? `None of our systems measures it; data held by ${m.dataHeldBy}`
          : `All mapped inputs unavailable: ${unavailable.join(', ')}`;
      missing.push({ kind: 'MAIN_INDICATOR', code: m.code, status: m.collectionStatus === 'NOT_COLLECTED' ? 'NOT_COLLECTED' : 'MISSING', reason });
      return { ...common, value: null, basis: 'NONE', estimate: false, stale: false, reason };
    }
    const value = used.reduce((sum, c) => sum + (valueOf(c) ?? 0), 0) / used.length;
    const reason =
      `Estimate: mean of ${used.join(', ')}; the official component formula is unconfirmed and our inputs are a proxy` +
      (unavailable.length > 0 ? `; unavailable: ${unavailable.join(', ')}` : '');
    return { ...common, value, basis: 'ESTIMATE', estimate: true, stale: used.some((c) => statusOf(c) === 'STALE'), reason };
  });

  const notes: string[] = [];
  let scoreValues: IndicatorValue[];
  if (methodology.scoredLevel === 'pillar') {
    scoreValues = [...supplied].filter(([code]) => scoredCodes.has(code)).map(([code, value]) => ({ code, value }));
    notes.push(`${methodology.code} is scored on pillar values; main-indicator estimates do not enter the total because their points within a pillar are unconfirmed.`);
  } else {
    scoreValues = mainIndicators.flatMap((m) => (m.value === null ? [] : [{ code: m.code, value: m.value }]));
  }
  if (mainIndicators.some((m) => m.estimate)) notes.push('The score uses estimated main-indicator values; it is not comparable with the published DTI.');

  const score = dtiScore(methodology.code, scoreValues, catalogue);
  return { year, methodology: methodology.code, mainIndicators, inputs, score, completeness: score.completeness, missing, notes };
}
