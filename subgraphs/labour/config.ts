import { z } from 'zod';
import { baseUrlSchema, durationMsSchema, parseEnv, portSchema } from '../../lib/config/index.ts';

/** Configuration of the labour subgraph. */
export interface LabourSubgraphConfig {
  /** @default 4004 */
  readonly port: number;
  /** @default 127.0.0.1 */
  readonly host: string;
  /** Labour-market system base URL. @default http://127.0.0.1:4104 */
  readonly upstreamUrl: string;
  /** Per-attempt upstream deadline, ms. @default 5000 */
  readonly upstreamTimeoutMs: number;
  /** @default info */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const envSchema = z.object({
  PORT: portSchema.default(4004),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSTREAM_URL: baseUrlSchema.default('http://127.0.0.1:4104'),
  UPSTREAM_TIMEOUT_MS: durationMsSchema.default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Reads the subgraph's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): LabourSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return { port: e.PORT, host: e.HOST, upstreamUrl: e.UPSTREAM_URL, upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS, logLevel: e.LOG_LEVEL };
}
