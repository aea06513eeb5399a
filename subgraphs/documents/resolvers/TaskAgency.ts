import type { DocumentsContext } from '../context.ts';
import type { Agency } from '../domain/types.ts';
import { taskAgencyKeyOf } from '../representations.ts';
import type { TaskAgencyKey } from '../upstream/loaders.ts';

/** TaskAgency (owned by plans): this subgraph links the mention to a directory agency. */
export const TaskAgency = {
  __resolveReference: (ref: unknown): TaskAgencyKey => taskAgencyKeyOf(ref),
  agency: (key: TaskAgencyKey, _args: unknown, ctx: DocumentsContext): Promise<Agency | null> => ctx.loaders.taskAgency.load(key),
};
