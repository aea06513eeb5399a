import type { DtiScore } from '../domain/index.ts';

/** `DtiScore` as the schema shows it (Vietnamese names as `name`, enums upper-case). */
export function scoreView(s: DtiScore) {
  return {
    methodology: s.methodology,
    scoredLevel: s.scoredLevel === 'pillar' ? 'PILLAR' : 'MAIN_INDICATOR',
    score: s.score,
    maxScore: s.maxScore,
    points: s.points,
    totalPoints: s.totalPoints,
    coveredPoints: s.coveredPoints,
    completeness: s.completeness,
    scoreOnCovered: s.scoreOnCovered,
    itemsWithValue: s.itemsWithValue,
    itemsTotal: s.itemsTotal,
    reason: s.reason,
    confirmed: s.confirmed,
    provisional: s.provisional,
    contributions: s.contributions.map((c) => ({ code: c.code, name: c.nameVi, nameEn: c.nameEn, maxPoints: c.maxPoints, value: c.value, points: c.points })),
  } as const;
}
