import { ACTION_RULES } from '../../../lib/access/index.ts';
import { AccessDeniedError } from '../../../lib/errors/index.ts';
import type { DtiContext } from '../context.ts';
import { versionView } from './versions.ts';

export const Mutation = {
  loadCatalogueVersion: (_: unknown, args: { file: string }, ctx: DtiContext) => {
    if (ctx.identity === null) throw new AccessDeniedError('UNAUTHENTICATED', 'loading a catalogue version needs a signed-in administrator');
    const allowed = ACTION_RULES['catalogue:admin'].roles;
    if (!allowed.some((r) => ctx.identity?.roles.has(r) === true)) {
      throw new AccessDeniedError('FORBIDDEN', `loading a catalogue version needs the role ${allowed.join(' or ')}`);
    }
    return versionView(ctx.catalogues.load(args.file));
  },
};
