export { createSubgraph } from './subgraph.ts';
export type { ServicesSubgraphDeps } from './subgraph.ts';
export type { ServicesSubgraphConfig } from './config.ts';
export { loadConfig } from './config.ts';
