import { NotFoundError } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord, UnitLevel } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import { checkAsOf, recordsBegin } from '../domain/period.ts';
import { listUnits, unitByCode } from '../domain/units.ts';
import { fromGraphQLLevel } from './levels.ts';

export const Query = {
  unit: async (_: unknown, args: { code: string; asOf?: string | null }, ctx: PlansContext): Promise<AdministrativeUnitRecord> => {
    const units = (await ctx.catalogue()).units;
    return unitByCode(units, args.code.trim(), checkAsOf(args.asOf ?? ctx.today, units, recordsBegin(ctx.dataYears)));
  },

  unitById: async (_: unknown, args: { id: string }, ctx: PlansContext): Promise<AdministrativeUnitRecord> => {
    const unit = (await ctx.catalogue()).byId.get(args.id);
    if (unit === undefined) throw new NotFoundError(`no administrative unit has id "${args.id}"`, { argument: 'id' });
    return unit;
  },

  units: async (_: unknown, args: { level?: string | null; asOf?: string | null }, ctx: PlansContext): Promise<AdministrativeUnitRecord[]> => {
    const level: UnitLevel = fromGraphQLLevel(args.level ?? 'PROVINCE');
    const units = (await ctx.catalogue()).units;
    return listUnits(units, level, checkAsOf(args.asOf ?? ctx.today, units, recordsBegin(ctx.dataYears)));
  },

  dataYears: (_: unknown, __: unknown, ctx: PlansContext) => ctx.dataYears,
};
