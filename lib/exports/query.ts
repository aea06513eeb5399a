/** The year-end date a unit list is taken at: 31 December, or today for the running year. */
export function asOfForYear(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

const FIELDS = /* GraphQL */ `
  code name validFrom validTo
  year(year: $year) {
    dti {
      methodology score maxScore completeness scoreNote
      inputs {
        indicator { code name nameEn unit sourceSystem confirmed }
        value status note
        source { system recordRef fetchedAt asOf }
      }
    }
  }
`;

/** One unit's DTI inputs for a year (the unit as it was then). */
export const UNIT_EXPORT_QUERY = /* GraphQL */ `
  query DtiExportUnit($code: String!, $asOf: String!, $year: Int!) { unit(code: $code, asOf: $asOf) { ${FIELDS} } }
`;

/** Every province in force for the year, or a chosen list of codes. */
export const UNITS_EXPORT_QUERY = /* GraphQL */ `
  query DtiExportUnits($asOf: String!, $year: Int!) { units(level: PROVINCE, asOf: $asOf) { ${FIELDS} } }
`;

/** The list of provinces in force, to plan a chunked export. */
export const UNIT_LIST_QUERY = /* GraphQL */ `
  query DtiExportUnitList($asOf: String!) { units(level: PROVINCE, asOf: $asOf) { code name } }
`;
