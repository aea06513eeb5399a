import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseUrlSchema, parseEnv, portSchema } from '../../lib/config/index.ts';
import { IDENTITY_PROVIDER, REPO_ROOT_URL, API_AUDIENCE } from '../../lib/topology/index.ts';
import type { OidcProviderOptions } from './provider.ts';

/** Default state folder of the development provider (git-ignored). */
export const DEFAULT_OIDC_STATE_DIR = fileURLToPath(new URL('.identity/', REPO_ROOT_URL));

const envSchema = z.object({
  PORT: portSchema.default(IDENTITY_PROVIDER.defaultPort),
  HOST: z.string().min(1).default('127.0.0.1'),
  OIDC_AUDIENCE: z.string().min(1).default(API_AUDIENCE),
  GATEWAY_ORIGIN: baseUrlSchema.default('http://127.0.0.1:4000'),
  OIDC_STATE_DIR: z.string().min(1).default(DEFAULT_OIDC_STATE_DIR),
  OIDC_ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(86_400).default(900),
});

/** Reads the development provider's configuration from environment variables. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): OidcProviderOptions {
  const e = parseEnv(envSchema, env);
  return {
    host: e.HOST,
    port: e.PORT,
    audience: e.OIDC_AUDIENCE,
    gatewayOrigin: e.GATEWAY_ORIGIN,
    stateDir: e.OIDC_STATE_DIR,
    accessTokenTtlS: e.OIDC_ACCESS_TOKEN_TTL_S,
  };
}
