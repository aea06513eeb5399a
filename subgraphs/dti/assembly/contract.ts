import { GraphQLError } from 'graphql';

/**
 * A `@requires` field absent from a representation: the query planner did not send what the
 * schema says dti requires. That is a broken contract between planner and subgraph (a composition
 * or planner bug), not an outage of the source system, so it must not read as SOURCE_UNAVAILABLE.
 */
export function requiresFieldMissing(field: string): GraphQLError {
  return new GraphQLError(
    `dti did not receive the @requires field UnitYear.${field} in the representation: the query planner did not send it (a planner/composition contract is broken, not a source outage)`,
    { extensions: { code: 'INTERNAL_SERVER_ERROR', field: `UnitYear.${field}` } },
  );
}
