import { z } from 'zod';
import type { LogLevel } from '../logging/index.ts';

/** Thrown at start-up when an environment variable does not satisfy its rule. */
export class ConfigError extends Error {
  readonly variables: readonly string[];
  constructor(messages: readonly string[], variables: readonly string[]) {
    super(`Invalid configuration:\n  ${messages.join('\n  ')}`);
    this.name = 'ConfigError';
    this.variables = variables;
  }
}

/** A TCP port read from an env string. */
export const portSchema = z.coerce.number().int().min(0).max(65535);
/** An http(s) base URL without a trailing slash. */
export const baseUrlSchema = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));
/** A positive duration in milliseconds read from an env string. */
export const durationMsSchema = z.coerce.number().int().min(1).max(600_000);
/** A boolean env flag: `true|false|1|0`. */
export const flagSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Parses environment variables with a zod object schema whose keys are the variable names.
 * Fails fast with a message naming each bad variable, its value and the rule it broke.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Readonly<Record<string, string | undefined>>): z.output<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) picked[key] = env[key] === '' ? undefined : env[key];
  const result = schema.safeParse(picked);
  if (result.success) return result.data;
  const vars: string[] = [];
  const messages = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(env)');
    vars.push(name);
    return `${name}=${JSON.stringify(picked[name] ?? null)}: ${issue.message}`;
  });
  throw new ConfigError(messages, vars);
}

/** A log level read from an env string. */
export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']) satisfies z.ZodType<LogLevel>;

/** Default ports of a subgraph that wraps one upstream system. */
export interface UpstreamSubgraphDefaults {
  /** Port the subgraph listens on when PORT is unset. */
  readonly port: number;
  /** Port of the upstream on 127.0.0.1 when UPSTREAM_URL is unset. */
  readonly upstreamPort: number;
}

/** What every subgraph over one upstream system is configured with. */
export interface UpstreamSubgraphConfig {
  /** Listening port (0 picks a free one). @default per subgraph, PORT */
  readonly port: number;
  /** Listening host. @default 127.0.0.1 */
  readonly host: string;
  /** Base URL of the upstream system, without a trailing slash. @default http://127.0.0.1:<upstreamPort> */
  readonly upstreamUrl: string;
  /** Per-attempt upstream deadline, in ms. @default 5000 */
  readonly upstreamTimeoutMs: number;
  /** Largest upstream body read, in bytes; a larger one is refused as UPSTREAM_BAD_RESPONSE. @default 33554432 (32 MiB) */
  readonly upstreamMaxBodyBytes: number;
  /** @default info */
  readonly logLevel: LogLevel;
}

/**
 * The env schema every subgraph over one upstream shares (PORT, HOST, UPSTREAM_URL,
 * UPSTREAM_TIMEOUT_MS, UPSTREAM_MAX_BODY_BYTES, LOG_LEVEL); `.extend` it for a subgraph's own variables.
 */
export function upstreamSubgraphEnv(defaults: UpstreamSubgraphDefaults) {
  return z.object({
    PORT: portSchema.default(defaults.port),
    HOST: z.string().min(1).default('127.0.0.1'),
    UPSTREAM_URL: baseUrlSchema.default(`http://127.0.0.1:${defaults.upstreamPort}`),
    UPSTREAM_TIMEOUT_MS: durationMsSchema.default(5000),
    UPSTREAM_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(32 * 1024 * 1024),
    LOG_LEVEL: logLevelSchema.default('info'),
  });
}

/** Maps the shared variables parsed with `upstreamSubgraphEnv` to the shared config fields. */
export function toUpstreamSubgraphConfig(e: z.output<ReturnType<typeof upstreamSubgraphEnv>>): UpstreamSubgraphConfig {
  return { port: e.PORT, host: e.HOST, upstreamUrl: e.UPSTREAM_URL, upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS, upstreamMaxBodyBytes: e.UPSTREAM_MAX_BODY_BYTES, logLevel: e.LOG_LEVEL };
}

/** Reads the shared configuration of a subgraph over one upstream; throws a ConfigError naming each bad variable. */
export function loadUpstreamSubgraphConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: UpstreamSubgraphDefaults,
): UpstreamSubgraphConfig {
  return toUpstreamSubgraphConfig(parseEnv(upstreamSubgraphEnv(defaults), env));
}
