import { NotFoundError } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord, UnitLevel, UnitYearScopes } from '../../../lib/units/index.ts';
import { findUnit, loadUnitCatalogue, predecessorsOf, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL, unitsInForce, unitYear } from '../../../lib/units/index.ts';

/** The administrative units over time (reference data), parsed once at start-up. */
export interface UnitCatalogue {
  readonly units: readonly AdministrativeUnitRecord[];
  readonly byId: ReadonlyMap<string, AdministrativeUnitRecord>;
}

/** One unit and one calendar year, as the dti subgraph owns it. */
export type UnitYearRecord = UnitYearScopes;

/**
 * The committed reference files: provinces, and the seeded districts of the seed-plan provinces
 * (the same units every system's records are filed under).
 */
export function loadUnits(urls: readonly URL[] = [REFERENCE_UNITS_URL, SEED_DISTRICTS_URL]): UnitCatalogue {
  const units = urls.flatMap((url) => loadUnitCatalogue(url));
  return { units, byId: new Map(units.map((u) => [u.id, u])) };
}

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


/** The same year of each unit merged (or renamed) into this one; empty for a unit not so formed. */
export function predecessorYears(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number): UnitYearRecord[] {
  return predecessorsOf(units, unit).map((p) => unitYear(units, p, year));
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
