import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { findUnit } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import type { Plan as PlanT, PlanTarget, PlanTask } from '../domain/types.ts';

/** A target with the plan it belongs to, as the PlanTarget resolvers see it. */
export interface TargetInPlan extends PlanTarget {
  readonly plan: PlanT;
}

/** An agency mention with what its key needs: the plan's unit and issue date. */
export interface TaskAgency {
  readonly name: string;
  readonly unitId: string;
  readonly onDate: string;
}

export const Plan = {
  unit: async (p: PlanT, _: unknown, ctx: PlansContext): Promise<AdministrativeUnitRecord | null> =>
    findUnit((await ctx.catalogue()).units, p.unitCode, p.issuedOn) ?? null,
  targets: (p: PlanT): TargetInPlan[] => p.targets.map((t) => ({ ...t, plan: p })),
  tasks: async (p: PlanT, _: unknown, ctx: PlansContext) => {
    const unit = findUnit((await ctx.catalogue()).units, p.unitCode, p.issuedOn);
    // The import only files a plan under a unit in force on its date; should one slip through,
    // the id names no unit and the documents subgraph links its agencies to nothing.
    const agencyOf = (name: string): TaskAgency => ({ name, unitId: unit?.id ?? `${p.unitCode}@unknown`, onDate: p.issuedOn });
    return p.tasks.map((t: PlanTask) => ({
      title: t.title,
      lead: t.lead.map(agencyOf),
      cooperating: t.cooperating.map(agencyOf),
      timeframe: t.timeframe === null && t.from === null ? null : { text: t.timeframe, from: t.from, to: t.to },
      result: t.result,
    }));
  },
};
