import { z } from 'zod';
import { baseUrlSchema, durationMsSchema, parseEnv, portSchema } from '../../lib/config/index.ts';
import type { LogLevel } from '../../lib/logging/index.ts';

/** Configuration of the documents subgraph. */
export interface DocumentsSubgraphConfig {
  /** Listening port. @default 4002 */
  readonly port: number;
  /** Listening host. @default 127.0.0.1 */
  readonly host: string;
  /** Base URL of the document system (QLVBĐH). @default http://127.0.0.1:4102 */
  readonly upstreamUrl: string;
  /** Per-attempt upstream deadline in ms. @default 5000 */
  readonly upstreamTimeoutMs: number;
  /** @default info */
  readonly logLevel: LogLevel;
}

const envSchema = z.object({
  PORT: portSchema.default(4002),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSTREAM_URL: baseUrlSchema.default('http://127.0.0.1:4102'),
  UPSTREAM_TIMEOUT_MS: durationMsSchema.default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Reads the configuration from environment variables; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): DocumentsSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return { port: e.PORT, host: e.HOST, upstreamUrl: e.UPSTREAM_URL, upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS, logLevel: e.LOG_LEVEL };
}
