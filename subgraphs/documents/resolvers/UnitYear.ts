import type { DocumentsContext } from '../context.ts';
import type { DocumentStats } from '../domain/types.ts';
import { unitYearKeyOf } from '../representations.ts';

/** UnitYear.documents: rolled up from the recordScopes the dti subgraph provides (@requires). */
export const UnitYear = {
  documents: (parent: unknown, _args: unknown, ctx: DocumentsContext): Promise<DocumentStats> => ctx.loaders.unitYearDocuments.load(unitYearKeyOf(parent)),
};
