export { createSubgraph } from './subgraph.ts';
export type { DtiSubgraphDeps } from './subgraph.ts';
export { loadConfig } from './config.ts';
export type { DtiSubgraphConfig } from './config.ts';
