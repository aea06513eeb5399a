/** Failure modes of an upstream call, one per error class. */
export type UpstreamErrorCode =
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_HTTP_ERROR'
  | 'CIRCUIT_OPEN'
  | 'UPSTREAM_OVERLOADED';

/** Refusals of access control: no (valid) identity, or an identity without the right. */
export type AccessErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** The data-owning subgraph's store cannot be reached (connection refused, server shut down, busy). */
export type StoreErrorCode = 'STORE_UNAVAILABLE';

/** A field's @requires input did not reach it (the gateway/planner broke the contract; not an outage). */
export type ContractErrorCode = 'REQUIRES_FIELD_MISSING';

/** Every `extensions.code` the subgraphs emit. */
export type ErrorCode = UpstreamErrorCode | AccessErrorCode | StoreErrorCode | ContractErrorCode | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/** Status of a measured value, as it reaches the user beside the value. */
export type ProvenanceStatus = 'OK' | 'PARTIAL' | 'MISSING' | 'STALE' | 'SOURCE_UNAVAILABLE' | 'NOT_COLLECTED';

/** Systems behind the graph, as named in `extensions.system` and provenance. */
export type SystemName = 'plans' | 'documents' | 'services' | 'labour';

/** What a GraphQL-over-HTTP response status would be for each code when it is the only error. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_HTTP_ERROR: 502,
  CIRCUIT_OPEN: 503,
  UPSTREAM_OVERLOADED: 503,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  STORE_UNAVAILABLE: 503,
  REQUIRES_FIELD_MISSING: 500,
  INTERNAL_SERVER_ERROR: 500,
};

/** Provenance status a value gets when its fetch failed with this code. */
export const PROVENANCE_STATUS_BY_UPSTREAM_CODE: Record<UpstreamErrorCode, ProvenanceStatus> = {
  UPSTREAM_TIMEOUT: 'SOURCE_UNAVAILABLE',
  UPSTREAM_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  UPSTREAM_BAD_RESPONSE: 'SOURCE_UNAVAILABLE',
  UPSTREAM_HTTP_ERROR: 'SOURCE_UNAVAILABLE',
  CIRCUIT_OPEN: 'SOURCE_UNAVAILABLE',
  UPSTREAM_OVERLOADED: 'SOURCE_UNAVAILABLE',
};
