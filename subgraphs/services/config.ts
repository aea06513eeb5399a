import { loadUpstreamSubgraphConfig, type UpstreamSubgraphConfig } from '../../lib/config/index.ts';

/** Configuration of the services subgraph over the public-service portal: PORT defaults to 4003, UPSTREAM_URL to http://127.0.0.1:4103. */
export type ServicesSubgraphConfig = UpstreamSubgraphConfig;

/** Reads the configuration from environment variables; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServicesSubgraphConfig {
  return loadUpstreamSubgraphConfig(env, { port: 4003, upstreamPort: 4103 });
}
