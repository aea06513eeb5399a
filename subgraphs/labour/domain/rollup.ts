import { UnreachableCaseError } from '../../../lib/util/unreachable.ts';
import { deriveStatus, requiredAsOf } from './status.ts';
import type { LabourFigures, LabourReport, LabourStats, ProvenanceStatus, RecordScope, UnitYearRef } from './types.ts';

/** The reports that make up a unit-year and the scopes they cover. */
export interface Selection {
  readonly used: readonly LabourReport[];
  readonly covered: readonly RecordScope[];
  readonly uncovered: readonly RecordScope[];
  /** Reports filed under one of the codes that also cover territory outside the unit, so cannot be used. */
  readonly foreign: readonly LabourReport[];
}

const overlaps = (r: LabourReport, s: RecordScope): boolean => r.from <= s.to && s.from <= r.to;

/** Picks the year's reports filed under the scopes' codes and covering only the unit's own territory. */
export function selectReports(ref: UnitYearRef, reports: readonly LabourReport[]): Selection {
  const codes = new Set(ref.recordScopes.map((s) => s.code));
  const candidates = reports.filter((r) => r.year === ref.year && codes.has(r.code) && ref.recordScopes.some((s) => overlaps(r, s)));
  const used = candidates.filter((r) => r.coveredCodes.every((c) => codes.has(c)));
  const foreign = candidates.filter((r) => !used.includes(r));
  const isCovered = (s: RecordScope): boolean => used.some((r) => r.coveredCodes.includes(s.code) && overlaps(r, s));
  return {
    used,
    covered: ref.recordScopes.filter(isCovered),
    uncovered: ref.recordScopes.filter((s) => !isCovered(s)),
    foreign,
  };
}

type CountField = Exclude<keyof LabourFigures, 'underemploymentRate'>;

function sumOf(reports: readonly LabourReport[], field: CountField, notes: string[]): number | null {
  if (reports.length === 0) return null;
  const lacking = reports.filter((r) => r.figures[field] === null);
  if (lacking.length > 0) {
    notes.push(`${field} not reported by ${lacking.map((r) => r.reportId).join(', ')}`);
    return null;
  }
  return reports.reduce((acc, r) => acc + (r.figures[field] ?? 0), 0);
}

/** numerator / denominator as a fraction, or null when either is unknown or the denominator is 0. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

const describe = (s: RecordScope): string => `${s.code} ${s.name} (${s.from}..${s.to})`;

function statusNote(status: ProvenanceStatus, sel: Selection, asOf: string | null, required: string | null): string | null {
  switch (status) {
    case 'OK':
      return null;
    case 'PARTIAL':
      return `No yearly labour report for ${sel.uncovered.map(describe).join('; ')}; figures cover the rest only`;
    case 'MISSING':
      return sel.foreign.length > 0
        ? `Only reports covering a larger territory exist (${sel.foreign.map((r) => `${r.reportId} covers ${r.coveredCodes.join(', ')}`).join('; ')}); this unit's share cannot be separated`
        : sel.covered.length + sel.uncovered.length === 0
          ? 'The unit has no record scopes in this year (it did not exist then), so no system holds records for it'
          : 'The labour system holds no yearly report for this unit and year';
    case 'STALE':
      return `Figures run to ${asOf ?? '?'}; the period requires ${required ?? '?'}`;
    case 'SOURCE_UNAVAILABLE':
    case 'NOT_COLLECTED':
      return null;
    default:
      throw new UnreachableCaseError(status);
  }
}

/** What a roll-up needs besides the unit-year: the year's reports as fetched, when, and the clock. */
export interface RollUpInput {
  readonly ref: UnitYearRef;
  readonly reports: readonly LabourReport[];
  readonly fetchedAt: string;
  readonly now: Date;
}

/**
 * Labour statistics of a unit-year from its scopes' reports: counts summed, rates recomputed from
 * summed counts (never averaged), a rate-only figure null once more than one report is summed,
 * and nothing invented when reports are missing.
 */
export function rollUp(input: RollUpInput): LabourStats {
  const sel = selectReports(input.ref, input.reports);
  const { used } = sel;
  const notes: string[] = [];
  const sum = (f: CountField): number | null => sumOf(used, f, notes);
  const labourForce = sum('labourForce');
  const unemployed = sum('unemployed');
  const trainedWorkers = sum('trainedWorkers');
  const digitallySkilledWorkers = sum('digitallySkilledWorkers');
  let underemploymentRate = used.length === 1 ? (used[0]?.figures.underemploymentRate ?? null) : null;
  if (used.length > 1) {
    underemploymentRate = null;
    notes.push(`underemploymentRate is given by the upstream only as a rate, without counts, so it cannot be rolled up across ${used.length} reports`);
  }
  const asOf = used.length === 0 ? null : used.reduce((min, r) => (r.to < min ? r.to : min), used[0]?.to ?? '');
  const required = requiredAsOf(input.ref.recordScopes, input.now);
  const status = deriveStatus({ scopes: input.ref.recordScopes.length, covered: sel.covered.length, asOf, required });
  const statusText = statusNote(status, sel, asOf, required);
  const synthetic = used.some((r) => r.synthetic);
  const prefix: string[] = [];
  if (statusText !== null) prefix.push(statusText);
  if (used.length > 1) prefix.push(`Sum of ${used.length} reports (${used.map((r) => r.code).join(' + ')}); rates recomputed from the summed counts`);
  if (used.length === 1 && (used[0]?.coveredCodes.length ?? 0) > 1) {
    prefix.push(`Report ${used[0]?.reportId ?? ''} covers the territory of ${used[0]?.coveredCodes.join(', ') ?? ''} for the whole period`);
  }
  if (synthetic) prefix.push('SYNTHETIC: the upstream marks these figures as simulated (no public provincial labour figures were found); unconfirmed');
  const allNotes = [...prefix, ...notes];
  return {
    source: {
      system: 'LABOUR',
      status,
      recordRef: used.length === 0 ? null : used.map((r) => r.reportId).join(', '),
      fetchedAt: input.fetchedAt,
      asOf,
      rolledUpFrom: used.length > 1 ? sel.covered : [],
      note: allNotes.length === 0 ? null : allNotes.join('. '),
    },
    synthetic,
    labourForce,
    employed: sum('employed'),
    unemployed,
    unemploymentRate: ratio(unemployed, labourForce),
    trainedWorkers,
    trainedWorkforceRate: ratio(trainedWorkers, labourForce),
    digitallySkilledWorkers,
    digitalSkillsRate: ratio(digitallySkilledWorkers, labourForce),
    jobSeekers: sum('jobSeekers'),
    vacancies: sum('vacancies'),
    underemploymentRate,
  };
}
