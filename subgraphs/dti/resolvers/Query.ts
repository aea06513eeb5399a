import { catalogueView, selectMethodologies } from '../assembly/catalogue-view.ts';
import { scoreView } from '../assembly/score-view.ts';
import type { DtiContext } from '../context.ts';
import { dtiScore } from '../domain/index.ts';

export const Query = {
  dtiScore: (_: unknown, args: { methodology: string; mainIndicatorValues: readonly { code: string; value: number }[] }, ctx: DtiContext) =>
    scoreView(dtiScore(args.methodology, args.mainIndicatorValues, ctx.catalogue)),

  dtiCatalogue: (_: unknown, args: { methodology?: string | null; year?: number | null }, ctx: DtiContext) =>
    catalogueView(ctx.catalogue, selectMethodologies(ctx.catalogue, args)),
};
