import { loadUpstreamSubgraphConfig, type UpstreamSubgraphConfig } from '../../lib/config/index.ts';

/** Configuration of the documents subgraph over the document system (QLVBĐH): PORT defaults to 4002, UPSTREAM_URL to http://127.0.0.1:4102. */
export type DocumentsSubgraphConfig = UpstreamSubgraphConfig;

/** Reads the configuration from environment variables; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): DocumentsSubgraphConfig {
  return loadUpstreamSubgraphConfig(env, { port: 4002, upstreamPort: 4102 });
}
