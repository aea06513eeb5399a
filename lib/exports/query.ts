import { trustedDocument } from '../trusted-documents/index.ts';

/** The year-end date a unit list is taken at: 31 December, or today for the running year. */
export function asOfForYear(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

// The export operations are registered trusted documents (schema/operations/*.graphql), so they
// run in the production profile, where only registered documents do.

/** One unit's DTI inputs for a year (the unit as it was then). */
export const UNIT_EXPORT_QUERY = trustedDocument('DtiExportUnit').document;

/** Every province in force for the year. */
export const UNITS_EXPORT_QUERY = trustedDocument('DtiExportUnits').document;

/** The list of provinces in force, to plan a chunked export. */
export const UNIT_LIST_QUERY = trustedDocument('DtiExportUnitList').document;
