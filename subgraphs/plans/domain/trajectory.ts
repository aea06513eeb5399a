import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import { targetActual, type UnitYearFigures } from './targets.ts';
import type { PlanTarget, Provenance } from './types.ts';

/** Whether a target will be reached, from what the owning system measured so far. */
export type Verdict = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'MET' | 'NOT_MEASURABLE';

/** What a rule tests, in terms a reader can check by hand against the points. */
export type RuleCondition =
  /** No year has a figure comparable with the target (no linked indicator, other level or unit, no target year). */
  | { readonly kind: 'noComparableFigure' }
  /** The latest measured value meets the target's bounds. */
  | { readonly kind: 'latestMeets' }
  /** The target's year has been measured and the value misses it. */
  | { readonly kind: 'dueAndMissed' }
  /** Fewer measured years than a trend needs. */
  | { readonly kind: 'fewerPointsThan'; readonly points: number }
  /** The projection to the target year meets the target's bounds. */
  | { readonly kind: 'projectionMeets' }
  /** The projection misses the target by at most `percentagePoints`. */
  | { readonly kind: 'projectionShortByAtMost'; readonly percentagePoints: number }
  /** Matches whatever reaches it. */
  | { readonly kind: 'otherwise' };

/** One rule of the verdict table: the first whose condition holds decides. */
export interface TrajectoryRule {
  readonly id: string;
  readonly verdict: Verdict;
  readonly when: RuleCondition;
  readonly text: string;
}

/**
 * The verdict table, as data, first match wins (documented in docs/trajectory.md). The 5-point
 * margin of AT_RISK is our choice, not a ministry rule: a projection that short is within one
 * year's typical gain of the simulated and published rates.
 */
export const TRAJECTORY_RULES: readonly TrajectoryRule[] = [
  { id: 'R1', verdict: 'NOT_MEASURABLE', when: { kind: 'noComparableFigure' }, text: 'no year has a figure comparable with the target' },
  { id: 'R2', verdict: 'MET', when: { kind: 'latestMeets' }, text: 'the latest measured value meets the target' },
  { id: 'R3', verdict: 'OFF_TRACK', when: { kind: 'dueAndMissed' }, text: 'the target year was measured and the value misses the target' },
  { id: 'R4', verdict: 'NOT_MEASURABLE', when: { kind: 'fewerPointsThan', points: 2 }, text: 'fewer than two measured years: no trend to project' },
  { id: 'R5', verdict: 'ON_TRACK', when: { kind: 'projectionMeets' }, text: 'the projection to the target year meets the target' },
  {
    id: 'R6',
    verdict: 'AT_RISK',
    when: { kind: 'projectionShortByAtMost', percentagePoints: 5 },
    text: 'the projection to the target year misses the target by at most 5 percentage points',
  },
  { id: 'R7', verdict: 'OFF_TRACK', when: { kind: 'otherwise' }, text: 'the projection to the target year misses the target by more than 5 percentage points' },
];

/** The figures of one year of the target's unit, as the source subgraphs sent them. */
export interface YearFigures {
  readonly year: number;
  readonly figures: UnitYearFigures;
}

export interface TrajectoryPoint {
  readonly year: number;
  /** In the target's unit (percent for rates); null when that year has no figure. */
  readonly value: number | null;
  readonly status: ProvenanceStatus;
  readonly source: Provenance | null;
}

export interface Projection {
  readonly year: number;
  readonly value: number;
}

export interface Trajectory {
  readonly points: readonly TrajectoryPoint[];
  readonly projection: Projection | null;
  /** How the projection was made; null without one. */
  readonly method: string | null;
  readonly verdict: Verdict;
  /** The rule that produced the verdict: its id and text. */
  readonly rule: string;
  /** How far the projection (or the target-year value) misses the target, percentage points; null when it does not or cannot. */
  readonly shortfall: number | null;
}

export const LEAST_SQUARES = 'least-squares linear fit over the measured years, clamped to 0–100%';

/** Ordinary least-squares line through (year, value), evaluated at `year`. Needs two distinct years. */
export function leastSquaresAt(points: ReadonlyArray<{ readonly year: number; readonly value: number }>, year: number): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0);
  return my + (sxy / sxx) * (year - mx);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** How far `value` misses the target's bounds, in the target's unit; 0 when it meets them. */
function gap(value: number, target: PlanTarget): number {
  if (target.min !== null) return Math.max(0, target.min - value);
  if (target.max !== null) return Math.max(0, value - target.max);
  return 0;
}

/**
 * A target's trajectory from the figures of its unit's years: each year's value as `targetActual`
 * compares it, a least-squares projection to the target year from two or more measured years, and
 * the verdict of the first rule that holds. Pure.
 */
export function trajectory(
  target: PlanTarget,
  indicatorCode: string | null,
  years: readonly YearFigures[],
  rules: readonly TrajectoryRule[] = TRAJECTORY_RULES,
): Trajectory {
  const points: TrajectoryPoint[] = [...years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const a = targetActual(target, indicatorCode, y.figures, y.year);
      return { year: y.year, value: a.value, status: a.status, source: a.source };
    });
  const measured = points.flatMap((p) => (p.value === null ? [] : [{ year: p.year, value: p.value }]));
  const comparable = target.targetYear !== null && measured.length > 0;
  const latest = measured.at(-1);
  const targetYear = target.targetYear;
  const projection =
    targetYear !== null && measured.length >= 2 && (latest?.year ?? targetYear) < targetYear
      ? { year: targetYear, value: round2(Math.min(100, Math.max(0, leastSquaresAt(measured, targetYear)))) }
      : null;
  const atTarget = measured.find((p) => p.year === targetYear);

  const holds = (c: RuleCondition): boolean => {
    switch (c.kind) {
      case 'noComparableFigure':
        return !comparable;
      case 'latestMeets':
        return latest !== undefined && gap(latest.value, target) === 0;
      case 'dueAndMissed':
        return targetYear !== null && latest !== undefined && latest.year >= targetYear;
      case 'fewerPointsThan':
        return measured.length < c.points;
      case 'projectionMeets':
        return projection !== null && gap(projection.value, target) === 0;
      case 'projectionShortByAtMost':
        return projection !== null && gap(projection.value, target) <= c.percentagePoints;
      case 'otherwise':
        return true;
    }
  };
  const rule = rules.find((r) => holds(r.when));
  if (rule === undefined) throw new Error('the trajectory rule table has no catch-all rule');
  const missedBy = projection !== null ? gap(projection.value, target) : atTarget !== undefined ? gap(atTarget.value, target) : null;
  return {
    points,
    projection,
    method: projection === null ? null : LEAST_SQUARES,
    verdict: rule.verdict,
    rule: `${rule.id}: ${rule.text}`,
    shortfall: missedBy === null || missedBy === 0 ? null : round2(missedBy),
  };
}

const SEVERITY: Readonly<Record<Verdict, number>> = { OFF_TRACK: 0, AT_RISK: 1, ON_TRACK: 2, NOT_MEASURABLE: 3, MET: 4 };

/** Targets at risk or off track, worst first: off track before at risk, then by shortfall, largest first. */
export function worstFirst<T extends { readonly trajectory: Trajectory }>(items: readonly T[]): T[] {
  return items
    .filter((i) => i.trajectory.verdict === 'AT_RISK' || i.trajectory.verdict === 'OFF_TRACK')
    .sort((a, b) => SEVERITY[a.trajectory.verdict] - SEVERITY[b.trajectory.verdict] || (b.trajectory.shortfall ?? 0) - (a.trajectory.shortfall ?? 0));
}
