import type { HostedService, ServiceEnv } from '../launcher/service.ts';
import { subgraphServerConfigFromEnv, type Subgraph, type SubgraphListen } from './server.ts';

/** Starts a subgraph from its configuration; closing stops the server, then releases what the subgraph owns. */
export async function startSubgraphService(subgraph: Subgraph, listen: SubgraphListen): Promise<HostedService> {
  const running = await subgraph.start(listen);
  return {
    close: async () => {
      await running.close();
      await subgraph.close();
    },
  };
}

/**
 * `startService` of a subgraph entry module: `createSubgraph(loadConfig(env))`, started. Every
 * variable is parsed here, from the service's own environment, before anything is opened.
 */
export function subgraphService<C extends { readonly port: number; readonly host: string }>(
  loadConfig: (env: ServiceEnv) => C,
  createSubgraph: (config: C) => Subgraph,
): (env: ServiceEnv) => Promise<HostedService> {
  return async (env) => {
    const config = loadConfig(env);
    const server = subgraphServerConfigFromEnv(env);
    return startSubgraphService(createSubgraph(config), { port: config.port, host: config.host, server });
  };
}
