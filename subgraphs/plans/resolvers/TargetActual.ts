import { NotFoundError } from '../../../lib/errors/index.ts';
import type { PlansContext } from '../context.ts';
import { targetActual, targetIndicator, type TargetActualResult, type UnitYearFigures } from '../domain/targets.ts';
import type { UnitYear } from '../domain/types.ts';
import { unitYear } from '../domain/units.ts';
import { checkYear, findUnit } from '../../../lib/units/index.ts';

/** A target-actual before the other subgraphs' figures arrive (first planner wave). */
export interface TargetActualStub {
  readonly planId: string;
  readonly targetIndex: number;
  readonly year: number;
  readonly unitYear: UnitYear;
  /** Whether the target's year has come; known from the target, so no second registry read. */
  readonly due: boolean | null;
}

interface Representation {
  readonly planId: string;
  readonly targetIndex: number;
  readonly year: number;
  readonly unitYear?: UnitYearFigures | null;
}

type Resolved = TargetActualResult & { readonly planId: string; readonly targetIndex: number; readonly year: number; readonly unitYear: UnitYear | null };

export const TargetActual = {
  // Called with the figures the @requires fields asked of the source subgraphs; and, by key alone, for the
  // unit-year whose record scopes (dti's) those subgraphs need first.
  __resolveReference: async (ref: Representation, ctx: PlansContext): Promise<Resolved> => {
    const plan = await ctx.loaders.planById.load(ref.planId);
    const target = plan.targets[ref.targetIndex];
    if (target === undefined) throw new NotFoundError(`plan ${ref.planId} has no target #${ref.targetIndex}`);
    const code = targetIndicator(target, ctx.indicators)?.code ?? null;
    const catalogue = await ctx.catalogue();
    const unit = findUnit(catalogue.units, plan.unitCode, plan.issuedOn);
    return {
      ...targetActual(target, code, ref.unitYear ?? {}, ref.year),
      planId: ref.planId,
      targetIndex: ref.targetIndex,
      year: ref.year,
      unitYear: unit === undefined ? null : unitYear(catalogue.units, unit, checkYear(ref.year, ctx.dataYears)),
    };
  },
};
