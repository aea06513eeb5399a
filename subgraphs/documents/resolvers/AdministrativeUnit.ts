import type { DocumentsContext } from '../context.ts';
import type { Agency } from '../domain/types.ts';
import { unitIdOf } from '../representations.ts';

/** AdministrativeUnit (owned by plans): this subgraph contributes its agencies. */
export const AdministrativeUnit = {
  agencies: (unit: unknown, _args: unknown, ctx: DocumentsContext): Promise<readonly Agency[]> => ctx.loaders.agenciesOfUnit.load(unitIdOf(unit)),
};
