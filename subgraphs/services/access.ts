import { stringField, type AccessRules } from '../../lib/access/index.ts';

/** Unit-scoped reads of the public-services subgraph (A35); each field carries `@policy` in the SDL. */
export const accessRules: AccessRules = {
  'UnitYear.publicServices': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
};
