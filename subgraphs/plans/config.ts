import { z } from 'zod';
import { baseUrlSchema, durationMsSchema, parseEnv, portSchema } from '../../lib/config/index.ts';

/** Configuration of the plans subgraph. */
export interface PlansSubgraphConfig {
  readonly port: number;
  readonly host: string;
  /** Plan-registry base URL. */
  readonly upstreamUrl: string;
  /** Per-attempt upstream deadline, ms. @default 5000 */
  readonly upstreamTimeoutMs: number;
  /** How long the unit catalogue is kept, ms. @default 600000 */
  readonly catalogueTtlMs: number;
  /** First year the connected systems hold data for. @default 2020 */
  readonly firstDataYear: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const envSchema = z.object({
  PORT: portSchema.default(4001),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSTREAM_URL: baseUrlSchema.default('http://127.0.0.1:4101'),
  UPSTREAM_TIMEOUT_MS: durationMsSchema.default(5000),
  CATALOGUE_TTL_MS: durationMsSchema.default(600_000),
  FIRST_DATA_YEAR: z.coerce.number().int().min(1990).max(2100).default(2020),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Reads the subgraph's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): PlansSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    upstreamUrl: e.UPSTREAM_URL,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    catalogueTtlMs: e.CATALOGUE_TTL_MS,
    firstDataYear: e.FIRST_DATA_YEAR,
    logLevel: e.LOG_LEVEL,
  };
}
