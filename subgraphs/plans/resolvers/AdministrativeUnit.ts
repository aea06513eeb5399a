import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { predecessorsOf } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import { plansOfUnit } from '../domain/plans.ts';
import type { Plan } from '../domain/types.ts';
import { targetsAtRiskStub, type TargetsAtRiskStub } from './TargetTrajectory.ts';

type Unit = AdministrativeUnitRecord;

// The unit itself is the dti subgraph's (reference data); plans adds what the registry holds for it.
export const AdministrativeUnit = {
  __resolveReference: async (ref: { id: string }, ctx: PlansContext): Promise<Unit | null> =>
    (await ctx.catalogue()).byId.get(ref.id) ?? null,

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
