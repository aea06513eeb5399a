import { recordScopes, type AdministrativeUnitRecord, type RecordScope } from '../units/index.ts';

/** An `_entities` representation of a UnitYear. */
export interface UnitYearRepresentation {
  readonly __typename: 'UnitYear';
  readonly unitId: string;
  readonly year: number;
  readonly recordScopes: readonly RecordScope[];
}

/** A UnitYear representation as the router sends it, record scopes as the dti subgraph computes them. */
export function unitYearRepresentation(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord, year: number): UnitYearRepresentation {
  return { __typename: 'UnitYear', unitId: unit.id, year, recordScopes: recordScopes(units, unit, `${year}-01-01`, `${year}-12-31`) };
}
