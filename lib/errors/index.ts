export type { AccessErrorCode, ErrorCode, ProvenanceStatus, StoreErrorCode, SystemName, UpstreamErrorCode } from './codes.ts';
export { HTTP_STATUS_BY_CODE, PROVENANCE_STATUS_BY_UPSTREAM_CODE } from './codes.ts';
export type { PayloadIssue, UpstreamTarget } from './errors.ts';
export {
  AccessDeniedError,
  BadUserInputError,
  ConflictError,
  CircuitOpenError,
  ensureError,
  NotFoundError,
  StoreUnavailableError,
  UpstreamBadResponseError,
  UpstreamError,
  UpstreamHttpError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.ts';
export { toGraphQLError } from './graphql.ts';
