import type { DocumentsContext } from '../context.ts';
import type * as domain from '../domain/types.ts';
import { agencyCodeOf } from '../representations.ts';

/** Agency entity: batched reference resolution, its unit as a reference, its own statistics. */
export const Agency = {
  __resolveReference: (ref: unknown, ctx: DocumentsContext): Promise<domain.Agency | null> => ctx.loaders.agency.load(agencyCodeOf(ref)),
  unit: (agency: domain.Agency): { id: string } => ({ id: agency.unitId }),
  documents: (agency: domain.Agency, args: { year: number }, ctx: DocumentsContext): Promise<domain.DocumentStats> =>
    ctx.loaders.agencyDocuments.load({ agency, year: args.year }),
};

/** An agency's line in a DocumentStats links to the Agency entity. */
export const AgencyDocumentFigures = {
  agency: (figures: domain.AgencyFigures, _args: unknown, ctx: DocumentsContext): Promise<domain.Agency | null> => ctx.loaders.agency.load(figures.agencyCode),
};
