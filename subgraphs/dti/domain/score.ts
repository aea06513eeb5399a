import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { loadCatalogue, methodologyByCode, scoredItems } from './catalogue.ts';
import type { Catalogue, MethodologyCode } from './catalogue.ts';

/** A normalised value (0–1) of a scored item: a main indicator, or a pillar under 1726. */
export interface IndicatorValue {
  readonly code: string;
  readonly value: number;
}

/** One scored item's share of the total. */
export interface ScoreContribution {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: number | null;
  /** Null when no value was given. */
  readonly value: number | null;
  /** maxPoints × value; null when either is unknown. */
  readonly points: number | null;
}

/** Result of `dtiScore`; the `score` scale is the published one (0–1). */
export interface DtiScore {
  readonly methodology: MethodologyCode;
  readonly scoredLevel: 'pillar' | 'main';
  /** Σ(points × value) ÷ total points over the items that have a value; null when points are unconfirmed. */
  readonly score: number | null;
  /** Full scale of `score` (published DTI is 0–1). */
  readonly maxScore: 1;
  /** Σ(points × value) over the items with a value, on the points scale (of `totalPoints`). */
  readonly points: number | null;
  readonly totalPoints: number | null;
  /** Points of the items that have a value. */
  readonly coveredPoints: number | null;
  /** coveredPoints ÷ totalPoints: 1 when every weighted item has a value. */
  readonly completeness: number | null;
  /** points ÷ coveredPoints: the level reached on what was measured (not comparable with published totals). */
  readonly scoreOnCovered: number | null;
  readonly itemsWithValue: number;
  readonly itemsTotal: number;
  /** Why `score` is null or partial; null for a complete, confirmed score. */
  readonly reason: string | null;
  /** Whether the aggregation rule and every weight used are confirmed by the reference. */
  readonly confirmed: boolean;
  /**
   * True when user-supplied provisional points stood in for unconfirmed ones: the answer is a
   * what-if on those points, never the official score.
   */
  readonly provisional: boolean;
  readonly contributions: readonly ScoreContribution[];
}

/** Points a user supplies for an item whose official points are not confirmed yet. */
export interface ProvisionalPoints {
  readonly code: string;
  readonly points: number;
}

const provisionalSchema = z.array(z.object({ code: z.string().min(1), points: z.number().positive().max(1000) }));

const valuesSchema = z.array(z.object({ code: z.string().min(1), value: z.number().min(0).max(1) }));

function parseValues(values: unknown): IndicatorValue[] {
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
    throw new BadUserInputError(`Invalid indicator values${where} (each value must be a number from 0 to 1)`, {
      argument: 'values',
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * DTI total as the weighted sum of scored-item values: Σ(maxPoints × value) ÷ total points (0–1 scale).
 * Items are main indicators (922, 405) or the three pillars (1726, whose published 2020 totals are
 * 0.4·CQS + 0.3·KTS + 0.3·XHS). Items without a value count zero and lower `completeness`.
 */
export function dtiScore(
  methodologyCode: string,
  values: readonly IndicatorValue[],
  catalogue: Catalogue = loadCatalogue(),
  provisionalPoints: readonly ProvisionalPoints[] = [],
): DtiScore {
  const methodology = methodologyByCode(methodologyCode, catalogue);
  const parsedProvisional = provisionalSchema.safeParse(provisionalPoints);
  if (!parsedProvisional.success) {
    const i = parsedProvisional.error.issues[0];
    throw new BadUserInputError(`Invalid provisional points${i === undefined ? '' : ` at ${i.path.join('.')}: ${i.message}`}`, { argument: 'provisionalPoints' });
  }
  const provisional = new Map<string, number>();
  for (const p of parsedProvisional.data) {
    const item = scoredItems(methodology).find((i) => i.code === p.code);
    if (item === undefined) throw new BadUserInputError(`"${p.code}" is not a scored item of ${methodology.code}`, { argument: 'provisionalPoints' });
    // Confirmed points are the official ones: a provisional figure may only fill a gap.
    if (item.maxPoints !== null) throw new BadUserInputError(`"${p.code}" has confirmed points (${item.maxPoints}); provisional points only stand in for unconfirmed ones`, { argument: 'provisionalPoints' });
    if (provisional.has(p.code)) throw new BadUserInputError(`"${p.code}" is given twice`, { argument: 'provisionalPoints' });
    provisional.set(p.code, p.points);
  }
  const items = scoredItems(methodology).map((i) => (provisional.has(i.code) ? { ...i, maxPoints: provisional.get(i.code) ?? null } : i));
  const byCode = new Map<string, number>();
  for (const v of parseValues(values)) {
    if (!items.some((i) => i.code === v.code)) {
      const known = items.map((i) => i.code).join(', ');
      throw new BadUserInputError(`"${v.code}" is not a scored item of ${methodology.code}; known: ${known}`, { argument: 'values' });
    }
    if (byCode.has(v.code)) throw new BadUserInputError(`"${v.code}" is given twice`, { argument: 'values' });
    byCode.set(v.code, v.value);
  }

  const contributions = items.map((i): ScoreContribution => {
    const value = byCode.get(i.code) ?? null;
    const points = value === null || i.maxPoints === null ? null : i.maxPoints * value;
    return { code: i.code, nameVi: i.nameVi, nameEn: i.nameEn, maxPoints: i.maxPoints, value, points };
  });
  const base = {
    methodology: methodology.code,
    scoredLevel: methodology.scoredLevel,
    maxScore: 1 as const,
    itemsWithValue: byCode.size,
    itemsTotal: items.length,
    contributions,
    provisional: provisional.size > 0,
  };
  const provisionalNote =
    provisional.size === 0 ? null : `PROVISIONAL: computed from user-supplied points for ${[...provisional.keys()].join(', ')}, not the official points.`;
  const withNote = (reason: string | null): string | null => (provisionalNote === null ? reason : reason === null ? provisionalNote : `${provisionalNote} ${reason}`);

  const unconfirmed = items.filter((i) => i.maxPoints === null).map((i) => i.code);
  if (unconfirmed.length > 0) {
    return {
      ...base,
      score: null,
      points: null,
      totalPoints: null,
      coveredPoints: null,
      completeness: null,
      scoreOnCovered: null,
      confirmed: false,
      reason: withNote(
        `The points of ${methodology.code} ${methodology.scoredLevel === 'pillar' ? 'pillars' : 'main indicators'} are unconfirmed ` +
        `(${unconfirmed.join(', ')}): the reference gives no weights, so no total can be computed.` +
          (provisional.size > 0 ? ' Supply provisional points for every one of them to get a provisional total.' : ''),
      ),
    };
  }

  let totalPoints = 0;
  let coveredPoints = 0;
  let points = 0;
  for (const c of contributions) {
    const max = c.maxPoints ?? 0;
    totalPoints += max;
    if (c.value !== null) {
      coveredPoints += max;
      points += max * c.value;
    }
  }
  const missing = contributions.filter((c) => c.value === null && (c.maxPoints ?? 0) > 0).map((c) => c.code);
  if (coveredPoints === 0) {
    // Nothing weighted was measured: a total of 0 would read as a result.
    return {
      ...base,
      score: null,
      points: null,
      totalPoints,
      coveredPoints,
      completeness: 0,
      scoreOnCovered: null,
      confirmed: provisional.size === 0 && methodology.aggregation.confirmed,
      reason: withNote(`No value for any weighted item of ${methodology.code} (${missing.join(', ')}).`),
    };
  }
  return {
    ...base,
    score: points / totalPoints,
    points,
    totalPoints,
    coveredPoints,
    completeness: coveredPoints / totalPoints,
    scoreOnCovered: coveredPoints > 0 ? points / coveredPoints : null,
    confirmed: provisional.size === 0 && methodology.aggregation.confirmed,
    reason: withNote(
      missing.length === 0
        ? null
        : `Partial: no value for ${missing.join(', ')} (${totalPoints - coveredPoints} of ${totalPoints} points); they count as zero.`,
    ),
  };
}
