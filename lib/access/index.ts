export type { Action, ActionRule } from './actions.ts';
export { ACTION_RULES } from './actions.ts';
export type { ClaimPaths, Identity, Role } from './identity.ts';
export { DEFAULT_CLAIM_PATHS, identityFromClaims, ROLES } from './identity.ts';
export type { AccessScope, Decision, UnitIndex } from './policy.ts';
export { decide, indexUnits, reachableUnitIds, scopeOf } from './policy.ts';
export type { AuditEvent, AuditEventInput, AuditLog, AuditSink } from './audit.ts';
export { auditEventSchema, clip, createAuditLog, createFileAuditSink } from './audit.ts';
export type { UpstreamTokenMinter, UpstreamTokenVerifier } from './upstream-token.ts';
export {
  createUpstreamTokenMinter,
  createUpstreamTokenVerifier,
  GATEWAY_PRIVATE_KEY_VAR,
  GATEWAY_PUBLIC_KEY_VAR,
  generateGatewayKeys,
  UpstreamTokenError,
} from './upstream-token.ts';
export type { GatewayAccessOptions } from './gateway.ts';
export { discoverJwksUri, gatewayAccess, unitOfField } from './gateway.ts';
export type { AccessRule, AccessRules, SubgraphGuard } from './subgraph.ts';
export { accessOf, accessUnitIndex, localScope, requireGateway, stringField, withAccess } from './subgraph.ts';
