import type { PlansContext } from '../context.ts';
import { prepareImport } from '../domain/import.ts';
import { cleanImportInput } from '../domain/import-input.ts';
import type { Plan } from '../domain/types.ts';
import { toWirePlanInput } from '../upstream/outgoing.ts';

export const Mutation = {
  importPlan: async (_: unknown, args: { unitCode: string; text: string; title?: string | null }, ctx: PlansContext): Promise<Plan> => {
    const input = cleanImportInput({ text: args.text, title: args.title ?? null }, ctx.importLimits);
    const ready = prepareImport(input.text, args.unitCode.trim(), (await ctx.catalogue()).units);
    return ctx.upstream.createPlan(toWirePlanInput(ready.plan, { unitCode: ready.unit.code, title: input.title, text: input.text }));
  },
};
