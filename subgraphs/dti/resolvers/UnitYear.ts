import { assessUnitYear } from '../assembly/assessment.ts';
import type { DtiAssessmentView } from '../assembly/assessment.ts';
import { publicServiceIndex766 } from '../assembly/index766-view.ts';
import type { PublicServiceIndex766View } from '../assembly/index766-view.ts';
import { unitYearFactsOf } from '../assembly/representation.ts';
import type { UnitYearFacts } from '../assembly/representation.ts';
import type { DtiContext } from '../context.ts';

// Every representation is resolved from what the router sent: no I/O, so a batch of
// _entities is one pass over the list.
export const UnitYear = {
  __resolveReference: (ref: unknown): UnitYearFacts => unitYearFactsOf(ref),

  dti: (y: UnitYearFacts, _: unknown, ctx: DtiContext): DtiAssessmentView => assessUnitYear(y, ctx),

  publicServiceIndex766: (y: UnitYearFacts, _: unknown, ctx: DtiContext): PublicServiceIndex766View => publicServiceIndex766(y, ctx.catalogue),
};
