import { z } from 'zod';
import { baseUrlSchema, durationMsSchema, parseEnv, portSchema } from '../lib/config/index.ts';
import { API_AUDIENCE, IDENTITY_PROVIDER, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../lib/topology/index.ts';
import { authEnvSchema, toAuthConfig, type GatewayAuthConfig } from './auth-config.ts';
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
  /** Who issues access tokens and how the gateway signs subgraph requests. */
  readonly auth: GatewayAuthConfig;
  /** Profile, query limits, CSRF/CORS, trusted documents, rate limit, audit (DTI_* variables). */
  readonly security: SecurityConfig;
}

const envSchema = z.object({
  PORT: portSchema.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().min(1).default(new URL('../schema/supergraph.graphql', import.meta.url).pathname),
  SUBGRAPH_TIMEOUT_MS: durationMsSchema.default(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  ...authEnvSchema({ issuer: `http://127.0.0.1:${IDENTITY_PROVIDER.defaultPort}`, audience: API_AUDIENCE }).shape,
});

function subgraphUrl(name: SubgraphName, defaultPort: number, env: Readonly<Record<string, string | undefined>>): string {
  const variable = subgraphUrlVariable(name);
  const parsed: Record<string, string> = parseEnv(z.object({ [variable]: baseUrlSchema.default(`http://127.0.0.1:${defaultPort}`) }), env);
  return parsed[variable] ?? `http://127.0.0.1:${defaultPort}`;
}

/** Reads the gateway's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const e = parseEnv(envSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphUrls: new Map(SUBGRAPHS.map((s) => [s.name, subgraphUrl(s.name, s.defaultPort, env)])),
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    auth: toAuthConfig(e),
    security: loadSecurityConfig(env),
  };
}
