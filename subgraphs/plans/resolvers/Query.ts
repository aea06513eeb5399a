import { inOneLine } from '../../../lib/util/bilingual.ts';
import type { PlansContext } from '../context.ts';
import { importMessages } from '../domain/messages.ts';
import { previewImport, type PlanPreview } from '../domain/preview.ts';

export const Query = {
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
