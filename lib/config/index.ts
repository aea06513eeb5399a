import { z } from 'zod';

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
