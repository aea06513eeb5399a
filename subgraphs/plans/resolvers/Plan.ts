import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { findUnit } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import type { Plan as PlanT, PlanTarget, PlanTask } from '../domain/types.ts';

/** A target with the plan it belongs to, as the PlanTarget resolvers see it. */
export interface TargetInPlan extends PlanTarget {
  readonly plan: PlanT;
}

export const Plan = {
  unit: async (p: PlanT, _: unknown, ctx: PlansContext): Promise<AdministrativeUnitRecord | null> =>
    findUnit((await ctx.catalogue()).units, p.unitCode, p.issuedOn) ?? null,
  targets: (p: PlanT): TargetInPlan[] => p.targets.map((t) => ({ ...t, plan: p })),
  tasks: (p: PlanT) =>
    p.tasks.map((t: PlanTask) => ({
      title: t.title,
      lead: t.lead.map((name) => ({ name })),
      cooperating: t.cooperating.map((name) => ({ name })),
      timeframe: t.timeframe === null && t.from === null ? null : { text: t.timeframe, from: t.from, to: t.to },
      result: t.result,
    })),
};
