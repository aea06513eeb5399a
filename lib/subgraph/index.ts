export { sharedTypeDefs, sourceSystemTypeDefs } from './provenance.ts';
export type { Provenance, SourceSystemValue } from './provenance.ts';
export type { RunningSubgraph, Subgraph, SubgraphListen, SubgraphServerConfig, SubgraphServerOptions } from './server.ts';
export { createApolloServer, formatSubgraphError, startSubgraphServer, subgraphServerConfigFromEnv } from './server.ts';
