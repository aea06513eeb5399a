import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { findUnit } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import type { Plan as PlanT } from '../domain/types.ts';

export const Plan = {
  unit: async (p: PlanT, _: unknown, ctx: PlansContext): Promise<AdministrativeUnitRecord | null> =>
    findUnit((await ctx.catalogue()).units, p.unitCode, p.issuedOn) ?? null,
};
