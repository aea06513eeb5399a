import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { predecessorsOf, successorsOf } from '../../../lib/units/index.ts';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { PlansContext } from '../context.ts';
import { checkYear } from '../domain/period.ts';
import { plansOfUnit } from '../domain/plans.ts';
import type { Plan, UnitYear } from '../domain/types.ts';
import { childrenOf, unitYear } from '../domain/units.ts';
import { toGraphQLLevel } from './levels.ts';
import { targetsAtRiskStub, type TargetsAtRiskStub } from './TargetTrajectory.ts';

type Unit = AdministrativeUnitRecord;

// Every walk spends from the request's budget, so a nesting bomb stops early (the subgraph's own guard).
function walked(ctx: PlansContext, units: Unit[]): Unit[] {
  ctx.walk.spend(1 + units.length);
  return units;
}

export const AdministrativeUnit = {
  __resolveReference: async (ref: { id: string }, ctx: PlansContext): Promise<Unit | null> =>
    (await ctx.catalogue()).byId.get(ref.id) ?? null,

  level: (u: Unit) => toGraphQLLevel(u.level),

  parent: async (u: Unit, _: unknown, ctx: PlansContext): Promise<Unit | null> => {
    if (u.parentCode === null) return null;
    const units = (await ctx.catalogue()).units;
    const parentCode = u.parentCode;
    // The parent in force on the child's last day (or today) — the province it belonged to.
    const day = u.validTo ?? ctx.today;
    return units.find((p) => p.code === parentCode && (p.validTo === null || p.validTo >= day) && (p.validFrom === null || p.validFrom <= day)) ?? null;
  },

  children: async (u: Unit, _: unknown, ctx: PlansContext): Promise<Unit[]> => walked(ctx, childrenOf((await ctx.catalogue()).units, u)),

  predecessors: async (u: Unit, _: unknown, ctx: PlansContext): Promise<Unit[]> => walked(ctx, predecessorsOf((await ctx.catalogue()).units, u)),

  successors: async (u: Unit, _: unknown, ctx: PlansContext): Promise<Unit[]> => walked(ctx, successorsOf((await ctx.catalogue()).units, u)),

  year: async (u: Unit, args: { year: number }, ctx: PlansContext): Promise<UnitYear> =>
    unitYear((await ctx.catalogue()).units, u, checkYear(args.year, ctx.dataYears)),

  years: async (u: Unit, args: { from: number; to: number }, ctx: PlansContext): Promise<UnitYear[]> => {
    const from = checkYear(args.from, ctx.dataYears);
    const to = checkYear(args.to, ctx.dataYears);
    if (from > to) throw new BadUserInputError(`from (${from}) is after to (${to})`, { argument: 'from' });
    const units = (await ctx.catalogue()).units;
    return Array.from({ length: to - from + 1 }, (_, i) => unitYear(units, u, from + i));
  },

  targetsAtRisk: (u: Unit, args: { year?: number | null }, ctx: PlansContext): Promise<TargetsAtRiskStub> => targetsAtRiskStub(u, args.year, ctx),

  plans: async (u: Unit, args: { includePredecessors?: boolean | null }, ctx: PlansContext): Promise<Plan[]> => {
    const units = args.includePredecessors === true ? [u, ...predecessorsOf((await ctx.catalogue()).units, u)] : [u];
    const fetched = await ctx.loaders.plansByCode.loadMany(units.map((x) => x.code));
    return units.flatMap((unit, i) => {
      const f = fetched[i];
      if (f instanceof Error) throw f;
      return f === undefined ? [] : plansOfUnit(f.items, unit);
    });
  },
};
