import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';

/** Configuration of the dti subgraph (it has no upstream of its own: units and the catalogue are reference data). */
export interface DtiSubgraphConfig {
  /** @default 4005 */
  readonly port: number;
  /** @default 127.0.0.1 */
  readonly host: string;
  /** @default info */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Folder of catalogue versions loaded by administrators (git-ignored); read at start. @default data/catalogue-versions */
  readonly catalogueDir: string;
  /** First year the connected systems hold data for (unit-years before it are refused). @default 2020 */
  readonly firstDataYear: number;
  /** Units one request may walk through predecessors/successors/children. @default 5000 */
  readonly unitWalkBudget: number;
}

const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('../../data/catalogue-versions', import.meta.url));

const envSchema = z.object({
  PORT: portSchema.default(4005),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DTI_CATALOGUE_DIR: z.string().min(1).default(DEFAULT_CATALOGUE_DIR),
  FIRST_DATA_YEAR: z.coerce.number().int().min(1990).max(2100).default(2020),
  UNIT_WALK_BUDGET: z.coerce.number().int().min(10).max(1_000_000).default(5000),
});

/** Reads the subgraph's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): DtiSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    catalogueDir: e.DTI_CATALOGUE_DIR,
    firstDataYear: e.FIRST_DATA_YEAR,
    unitWalkBudget: e.UNIT_WALK_BUDGET,
  };
}
