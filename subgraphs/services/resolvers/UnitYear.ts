import type { ServicesContext } from '../context.ts';
import { toUnitYearKey } from '../domain/representation.ts';
import type { PublicServiceIndexCounts, PublicServiceStats } from '../upstream/loaders.ts';

/** `UnitYear.publicServices`: the representation's record scopes, through the batching loader. */
export const UnitYear = {
  publicServices: (parent: unknown, _args: unknown, ctx: ServicesContext): Promise<PublicServiceStats> =>
    ctx.loaders.publicServices.load(toUnitYearKey(parent)),
  publicServiceIndexCounts: (parent: unknown, _args: unknown, ctx: ServicesContext): Promise<PublicServiceIndexCounts> =>
    ctx.loaders.index766Counts.load(toUnitYearKey(parent)),
};
