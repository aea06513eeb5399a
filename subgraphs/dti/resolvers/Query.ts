import { catalogueView, selectMethodologies } from '../assembly/catalogue-view.ts';
import { scoreView } from '../assembly/score-view.ts';
import type { DtiContext } from '../context.ts';
import { dtiScore } from '../domain/index.ts';
import { unitQueries } from './AdministrativeUnit.ts';
import { versionView } from './versions.ts';

export const Query = {
  ...unitQueries,

  dtiScore: (
    _: unknown,
    args: { methodology: string; mainIndicatorValues: readonly { code: string; value: number }[]; provisionalPoints?: readonly { code: string; points: number }[] | null },
    ctx: DtiContext,
  ) => scoreView(dtiScore(args.methodology, args.mainIndicatorValues, ctx.catalogue, args.provisionalPoints ?? [])),

  catalogueVersions: (_: unknown, __: unknown, ctx: DtiContext) => ctx.catalogues.versions().map(versionView),

  dtiCatalogue: (_: unknown, args: { methodology?: string | null; year?: number | null }, ctx: DtiContext) =>
    catalogueView(ctx.catalogue, selectMethodologies(ctx.catalogue, args)),
};
