import type { AdministrativeUnitRecord, RecordScope } from '../../../lib/units/index.ts';
import type { Plan, PlanYearSummary } from './types.ts';

/** Plans a unit issued while it was in force (its code, its validity). */
export function plansOfUnit(plans: readonly Plan[], unit: AdministrativeUnitRecord): Plan[] {
  return plans.filter(
    (p) =>
      p.unitCode === unit.code &&
      (unit.validFrom === null || p.issuedOn >= unit.validFrom) &&
      (unit.validTo === null || p.issuedOn <= unit.validTo),
  );
}

/**
 * Plans that bear on a unit-year: issued, by a unit whose records make up the year, no later
 * than that unit's part of the year ends. For a merged unit before the merger these are its
 * predecessors' plans, and the summary says it was rolled up.
 */
export function planYearSummary(
  plansByCode: ReadonlyMap<string, readonly Plan[]>,
  scopes: readonly RecordScope[],
  unitId: string,
  fetched: { readonly fetchedAt: string; readonly url: string },
): PlanYearSummary {
  const seen = new Set<string>();
  const plans: Plan[] = [];
  for (const scope of scopes) {
    for (const p of plansByCode.get(scope.code) ?? []) {
      if (p.issuedOn <= scope.to && !seen.has(p.id)) {
        seen.add(p.id);
        plans.push(p);
      }
    }
  }
  plans.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
  const foreign = scopes.filter((s) => s.unitId !== unitId);
  const rolledUp = foreign.length > 0;
  return {
    plans,
    planCount: plans.length,
    source: {
      system: 'PLANS',
      status: scopes.length === 0 || plans.length === 0 ? 'MISSING' : 'OK',
      recordRef: plans.length === 0 ? null : plans.map((p) => p.id).join(','),
      fetchedAt: fetched.fetchedAt,
      asOf: null,
      rolledUpFrom: rolledUp ? scopes : [],
      note:
        scopes.length === 0
          ? 'the unit was not in force in this year and had no predecessors then'
          : plans.length === 0
            ? 'the plan registry holds no plan issued by this unit (or its predecessors) by the end of the year'
            : rolledUp
              ? `includes plans of the units it was formed from: ${[...new Set(foreign.map((s) => s.name))].join(', ')}`
              : null,
    },
  };
}
