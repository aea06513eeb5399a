export { createSubgraph } from './subgraph.ts';
export type { PlansSubgraphDeps } from './subgraph.ts';
export { loadConfig } from './config.ts';
export type { PlansSubgraphConfig } from './config.ts';
