import { z } from 'zod';
import { baseUrlSchema, durationMsSchema, parseEnv, portSchema } from '../../lib/config/index.ts';
import type { LogLevel } from '../../lib/logging/index.ts';

/** Configuration of the services subgraph. */
export interface ServicesSubgraphConfig {
  /** Port to listen on (0 picks a free one). @default 4003 */
  readonly port: number;
  /** @default 127.0.0.1 */
  readonly host: string;
  /** Base URL of the public-service portal. @default http://127.0.0.1:4103 */
  readonly upstreamUrl: string;
  /** Per-attempt deadline of a portal call, in ms. @default 5000 */
  readonly upstreamTimeoutMs: number;
  /** @default info */
  readonly logLevel: LogLevel;
}

const envSchema = z.object({
  PORT: portSchema.default(4003),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSTREAM_URL: baseUrlSchema.default('http://127.0.0.1:4103'),
  UPSTREAM_TIMEOUT_MS: durationMsSchema.default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Parses the environment once; a bad variable fails with its name, value and rule. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServicesSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return { port: e.PORT, host: e.HOST, upstreamUrl: e.UPSTREAM_URL, upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS, logLevel: e.LOG_LEVEL };
}
