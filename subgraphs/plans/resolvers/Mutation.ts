import type { PlansContext } from '../context.ts';
import { prepareImport } from '../domain/import.ts';
import type { Plan } from '../domain/types.ts';
import { toWirePlanInput } from '../upstream/outgoing.ts';

export const Mutation = {
  importPlan: async (_: unknown, args: { unitCode: string; text: string; title?: string | null }, ctx: PlansContext): Promise<Plan> => {
    const ready = prepareImport(args.text, args.unitCode.trim(), (await ctx.catalogue()).units);
    return ctx.upstream.createPlan(toWirePlanInput(ready.plan, { unitCode: ready.unit.code, title: args.title ?? null, text: args.text }));
  },
};
