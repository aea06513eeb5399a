import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { linkTargetToIndicator } from '../../../lib/plan-parser/index.ts';
import type { PlanTarget, Provenance } from './types.ts';

/** A measurable input a target can be linked to (from the DTI catalogue). */
export interface IndicatorInfo {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly sourceSystem: 'documents' | 'services' | 'labour' | 'plans';
  readonly confirmed: boolean;
}

/** A target's link to an indicator, with the phrase that made it. */
export interface TargetIndicator extends IndicatorInfo {
  readonly matchedOn: string;
}

/** Links a target to the indicator its measured thing names, or null (never a guess). */
export function targetIndicator(target: PlanTarget, indicators: ReadonlyMap<string, IndicatorInfo>): TargetIndicator | null {
  const link = linkTargetToIndicator(target.text);
  if (link === null) return null;
  const info = indicators.get(link.code);
  return info === undefined ? null : { ...info, matchedOn: link.matchedOn };
}

/** Figures of one source as the owning subgraph sent them (through @requires); null when that source failed. */
export type SourceFigures = (Readonly<Record<string, unknown>> & { readonly source?: Provenance | null }) | null | undefined;

/** The figures of a unit-year, by the UnitYear field that carries them. */
export interface UnitYearFigures {
  readonly documents?: SourceFigures;
  readonly publicServices?: SourceFigures;
  readonly labour?: SourceFigures;
}

const FIELD_OF: Readonly<Record<string, { readonly part: keyof UnitYearFigures; readonly field: string; readonly system: Provenance['system'] }>> = {
  DOC_SIGNED_DIGITALLY_RATE: { part: 'documents', field: 'signedDigitallyRate', system: 'DOCUMENTS' },
  DOC_SENT_ELECTRONICALLY_RATE: { part: 'documents', field: 'sentElectronicallyRate', system: 'DOCUMENTS' },
  WORK_RECORDS_ONLINE_RATE: { part: 'documents', field: 'workRecordsOnlineRate', system: 'DOCUMENTS' },
  PS_FULLY_ONLINE_PROCEDURE_RATE: { part: 'publicServices', field: 'fullyOnlineProcedureRate', system: 'SERVICES' },
  PS_ONLINE_DOSSIER_RATE: { part: 'publicServices', field: 'onlineDossierRate', system: 'SERVICES' },
  PS_ON_TIME_RATE: { part: 'publicServices', field: 'onTimeRate', system: 'SERVICES' },
  PS_DIGITISED_DOSSIER_RATE: { part: 'publicServices', field: 'digitisedDossierRate', system: 'SERVICES' },
  PS_ONLINE_PAYMENT_RATE: { part: 'publicServices', field: 'onlinePaymentRate', system: 'SERVICES' },
  LAB_TRAINED_WORKFORCE_RATE: { part: 'labour', field: 'trainedWorkforceRate', system: 'LABOUR' },
  LAB_DIGITAL_SKILLS_RATE: { part: 'labour', field: 'digitalSkillsRate', system: 'LABOUR' },
};

/** A target compared with what the owning system measured for a year. */
export interface TargetActualResult {
  /** The measured value in the target's unit (percent for rates); null when not measured. */
  readonly value: number | null;
  /** Whether the value meets the target's bounds; null when there is no value to compare. */
  readonly met: boolean | null;
  /** Whether the target's year has come (a target for 2025 is not due in 2023). */
  readonly due: boolean | null;
  readonly status: ProvenanceStatus;
  readonly source: Provenance | null;
  readonly note: string | null;
}

function meets(value: number, target: PlanTarget): boolean {
  if (target.min !== null && value < target.min) return false;
  // A range "55-60%" is met from its lower bound; a ceiling alone ("dưới 5%") must not be exceeded.
  if (target.min === null && target.max !== null && value > target.max) return false;
  return true;
}

const NO_FIGURE: TargetActualResult = { value: null, met: null, due: null, status: 'NOT_COLLECTED', source: null, note: null };

/** Compares a linked target with the owning system's figure for `year`. Pure. */
export function targetActual(target: PlanTarget, indicatorCode: string | null, figures: UnitYearFigures, year: number): TargetActualResult {
  const due = target.targetYear === null ? null : year >= target.targetYear;
  if (indicatorCode === null) return { ...NO_FIGURE, due, note: 'the target names no indicator a connected system measures' };
  const where = FIELD_OF[indicatorCode];
  if (where === undefined) return { ...NO_FIGURE, due, note: `no connected system measures ${indicatorCode}` };
  if (target.level === 'district' || target.level === 'commune') {
    return { ...NO_FIGURE, due, note: `the ${where.part} system reports the province as a whole; no ${target.level}-level figure is collected` };
  }
  const part = figures[where.part];
  if (part === null || part === undefined) {
    return { value: null, met: null, due, status: 'SOURCE_UNAVAILABLE', source: null, note: `the ${where.part} system did not answer; see the error naming it` };
  }
  const raw = part[where.field];
  const source = part.source ?? null;
  if (typeof raw !== 'number') {
    return { value: null, met: null, due, status: source?.status === 'OK' ? 'MISSING' : (source?.status ?? 'MISSING'), source, note: source?.note ?? 'no figure for this year' };
  }
  if (target.unit !== 'percent') {
    return { value: null, met: null, due, status: 'NOT_COLLECTED', source, note: `the target is in ${target.unit}, the system measures a rate` };
  }
  const value = Math.round(raw * 10_000) / 100;
  return { value, met: meets(value, target), due, status: source?.status ?? 'OK', source, note: source?.note ?? null };
}
