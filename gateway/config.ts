import { z } from 'zod';
import { baseUrlSchema, ConfigError, durationMsSchema, parseEnv, portSchema } from '../lib/config/index.ts';
import { API_AUDIENCE, IDENTITY_PROVIDER, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../lib/topology/index.ts';
import { authEnvSchema, toAuthConfig, type GatewayAuthConfig } from './auth-config.ts';
import { resilienceConfigFromEnv, type ResilienceConfig } from './resilience.ts';
import { loadSecurityConfig, type SecurityConfig } from './security-config.ts';

/** Configuration of the gateway process. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** Path of the committed supergraph SDL. @default schema/supergraph.graphql */
  readonly supergraphPath: string;
  /** Where each subgraph listens; overrides the URL composed into the supergraph. */
  readonly subgraphUrls: ReadonlyMap<SubgraphName, string>;
  /** Deadline for one subgraph request, ms. @default 10000 */
  readonly subgraphTimeoutMs: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Identical in-flight subgraph queries share one request (the Hive runtime's default), whoever asks them: leave off. @default false */
  readonly upstreamDeduplication: boolean;
  /** Profile, query limits, CSRF/CORS, trusted documents, rate limit, audit (DTI_* variables). */
  readonly security: SecurityConfig;
  /** The built web workspace served at `/`. @default web/dist */
  readonly webRoot: string;
  /** The OpenID provider and public client the workspace signs in with; null when not configured. */
  readonly webOidc: { readonly issuer: string; readonly clientId: string; readonly audience?: string } | null;
  /** Who issues access tokens and how the gateway signs subgraph requests. */
  readonly auth: GatewayAuthConfig;
  /** Shared response cache (gateway/cache.ts): Redis URL (in-memory when absent) and TTL in ms, 0 = off. */
  readonly responseCache: { readonly redisUrl: string | undefined; readonly ttlMs: number; readonly keyPrefix: string; readonly maxBytes: number };
  /** Request deadlines (DTI_DEADLINE_MS, DTI_EXPORT_DEADLINE_MS; gateway/resilience.ts). */
  readonly resilience: ResilienceConfig;
}

const envSchema = z.object({
  PORT: portSchema.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().min(1).default(new URL('../schema/supergraph.graphql', import.meta.url).pathname),
  SUBGRAPH_TIMEOUT_MS: durationMsSchema.default(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Off by default: the transport keys an in-flight subgraph request by URL and body only, and the
  // token naming the caller is added after that, so a caller asking what another is asking at the
  // same moment was handed the other's answer (a viewer of 56 got all 34 provinces beside an
  // administrator; test/e2e/security-auth.e2e.ts). It saved no measurable CPU (bench/ab.ts).
  GATEWAY_UPSTREAM_DEDUPLICATION: z.enum(['0', '1']).default('0'),
  DTI_WEB_ROOT: z.string().min(1).default(new URL('../web/dist', import.meta.url).pathname),
  DTI_WEB_OIDC_ISSUER: baseUrlSchema.optional(),
  DTI_WEB_SIGN_IN: z.enum(['0', '1']).default('1'),
  DTI_WEB_CLIENT_ID: z.string().min(1).default('dti-workspace'),
  DTI_WEB_AUDIENCE: z.string().min(1).optional(),
  ...authEnvSchema({ issuer: `http://127.0.0.1:${IDENTITY_PROVIDER.defaultPort}`, audience: API_AUDIENCE }).shape,
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // The sources publish monthly statistics; a minute bounds how long an answer outlives a correction.
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  // Every key the gateway writes to the shared store starts with this (several deployments on one Redis).
  RESPONSE_CACHE_PREFIX: z.string().regex(/^[\w:.-]{0,64}$/, 'letters, digits, _ : . - only').default(''),
  // Bytes the in-memory response cache may hold (Redis is bounded by its own maxmemory).
  RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).max(16 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
});

function subgraphUrl(name: SubgraphName, defaultPort: number, env: Readonly<Record<string, string | undefined>>): string {
  const variable = subgraphUrlVariable(name);
  const parsed: Record<string, string> = parseEnv(z.object({ [variable]: baseUrlSchema.default(`http://127.0.0.1:${defaultPort}`) }), env);
  return parsed[variable] ?? `http://127.0.0.1:${defaultPort}`;
}

/** Reads the gateway's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const e = parseEnv(envSchema, env);
  const auth = toAuthConfig(e);
  if (auth.enabled && e.GATEWAY_UPSTREAM_DEDUPLICATION === '1') {
    // See the schema's comment: shared in-flight requests would hand one caller another's answer.
    throw new ConfigError(
      ['GATEWAY_UPSTREAM_DEDUPLICATION: 1 is refused with access control on: a shared subgraph request would answer one caller with what another may see'],
      ['GATEWAY_UPSTREAM_DEDUPLICATION'],
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphUrls: new Map(SUBGRAPHS.map((s) => [s.name, subgraphUrl(s.name, s.defaultPort, env)])),
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    upstreamDeduplication: e.GATEWAY_UPSTREAM_DEDUPLICATION === '1',
    security: loadSecurityConfig(env),
    webRoot: e.DTI_WEB_ROOT,
    // The workspace signs in with the provider the gateway trusts (its public client), unless told otherwise.
    webOidc:
      e.DTI_WEB_SIGN_IN === '0'
        ? null
        : { issuer: e.DTI_WEB_OIDC_ISSUER ?? e.OIDC_ISSUER, clientId: e.DTI_WEB_CLIENT_ID, audience: e.DTI_WEB_AUDIENCE ?? e.OIDC_AUDIENCE },
    auth,
    responseCache: { redisUrl: e.REDIS_URL, ttlMs: e.RESPONSE_CACHE_TTL_MS, keyPrefix: e.RESPONSE_CACHE_PREFIX, maxBytes: e.RESPONSE_CACHE_MAX_BYTES },
    resilience: resilienceConfigFromEnv(env),
  };
}
