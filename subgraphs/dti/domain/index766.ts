import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { loadCatalogue } from './catalogue.ts';
import type { Catalogue, Index766Group, Index766Indicator } from './catalogue.ts';

const count = z.number().int().nonnegative();
const optional = count.nullish().transform((v) => v ?? null);

/**
 * Dossier-level statistics of one unit over one period, as the services subgraph provides them.
 * Counts only; leave a field out (or null) when the source does not provide it: the indicators that
 * need it are then reported missing, never guessed.
 */
const statsSchema = z.object({
  unitCode: z.string().min(1),
  year: z.number().int(),
  procedures: z.object({
    /** TTHC thuộc thẩm quyền (3.1 denominator). */
    total: count,
    /** TTHC đã công bố trong kỳ / of which on time (1.1). */
    announced: optional,
    announcedOnTime: optional,
    /** TTHC phải cập nhật, công khai trong kỳ / of which on time (1.2). */
    publicisationRequired: optional,
    publicisedOnTime: optional,
    /** TTHC đã công khai / of which with every mandatory component (1.3). */
    published: optional,
    publishedComplete: optional,
    /** TTHC with an online service, một phần or toàn trình (3.1). */
    withOnlineService: optional,
    /** Online services of the procedures / of which with at least one online dossier (3.2). */
    onlineServices: optional,
    onlineServicesWithDossiers: optional,
    /** TTHC with fees / of which integrated with online payment on the Cổng DVCQG (3.5). */
    feeBearing: optional,
    feeBearingWithOnlinePayment: optional,
  }),
  dossiers: z.object({
    /** Hồ sơ tiếp nhận trong kỳ (1.4, 3.3, 4.2, 4.3, 4.4 denominator). */
    received: count,
    /** Hồ sơ tiếp nhận, xử lý trong kỳ / of which (being) handled on or before time (2.1, 5.4). */
    handled: count,
    handledOnTime: optional,
    syncedToNationalPortal: optional,
    receivedOnline: optional,
    /** Completed dossiers and their total processing time in days (2.2). */
    completed: optional,
    totalProcessingDays: z.number().nonnegative().nullish().transform((v) => v ?? null),
    /** Dossiers of fee-bearing procedures, those with amount 0, those paid online (3.6). */
    feeBearing: optional,
    feeBearingZeroAmount: optional,
    paidOnline: optional,
    /** Dossiers whose procedure requires a written result / of which issued electronically (4.1). */
    writtenResultRequired: optional,
    electronicResult: optional,
    /** Digitised (components + electronic result) (4.2); reusing digitised data (4.3); linked to the citizen data store (4.4). */
    digitised: optional,
    reusedDigitisedData: optional,
    linkedToCitizenData: optional,
    /** Dossiers whose applicant is a citizen / of which using the population database (4.5). */
    forCitizens: optional,
    usingPopulationData: optional,
    /** Dossiers with feedback (PAKN) or a "dislike" (5.4). */
    withComplaintOrDislike: optional,
  }),
  feedback: z
    .object({
      /** PAKN in the period (within competence). */
      total: optional,
      classified: optional,
      handledOnTime: optional,
      /** PAKN answered with dissatisfaction or complaints about overdue handling (5.3). */
      dissatisfiedOrOverdue: optional,
    })
    .default({ total: null, classified: null, handledOnTime: null, dissatisfiedOrOverdue: null }),
});

/** Input of `index766` (fields the source lacks may be omitted). */
export type Index766Stats = z.input<typeof statsSchema>;
type Stats = z.output<typeof statsSchema>;

/** A rate, a duration, or the reason neither could be computed. */
type Measure = { readonly value: number; readonly note?: string } | { readonly missing: string };

const need = (fields: Record<string, number | null>): string | null => {
  const absent = Object.keys(fields).filter((k) => fields[k] === null);
  return absent.length === 0 ? null : `not provided: ${absent.join(', ')}`;
};

function ratio(label: string, num: number | null, den: number | null, numName: string, denName: string): Measure {
  const absent = need({ [numName]: num, [denName]: den });
  if (absent !== null || num === null || den === null) return { missing: absent ?? '' };
  if (den === 0) return { missing: `${denName} is 0` };
  if (num > den) throw new BadUserInputError(`766 ${label}: ${numName} (${num}) exceeds ${denName} (${den})`, { argument: 'stats' });
  return { value: num / den };
}

/** The indicator formulas of the catalogue (formulaVi), as functions of the statistics. */
const FORMULAS: Record<string, (s: Stats) => Measure> = {
  '766-1.1': (s) => ratio('1.1', s.procedures.announcedOnTime, s.procedures.announced, 'procedures.announcedOnTime', 'procedures.announced'),
  '766-1.2': (s) => ratio('1.2', s.procedures.publicisedOnTime, s.procedures.publicisationRequired, 'procedures.publicisedOnTime', 'procedures.publicisationRequired'),
  '766-1.3': (s) => ratio('1.3', s.procedures.publishedComplete, s.procedures.published, 'procedures.publishedComplete', 'procedures.published'),
  '766-1.4': (s) => ratio('1.4', s.dossiers.syncedToNationalPortal, s.dossiers.received, 'dossiers.syncedToNationalPortal', 'dossiers.received'),
  '766-2.1': (s) => ratio('2.1', s.dossiers.handledOnTime, s.dossiers.handled, 'dossiers.handledOnTime', 'dossiers.handled'),
  '766-2.2': (s) => {
    const { completed, totalProcessingDays } = s.dossiers;
    const absent = need({ 'dossiers.completed': completed, 'dossiers.totalProcessingDays': totalProcessingDays });
    if (absent !== null || completed === null || totalProcessingDays === null) return { missing: absent ?? '' };
    return completed === 0 ? { missing: 'dossiers.completed is 0' } : { value: totalProcessingDays / completed };
  },
  '766-3.1': (s) => ratio('3.1', s.procedures.withOnlineService, s.procedures.total, 'procedures.withOnlineService', 'procedures.total'),
  '766-3.2': (s) => ratio('3.2', s.procedures.onlineServicesWithDossiers, s.procedures.onlineServices, 'procedures.onlineServicesWithDossiers', 'procedures.onlineServices'),
  '766-3.3': (s) => {
    const online = ratio('3.3', s.dossiers.receivedOnline, s.dossiers.received, 'dossiers.receivedOnline', 'dossiers.received');
    if (!('value' in online)) return online;
    const sync = ratio('1.4', s.dossiers.syncedToNationalPortal, s.dossiers.received, 'dossiers.syncedToNationalPortal', 'dossiers.received');
    // The formula multiplies by the sync rate; without sync data we report the plain online share and say so.
    return 'value' in sync ? { value: online.value * sync.value } : { value: online.value, note: `sync-rate factor omitted (${sync.missing})` };
  },
  '766-3.5': (s) => ratio('3.5', s.procedures.feeBearingWithOnlinePayment, s.procedures.feeBearing, 'procedures.feeBearingWithOnlinePayment', 'procedures.feeBearing'),
  '766-3.6': (s) => {
    const { feeBearing, feeBearingZeroAmount } = s.dossiers;
    const absent = need({ 'dossiers.feeBearing': feeBearing, 'dossiers.feeBearingZeroAmount': feeBearingZeroAmount });
    if (absent !== null || feeBearing === null || feeBearingZeroAmount === null) return { missing: absent ?? '' };
    if (feeBearingZeroAmount > feeBearing) throw new BadUserInputError('766 3.6: dossiers.feeBearingZeroAmount exceeds dossiers.feeBearing', { argument: 'stats' });
    return ratio('3.6', s.dossiers.paidOnline, feeBearing - feeBearingZeroAmount, 'dossiers.paidOnline', 'dossiers.feeBearing − feeBearingZeroAmount');
  },
  '766-4.1': (s) => ratio('4.1', s.dossiers.electronicResult, s.dossiers.writtenResultRequired, 'dossiers.electronicResult', 'dossiers.writtenResultRequired'),
  '766-4.2': (s) => ratio('4.2', s.dossiers.digitised, s.dossiers.received, 'dossiers.digitised', 'dossiers.received'),
  '766-4.3': (s) => ratio('4.3', s.dossiers.reusedDigitisedData, s.dossiers.received, 'dossiers.reusedDigitisedData', 'dossiers.received'),
  '766-4.4': (s) => ratio('4.4', s.dossiers.linkedToCitizenData, s.dossiers.received, 'dossiers.linkedToCitizenData', 'dossiers.received'),
  '766-4.5': (s) => ratio('4.5', s.dossiers.usingPopulationData, s.dossiers.forCitizens, 'dossiers.usingPopulationData', 'dossiers.forCitizens'),
  '766-5.1': (s) => ratio('5.1', s.feedback.classified, s.feedback.total, 'feedback.classified', 'feedback.total'),
  '766-5.2': (s) => ratio('5.2', s.feedback.handledOnTime, s.feedback.total, 'feedback.handledOnTime', 'feedback.total'),
  '766-5.3': (s) => {
    const { total, dissatisfiedOrOverdue } = s.feedback;
    const share = ratio('5.3', dissatisfiedOrOverdue, total, 'feedback.dissatisfiedOrOverdue', 'feedback.total');
    return 'value' in share ? { value: 1 - share.value } : share;
  },
  '766-5.4': (s) => {
    const { handled, handledOnTime, withComplaintOrDislike } = s.dossiers;
    const absent = need({ 'dossiers.handledOnTime': handledOnTime, 'dossiers.withComplaintOrDislike': withComplaintOrDislike });
    if (absent !== null || handledOnTime === null || withComplaintOrDislike === null) return { missing: absent ?? '' };
    if (handled === 0) return { missing: 'dossiers.handled is 0' };
    if (handledOnTime > handled || withComplaintOrDislike > handled) {
      throw new BadUserInputError('766 5.4: a count exceeds dossiers.handled', { argument: 'stats' });
    }
    return { value: Math.max(0, 1 - ((handled - handledOnTime) + withComplaintOrDislike) / handled) };
  },
};

/** One 766 indicator for the unit-period. */
export interface Index766IndicatorResult {
  readonly code: string;
  readonly group: Index766Group['code'];
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: Index766Indicator['unit'];
  /** The rate (0–1) or, for 2.2, days; null when missing. */
  readonly value: number | null;
  /** min(1, rate ÷ fullMarksAt), or the rate when no threshold is given. */
  readonly attainment: number | null;
  /** Points used in our estimate: confirmed points, or an equal share of the group's remainder. */
  readonly weight: number;
  readonly weightConfirmed: boolean;
  readonly points: number | null;
  /** Name and formula confirmed by (a summary of) the official text. */
  readonly formulaConfirmed: boolean;
  readonly missingReason: string | null;
  readonly note: string | null;
}

/** One 766 group for the unit-period. */
export interface Index766GroupResult {
  readonly code: Index766Group['code'];
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: number;
  readonly maxPointsConfirmed: boolean;
  readonly points: number;
  readonly coveredPoints: number;
  readonly completeness: number;
  readonly conflicts: readonly string[];
}

/** The 766 index estimate for one unit-period. Never official: see `reason`. */
export interface Index766Result {
  readonly unitCode: string;
  readonly year: number;
  /** Σ indicator points over the indicators with a value (of `maxPoints`). */
  readonly points: number;
  readonly maxPoints: number;
  readonly completeness: number;
  readonly confirmed: false;
  readonly reason: string;
  readonly groups: readonly Index766GroupResult[];
  readonly indicators: readonly Index766IndicatorResult[];
}

/** Estimate weights per the catalogue's `estimateRule`: confirmed points kept, group remainder split equally. */
export function index766Weights(catalogue: Catalogue = loadCatalogue()): Map<string, number> {
  const weights = new Map<string, number>();
  for (const g of catalogue.index766.groups) {
    const inGroup = catalogue.index766.indicators.filter((i) => i.group === g.code);
    const fixed = inGroup.reduce((sum, i) => sum + (i.maxPoints ?? 0), 0);
    const open = inGroup.filter((i) => i.maxPoints === null && i.unit === 'fraction');
    for (const i of inGroup) {
      const share = open.includes(i) ? Math.max(0, g.maxPoints - fixed) / open.length : 0;
      weights.set(i.code, i.maxPoints ?? share);
    }
  }
  return weights;
}

function parseStats(stats: Index766Stats): Stats {
  const parsed = statsSchema.safeParse(stats);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
  throw new BadUserInputError(`Invalid 766 statistics${where}`, { argument: 'stats', cause: parsed.error });
}

/**
 * Estimates the 766/QĐ-TTg index (100 points) of one unit-period from its dossier statistics.
 * Indicator rates follow the catalogue formulas; points follow the catalogue's `estimateRule`, which is
 * our judgement wherever the official points are unconfirmed (groups 3 and 4, most indicators).
 */
export function index766(stats: Index766Stats, catalogue: Catalogue = loadCatalogue()): Index766Result {
  const s = parseStats(stats);
  const weights = index766Weights(catalogue);
  const indicators = catalogue.index766.indicators.map((def): Index766IndicatorResult => {
    const formula = FORMULAS[def.code];
    if (formula === undefined) throw new Error(`766: no formula implemented for ${def.code}`);
    const m = formula(s);
    const weight = weights.get(def.code) ?? 0;
    const common = {
      code: def.code,
      group: def.group,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      unit: def.unit,
      weight,
      weightConfirmed: def.pointsConfirmed,
      formulaConfirmed: def.confirmed,
    };
    if ('missing' in m) return { ...common, value: null, attainment: null, points: null, missingReason: m.missing, note: null };
    const attainment = def.unit === 'days' ? null : def.fullMarksAt === null ? m.value : Math.min(1, m.value / def.fullMarksAt);
    const points = attainment === null ? null : weight * attainment;
    return { ...common, value: m.value, attainment, points, missingReason: null, note: m.note ?? null };
  });

  const groups = catalogue.index766.groups.map((g): Index766GroupResult => {
    const inGroup = indicators.filter((i) => i.group === g.code);
    const points = inGroup.reduce((sum, i) => sum + (i.points ?? 0), 0);
    const coveredPoints = inGroup.reduce((sum, i) => sum + (i.points === null ? 0 : i.weight), 0);
    return {
      code: g.code,
      nameVi: g.nameVi,
      nameEn: g.nameEn,
      maxPoints: g.maxPoints,
      maxPointsConfirmed: g.confirmed,
      points,
      coveredPoints,
      completeness: coveredPoints / g.maxPoints,
      conflicts: g.conflicts,
    };
  });
  const maxPoints = catalogue.index766.totalPoints;
  const covered = groups.reduce((sum, g) => sum + g.coveredPoints, 0);
  return {
    unitCode: s.unitCode,
    year: s.year,
    points: groups.reduce((sum, g) => sum + g.points, 0),
    maxPoints,
    completeness: covered / maxPoints,
    confirmed: false,
    reason:
      'Estimate: the points of groups 3 and 4 and of most indicators are unconfirmed, several formulas come from a third-party ' +
      'transcription, and how points scale with a rate is stated only for 3.1; see the catalogue estimateRule.',
    groups,
    indicators,
  };
}
