import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { logLevelSchema, parseEnv, portSchema } from '../../lib/config/index.ts';
import { REPO_ROOT_URL } from '../../lib/topology/index.ts';

/** Configuration of the submissions subgraph. */
export interface SubmissionsConfig {
  /** @default 4006 */
  readonly port: number;
  /** @default 127.0.0.1 */
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** PostgreSQL connection string; null: the embedded SQLite store under `dataDir`. */
  readonly databaseUrl: string | null;
  /** @default <repo>/data/submissions (git-ignored) */
  readonly dataDir: string;
  /** @default 10 */
  readonly poolSize: number;
  /** Largest evidence file accepted, bytes. @default 10 MiB */
  readonly maxEvidenceBytes: number;
  /** Year-on-year change (0–1 scale) above which saving warns. @default 0.3 */
  readonly jumpThreshold: number;
  /** Largest difference (0–1 scale) between a manual value and a connected system's figure that passes without SYSTEM_MISMATCH. @default 0.05 */
  readonly systemTolerance: number;
  /** How long a submission check's token is accepted, seconds. @default 3600 */
  readonly checkTokenTtlS: number;
  /** Diagnostics: a file every executed statement is appended to (the bench counts store queries per wave). @default none */
  readonly queryLog: string | null;
}

const envSchema = z.object({
  PORT: portSchema.default(4006),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: logLevelSchema.default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  SUBMISSIONS_DATA_DIR: z.string().min(1).default(fileURLToPath(new URL('data/submissions', REPO_ROOT_URL))),
  SUBMISSIONS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  SUBMISSIONS_MAX_EVIDENCE_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  SUBMISSIONS_JUMP_THRESHOLD: z.coerce.number().min(0).max(1).default(0.3),
  SUBMISSIONS_SYSTEM_TOLERANCE: z.coerce.number().min(0).max(1).default(0.05),
  SUBMISSIONS_CHECK_TOKEN_TTL_S: z.coerce.number().int().min(1).default(3600),
  SUBMISSIONS_QUERY_LOG: z.string().min(1).optional(),
});

/** Reads the configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): SubmissionsConfig {
  const e = parseEnv(envSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.SUBMISSIONS_DATA_DIR,
    poolSize: e.SUBMISSIONS_DB_POOL_SIZE,
    maxEvidenceBytes: e.SUBMISSIONS_MAX_EVIDENCE_BYTES,
    jumpThreshold: e.SUBMISSIONS_JUMP_THRESHOLD,
    systemTolerance: e.SUBMISSIONS_SYSTEM_TOLERANCE,
    checkTokenTtlS: e.SUBMISSIONS_CHECK_TOKEN_TTL_S,
    queryLog: e.SUBMISSIONS_QUERY_LOG ?? null,
  };
}
