import { NotFoundError } from '../../../lib/errors/index.ts';
import type { PlansContext } from '../context.ts';
import { targetActual, targetIndicator, type TargetActualResult, type UnitYearFigures } from '../domain/targets.ts';
import type { UnitYearKey } from '../domain/types.ts';

/**
 * A target-actual before the other subgraphs' figures arrive (first planner wave). Its key carries the
 * unit-year's key, so the dti subgraph answers the unit-year (and the record scopes the sources need)
 * without the planner asking plans, and so the registry, for it first.
 */
export interface TargetActualStub {
  readonly planId: string;
  readonly targetIndex: number;
  readonly year: number;
  readonly unitYearKey: UnitYearKey;
  /** Whether the target's year has come; known from the target, so no second registry read. */
  readonly due: boolean | null;
}

interface Representation {
  readonly planId: string;
  readonly targetIndex: number;
  readonly year: number;
  readonly unitYearKey: UnitYearKey;
  readonly unitYear?: UnitYearFigures | null;
}

type Resolved = TargetActualResult & { readonly planId: string; readonly targetIndex: number; readonly year: number; readonly unitYearKey: UnitYearKey };

export const TargetActual = {
  // Called with the figures the @requires fields asked of the source subgraphs.
  __resolveReference: async (ref: Representation, ctx: PlansContext): Promise<Resolved> => {
    const plan = await ctx.loaders.planById.load(ref.planId);
    const target = plan.targets[ref.targetIndex];
    if (target === undefined) throw new NotFoundError(`plan ${ref.planId} has no target #${ref.targetIndex}`);
    const code = targetIndicator(target, ctx.indicators)?.code ?? null;
    return { ...targetActual(target, code, ref.unitYear ?? {}, ref.year), planId: ref.planId, targetIndex: ref.targetIndex, year: ref.year, unitYearKey: ref.unitYearKey };
  },
};
