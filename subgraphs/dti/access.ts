import { stringField, type AccessRules } from '../../lib/access/index.ts';

/** Unit-scoped reads of the dti subgraph (A35); each field carries `@policy` in the SDL. */
export const accessRules: AccessRules = {
  'AdministrativeUnit.year': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'id') },
  'AdministrativeUnit.years': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'id') },
  'UnitYear.predecessorYears': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
  'UnitYear.dti': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
  'UnitYear.systemFigures': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
  'UnitYear.publicServiceIndex766': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
};
