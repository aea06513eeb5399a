import type { PlansContext } from '../context.ts';
import { checkYear } from '../../../lib/units/index.ts';
import { targetIndicator, type TargetIndicator } from '../domain/targets.ts';
import { findUnit } from '../../../lib/units/index.ts';
import { toGraphQLLevel } from '../../../lib/units/index.ts';
import type { TargetInPlan } from './Plan.ts';
import type { TargetActualStub } from './TargetActual.ts';
import { trajectoryStub, type TrajectoryStub } from './TargetTrajectory.ts';

export const PlanTarget = {
  unit: (t: TargetInPlan) => t.unit.toUpperCase(),
  level: (t: TargetInPlan) => (t.level === null ? null : toGraphQLLevel(t.level)),
  indicator: (t: TargetInPlan, _: unknown, ctx: PlansContext): (Omit<TargetIndicator, 'sourceSystem'> & { sourceSystem: string }) | null => {
    const link = targetIndicator(t, ctx.indicators);
    return link === null ? null : { ...link, sourceSystem: link.sourceSystem.toUpperCase() };
  },
  actual: async (t: TargetInPlan, args: { year: number }, ctx: PlansContext): Promise<TargetActualStub | null> => {
    const year = checkYear(args.year, ctx.dataYears);
    const catalogue = await ctx.catalogue();
    const unit = findUnit(catalogue.units, t.plan.unitCode, t.plan.issuedOn);
    if (unit === undefined) return null;
    const due = t.targetYear === null ? null : year >= t.targetYear;
    return { planId: t.plan.id, targetIndex: t.index, year, unitYearKey: { unitId: unit.id, year }, due };
  },
  trajectory: (t: TargetInPlan, args: { through?: number | null }, ctx: PlansContext): Promise<TrajectoryStub> => trajectoryStub(t, args.through, ctx),
};
