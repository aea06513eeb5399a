import { NotFoundError } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord, UnitLevel } from '../../../lib/units/index.ts';
import { findUnit, recordScopes, unitsInForce } from '../../../lib/units/index.ts';
import { yearBounds } from './period.ts';
import type { UnitYear } from './types.ts';

function describeValidity(u: AdministrativeUnitRecord): string {
  return `${u.name} (${u.validFrom === null ? 'from before the period covered' : `from ${u.validFrom}`} ${u.validTo === null ? 'to today' : `to ${u.validTo}`})`;
}

/**
 * The unit a code names on a date. An unknown code, or a code not in force that day, is a
 * NOT_FOUND error that lists when the code was in force, so the user can pass `asOf`.
 */
export function unitByCode(units: readonly AdministrativeUnitRecord[], code: string, asOf: string): AdministrativeUnitRecord {
  const found = findUnit(units, code, asOf);
  if (found !== undefined) return found;
  const other = units.filter((u) => u.code === code);
  if (other.length === 0) {
    throw new NotFoundError(`no administrative unit has code "${code}"`, { argument: 'code' });
  }
  throw new NotFoundError(
    `code "${code}" names no unit in force on ${asOf}; it named ${other.map(describeValidity).join('; ')}. Pass asOf to pick one.`,
    { argument: 'code' },
  );
}

/** Units of a level in force on a date. */
export function listUnits(units: readonly AdministrativeUnitRecord[], level: UnitLevel, asOf: string): AdministrativeUnitRecord[] {
  return unitsInForce(units, level, asOf);
}

/** A unit's year: which units' records make it up (itself, or its predecessors before it existed). */
export function unitYear(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number): UnitYear {
  const { from, to } = yearBounds(year);
  return { unitId: unit.id, year, unit, recordScopes: recordScopes(units, unit, from, to) };
}

/** Districts (or communes) whose parent is this unit, in force at some point of its validity. */
export function childrenOf(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord): AdministrativeUnitRecord[] {
  return units.filter(
    (u) =>
      u.parentCode === unit.code &&
      (unit.validFrom === null || u.validTo === null || u.validTo >= unit.validFrom) &&
      (unit.validTo === null || u.validFrom === null || u.validFrom <= unit.validTo),
  );
}
