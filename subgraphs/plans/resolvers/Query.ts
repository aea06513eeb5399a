import { NotFoundError } from '../../../lib/errors/index.ts';
import { inOneLine } from '../../../lib/util/bilingual.ts';
import type { AdministrativeUnitRecord, UnitLevel } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import { checkAsOf, recordsBegin } from '../domain/period.ts';
import { importMessages } from '../domain/messages.ts';
import { previewImport, type PlanPreview } from '../domain/preview.ts';
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

  previewPlan: async (_: unknown, args: { unitCode: string; text: string; title?: string | null }, ctx: PlansContext): Promise<PlanPreview> => {
    const preview = previewImport({ text: args.text, title: args.title ?? null, unitCode: args.unitCode }, (await ctx.catalogue()).units, ctx.importLimits);
    const { symbol, issuedOn } = preview.plan;
    if (preview.unit === null || symbol === null || issuedOn === null) return preview;
    // The registry refuses a plan it holds already (same symbol, unit and date): said ahead, as a
    // warning, since the refusal is the registry's to make.
    try {
      const held = (await ctx.upstream.plansOf([preview.unit.code])).items.find((p) => p.symbol === symbol && p.issuedOn === issuedOn);
      if (held === undefined) return preview;
      return { ...preview, warnings: [...preview.warnings, inOneLine(importMessages.alreadyHeld(symbol, issuedOn, preview.unit.code, held.id))] };
    } catch {
      return { ...preview, warnings: [...preview.warnings, inOneLine(importMessages.registryUnasked())] };
    }
  },
};
