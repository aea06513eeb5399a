import type { HostedService, ServiceEnv } from '../launcher/service.ts';
import type { Subgraph } from './server.ts';

/** Starts a subgraph from its configuration; closing stops the server, then releases what the subgraph owns. */
export async function startSubgraphService(subgraph: Subgraph, listen: { readonly port: number; readonly host: string }): Promise<HostedService> {
  const running = await subgraph.start(listen);
  return {
    close: async () => {
      await running.close();
      await subgraph.close();
    },
  };
}

/** `startService` of a subgraph entry module: `createSubgraph(loadConfig(env))`, started. */
export function subgraphService<C extends { readonly port: number; readonly host: string }>(
  loadConfig: (env: ServiceEnv) => C,
  createSubgraph: (config: C) => Subgraph,
): (env: ServiceEnv) => Promise<HostedService> {
  return (env) => {
    const config = loadConfig(env);
    return startSubgraphService(createSubgraph(config), config);
  };
}
