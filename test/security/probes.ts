/**
 * The attacks of issue #12 as query text, shared by the security suite and the refusal bench.
 * Each bomb stays under every limit but the one it targets, so its refusal names that limit.
 */

/** `unit { predecessors { successors { … } } }` nested `levels` deep below `unit` (the 832-byte probe at 38). */
export function nestingBomb(levels: number): string {
  const pairs = Math.floor(levels / 2);
  return `{ unit(code: "56") { ${'predecessors { successors { '.repeat(pairs)}code${' } }'.repeat(pairs)} } }`;
}

/** The probe: 500 aliases of a unit-year field (≈25 KB). */
export function unitYearAliasBomb(count = 500): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: unit(code: "56") { year(year: 2024) { documents { signedDigitallyRate } } }`).join(' ')} }`;
}

/** Many aliases of a short field (graphql-armor does not count aliases of __typename): refused for the aliases first. */
export function aliasBomb(count = 500): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: units { code }`).join(' ')} }`;
}

/** A long document of trivial fields: refused by the token count while parsing. */
export function tokenBomb(count = 5000): string {
  return `{ ${'__typename '.repeat(count)}}`;
}

/** Directives stacked on one field. */
export function directiveBomb(count = 60): string {
  return `{ __typename ${'@include(if: true) '.repeat(count)}}`;
}

const FIELDS = 'code name level validFrom validTo confirmed notes';
const WIDE = `units { ${FIELDS} predecessors { ${FIELDS} successors { ${FIELDS} children { ${FIELDS} year(year: 2024) { unitId year rolledUp documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate source { system status recordRef fetchedAt asOf note } } } } } } }`;

/** Within depth, alias and token limits, but every province's districts' figures 25 times over: refused for cost. */
export function costBomb(): string {
  return `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: ${WIDE}`).join(' ')} }`;
}

/** A normal one-province query that must keep being answered while bombs arrive. */
export const NORMAL_QUERY = '{ unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate source { status } } } } }';
