import { resolve } from 'node:path';
import { z } from 'zod';
import { flagSchema, parseEnv } from '../lib/config/index.ts';

/** `development` also runs ad-hoc queries and introspection; `production` runs only trusted documents. */
export type Profile = 'development' | 'production';

/** Query limits enforced before planning; each refusal names the limit and the value found. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** graphql-armor's estimated cost (objects 2, scalars 1, ×1.5 per level). */
  readonly maxCost: number;
}

/** The gateway's hardening settings (issue #12): limits, profile, CSRF/CORS, rate limit, audit. */
export interface SecurityConfig {
  readonly profile: Profile;
  readonly limits: QueryLimits;
  /** Introspection and "Did you mean" suggestions. @default true in development, false in production */
  readonly introspection: boolean;
  /** Path of the trusted-documents manifest (id → document). */
  readonly trustedDocumentsPath: string;
  /** Origins allowed to call the gateway from a browser (exact match); none by default. */
  readonly corsOrigins: readonly string[];
  readonly rateLimit: {
    /** Requests an identity may send at once before being slowed down. */
    readonly burst: number;
    /** Sustained requests per second per identity. */
    readonly perSecond: number;
  };
  /** JSON-lines audit file of the embedded default (git-ignored). */
  readonly auditLogPath: string;
}

const REPO_ROOT = new URL('../', import.meta.url).pathname;
const intSchema = (min: number, max: number, def: number) => z.coerce.number().int().min(min).max(max).default(def);
const originSchema = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
  .pipe(z.array(z.string().refine(isOrigin, 'an origin is http(s)://host[:port], without path, trailing slash or wildcard')));

function isOrigin(o: string): boolean {
  try {
    const u = new URL(o);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  DTI_PROFILE: z.enum(['development', 'production']).default('development'),
  DTI_MAX_DEPTH: intSchema(1, 100, 12),
  DTI_MAX_ALIASES: intSchema(0, 1000, 30),
  DTI_MAX_TOKENS: intSchema(10, 100_000, 4000),
  DTI_MAX_DIRECTIVES: intSchema(0, 1000, 30),
  DTI_MAX_COST: intSchema(10, 10_000_000, 5000),
  DTI_INTROSPECTION: flagSchema.optional(),
  DTI_TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(resolve(REPO_ROOT, 'schema/trusted-documents.json')),
  DTI_CORS_ORIGINS: originSchema.default([]),
  DTI_RATE_LIMIT_BURST: intSchema(1, 1_000_000, 300),
  DTI_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(1_000_000).default(50),
  DTI_AUDIT_LOG_PATH: z.string().min(1).default(resolve(REPO_ROOT, 'data/audit/audit.jsonl')),
});

/** Reads the hardening settings from environment variables, failing fast on a bad one. */
export function loadSecurityConfig(env: Readonly<Record<string, string | undefined>>): SecurityConfig {
  const e = parseEnv(envSchema, env);
  return {
    profile: e.DTI_PROFILE,
    limits: {
      maxDepth: e.DTI_MAX_DEPTH,
      maxAliases: e.DTI_MAX_ALIASES,
      maxTokens: e.DTI_MAX_TOKENS,
      maxDirectives: e.DTI_MAX_DIRECTIVES,
      maxCost: e.DTI_MAX_COST,
    },
    introspection: e.DTI_INTROSPECTION ?? e.DTI_PROFILE === 'development',
    trustedDocumentsPath: e.DTI_TRUSTED_DOCUMENTS_PATH,
    corsOrigins: e.DTI_CORS_ORIGINS,
    rateLimit: { burst: e.DTI_RATE_LIMIT_BURST, perSecond: e.DTI_RATE_LIMIT_PER_SECOND },
    auditLogPath: e.DTI_AUDIT_LOG_PATH,
  };
}
