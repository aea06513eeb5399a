import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { recordScopes, yearBounds } from '../../../lib/units/index.ts';
import type { UnitYear } from './types.ts';

/**
 * A unit's year: which units' records make it up (itself, or its predecessors before it existed).
 * The dti subgraph owns the unit-year and answers its record scopes; plans computes the same from its
 * registry's catalogue to read the plans of every unit in scope.
 */
export function unitYear(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number): UnitYear {
  const { from, to } = yearBounds(year);
  return { unitId: unit.id, year, unit, recordScopes: recordScopes(units, unit, from, to) };
}
