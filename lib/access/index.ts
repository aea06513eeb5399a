export type { Action, ActionRule } from './actions.ts';
export { ACTION_RULES } from './actions.ts';
export type { ClaimPaths, Identity, Role } from './identity.ts';
export { DEFAULT_CLAIM_PATHS, identityFromClaims, ROLES } from './identity.ts';
export type { AccessScope, Decision, UnitIndex } from './policy.ts';
export { decide, indexUnits, reachableUnitIds, scopeOf } from './policy.ts';
export type { AuditEvent, AuditEventInput, AuditLog, AuditPage, AuditSearch, AuditSink } from './audit.ts';
export { auditEventSchema, clip, createAuditLog, createFileAuditSink } from './audit.ts';
export type { RedisSetNx, ReplayGuard, UpstreamTokenMinter, UpstreamTokenVerifier, VerifiedUpstreamToken } from './upstream-token.ts';
export {
  createMemoryReplayGuard,
  createRedisReplayGuard,
  createUpstreamTokenMinter,
  createUpstreamTokenVerifier,
  GATEWAY_PRIVATE_KEY_VAR,
  GATEWAY_PUBLIC_KEY_VAR,
  generateGatewayKeys,
  MAX_TOKEN_BUDGET_MS,
  replayGuardFromEnv,
  UpstreamTokenError,
} from './upstream-token.ts';
export type { BearerVerifier, GatewayAccessOptions } from './gateway.ts';
export { AccessTokenError, createBearerVerifier, discoverJwksUri, gatewayAccess, unitOfField } from './gateway.ts';
export type { Admission, AccessRule, AccessRules, SubgraphAdmissionConfig, SubgraphGuard } from './subgraph.ts';
export { accessOf, accessUnitIndex, admissionConfigFromEnv, localScope, requireGateway, stringField, SUBGRAPH_VERIFY_VAR, subgraphVerification, withAccess } from './subgraph.ts';
