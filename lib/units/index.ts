export type { AdministrativeUnitRecord, UnitLevel } from './catalogue.ts';
export { loadUnitCatalogue, parseUnitCatalogue, unitId, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from './catalogue.ts';
export type { RecordScope } from './temporal.ts';
export { beforeRecords, findUnit, inForceOn, predecessorsOf, recordScopes, successorsOf, unitsInForce } from './temporal.ts';
export { monthEnd } from './months.ts';
export type { DataYears, UnitYearScopes } from './period.ts';
export { checkAsOf, checkYear, recordsBegin, unitYear, yearBounds } from './period.ts';
export { fromGraphQLLevel, toGraphQLLevel } from './levels.ts';
