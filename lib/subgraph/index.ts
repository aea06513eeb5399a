export { sharedTypeDefs } from './provenance.ts';
export type { Provenance, SourceSystemValue } from './provenance.ts';
export type { RunningSubgraph, Subgraph, SubgraphServerOptions } from './server.ts';
export { createApolloServer, formatSubgraphError, startSubgraphServer } from './server.ts';
