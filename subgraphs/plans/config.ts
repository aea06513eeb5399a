import { z } from 'zod';
import { durationMsSchema, parseEnv, toUpstreamSubgraphConfig, upstreamSubgraphEnv, type UpstreamSubgraphConfig } from '../../lib/config/index.ts';

/** Configuration of the plans subgraph over the plan registry: PORT defaults to 4001, UPSTREAM_URL to http://127.0.0.1:4101. */
export interface PlansSubgraphConfig extends UpstreamSubgraphConfig {
  /** How long the unit catalogue is kept, ms. @default 600000 */
  readonly catalogueTtlMs: number;
  /** First year the connected systems hold data for. @default 2020 */
  readonly firstDataYear: number;
  /** Longest plan text and title `importPlan` stores, in characters. @default 200000 / 300 */
  readonly importLimits: { readonly maxTextChars: number; readonly maxTitleChars: number };
}

const envSchema = upstreamSubgraphEnv({ port: 4001, upstreamPort: 4101 }).extend({
  CATALOGUE_TTL_MS: durationMsSchema.default(600_000),
  FIRST_DATA_YEAR: z.coerce.number().int().min(1990).max(2100).default(2020),
  PLAN_MAX_TEXT_CHARS: z.coerce.number().int().min(1000).max(5_000_000).default(200_000),
  PLAN_MAX_TITLE_CHARS: z.coerce.number().int().min(10).max(10_000).default(300),
});

/** Reads the subgraph's configuration from environment variables, failing fast on a bad one. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): PlansSubgraphConfig {
  const e = parseEnv(envSchema, env);
  return {
    ...toUpstreamSubgraphConfig(e),
    catalogueTtlMs: e.CATALOGUE_TTL_MS,
    firstDataYear: e.FIRST_DATA_YEAR,
    importLimits: { maxTextChars: e.PLAN_MAX_TEXT_CHARS, maxTitleChars: e.PLAN_MAX_TITLE_CHARS },
  };
}
