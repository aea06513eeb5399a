import { loadUpstreamSubgraphConfig, type UpstreamSubgraphConfig } from '../../lib/config/index.ts';

/** Configuration of the labour subgraph over the labour-market system: PORT defaults to 4004, UPSTREAM_URL to http://127.0.0.1:4104. */
export type LabourSubgraphConfig = UpstreamSubgraphConfig;

/** Reads the configuration from environment variables; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): LabourSubgraphConfig {
  return loadUpstreamSubgraphConfig(env, { port: 4004, upstreamPort: 4104 });
}
