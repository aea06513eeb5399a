import { z } from 'zod';
import { baseUrlSchema, ConfigError } from '../lib/config/index.ts';
import type { ClaimPaths } from '../lib/access/index.ts';

/** Benchmark-only switch: `0` starts the gateway without authentication or authorization (refused in production). */
export const GATEWAY_AUTH_VAR = 'DTI_GATEWAY_AUTH';

/** How the gateway trusts the OpenID provider and signs its requests to subgraphs. */
export interface GatewayAuthConfig {
  /** False only under `DTI_GATEWAY_AUTH=0` (bench:auth measures the overhead against it). @default true */
  readonly enabled: boolean;
  /** Pinned `iss` of access tokens. @default the development provider, http://127.0.0.1:4010 */
  readonly issuer: string;
  /** Discovery document; its `jwks_uri` gives the signing keys. @default {issuer}/.well-known/openid-configuration */
  readonly discoveryUrl: string;
  /** Pinned `aud` of access tokens (our resource indicator). @default urn:dti-graph:api */
  readonly audience: string;
  /** Accepted signature algorithms; asymmetric only. @default ES256,RS256 */
  readonly algorithms: readonly ('RS256' | 'ES256')[];
  /** Where roles, units and name sit in the provider's claims (Keycloak, WSO2 differ). */
  readonly claimPaths: ClaimPaths;
  /** The gateway's private key (EC P-256 JWK JSON) for subgraph request tokens. */
  readonly upstreamPrivateKey: string;
}

const claimPath = z.string().regex(/^[\w-]+(\.[\w-]+)*$/, 'a dot path such as realm_access.roles');

/** Environment variables of the gateway's authentication; spread into the gateway's env schema. */
export function authEnvSchema(defaults: { readonly issuer: string; readonly audience: string }) {
  return z.object({
    OIDC_ISSUER: baseUrlSchema.default(defaults.issuer),
    OIDC_DISCOVERY_URL: baseUrlSchema.optional(),
    OIDC_AUDIENCE: z.string().min(1).default(defaults.audience),
    JWT_ALGORITHMS: z
      .string()
      .default('ES256,RS256')
      .transform((v) => v.split(',').map((a) => a.trim()))
      .pipe(z.array(z.enum(['RS256', 'ES256'], { error: 'only RS256 and ES256 are accepted (never none or HS*)' })).min(1)),
    CLAIM_ROLES: claimPath.default('roles'),
    CLAIM_UNITS: claimPath.default('units'),
    CLAIM_NAME: claimPath.default('name'),
    // Required unless DTI_GATEWAY_AUTH=0 (checked in toAuthConfig: the shape is spread into the gateway's schema).
    GATEWAY_UPSTREAM_PRIVATE_KEY: z.string().min(1).optional(),
    [GATEWAY_AUTH_VAR]: z.enum(['0', '1']).default('1'),
  });
}

export function toAuthConfig(e: z.output<ReturnType<typeof authEnvSchema>>): GatewayAuthConfig {
  const enabled = e[GATEWAY_AUTH_VAR] === '1';
  if (enabled && e.GATEWAY_UPSTREAM_PRIVATE_KEY === undefined) {
    throw new ConfigError(['GATEWAY_UPSTREAM_PRIVATE_KEY: required: the key the gateway signs subgraph requests with (npm start makes one)'], ['GATEWAY_UPSTREAM_PRIVATE_KEY']);
  }
  return {
    enabled,
    issuer: e.OIDC_ISSUER,
    discoveryUrl: e.OIDC_DISCOVERY_URL ?? `${e.OIDC_ISSUER}/.well-known/openid-configuration`,
    audience: e.OIDC_AUDIENCE,
    algorithms: e.JWT_ALGORITHMS,
    claimPaths: { roles: e.CLAIM_ROLES, units: e.CLAIM_UNITS, name: e.CLAIM_NAME },
    // Empty only with authentication off, where nothing is signed.
    upstreamPrivateKey: e.GATEWAY_UPSTREAM_PRIVATE_KEY ?? '',
  };
}
