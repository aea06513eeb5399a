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
  readonly contributions: readonly ScoreContribution[];
}

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
export function dtiScore(methodologyCode: string, values: readonly IndicatorValue[], catalogue: Catalogue = loadCatalogue()): DtiScore {
  const methodology = methodologyByCode(methodologyCode, catalogue);
  const items = scoredItems(methodology);
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
  };

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
      reason:
        `The points of ${methodology.code} ${methodology.scoredLevel === 'pillar' ? 'pillars' : 'main indicators'} are unconfirmed ` +
        `(${unconfirmed.join(', ')}): the reference gives no weights, so no total can be computed.`,
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
      confirmed: methodology.aggregation.confirmed,
      reason: `No value for any weighted item of ${methodology.code} (${missing.join(', ')}).`,
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
    confirmed: methodology.aggregation.confirmed,
    reason:
      missing.length === 0
        ? null
        : `Partial: no value for ${missing.join(', ')} (${totalPoints - coveredPoints} of ${totalPoints} points); they count as zero.`,
  };
}
