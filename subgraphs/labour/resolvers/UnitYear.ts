import type { LabourStats, UnitYearRef } from '../domain/types.ts';
import { parseUnitYearRef } from '../domain/unitYear.ts';
import type { LabourContext } from '../context.ts';

/** `UnitYear`: the representation (with `recordScopes` via @requires) becomes a ref; `labour` loads through the batch. */
export const UnitYear = {
  __resolveReference: (representation: unknown): UnitYearRef => parseUnitYearRef(representation),
  labour: (ref: UnitYearRef, _args: unknown, ctx: LabourContext): Promise<LabourStats> => ctx.loaders.labour.load(ref),
};
