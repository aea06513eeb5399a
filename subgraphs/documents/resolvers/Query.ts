import { NotFoundError } from '../../../lib/errors/index.ts';
import type { DocumentsContext } from '../context.ts';
import type { Agency } from '../domain/types.ts';

/** Root queries: look an agency up by its organ code. */
export const Query = {
  agency: async (_root: unknown, args: { code: string }, ctx: DocumentsContext): Promise<Agency> => {
    const agency = await ctx.loaders.agency.load(args.code);
    if (agency === null) throw new NotFoundError(`No agency with code "${args.code}" in the document system`, { argument: 'code' });
    return agency;
  },
};
