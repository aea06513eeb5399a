import type { PlansContext } from '../context.ts';
import { checkYear } from '../../../lib/units/index.ts';
import { planYearSummary } from '../domain/plans.ts';
import type { Plan, PlanYearSummary, UnitYear as UnitYearT } from '../domain/types.ts';
import { unitYear } from '../../../lib/units/index.ts';

// The unit-year is the dti subgraph's; plans adds the plans in force, reading the registry for every unit in scope.
export const UnitYear = {
  __resolveReference: async (ref: { unitId: string; year: number }, ctx: PlansContext): Promise<UnitYearT | null> => {
    const catalogue = await ctx.catalogue();
    const unit = catalogue.byId.get(ref.unitId);
    return unit === undefined ? null : unitYear(catalogue.units, unit, checkYear(ref.year, ctx.dataYears));
  },

  plans: async (y: UnitYearT, _: unknown, ctx: PlansContext): Promise<PlanYearSummary> => {
    const codes = [...new Set(y.recordScopes.map((s) => s.code))];
    const fetched = await ctx.loaders.plansByCode.loadMany(codes);
    const byCode = new Map<string, readonly Plan[]>();
    let meta = { fetchedAt: new Date().toISOString(), url: '' };
    codes.forEach((code, i) => {
      const f = fetched[i];
      if (f instanceof Error) throw f;
      if (f !== undefined) {
        byCode.set(code, f.items);
        meta = { fetchedAt: f.fetchedAt, url: f.url };
      }
    });
    return planYearSummary(byCode, y.recordScopes, y.unitId, meta);
  },
};
