export { createSubgraph } from './subgraph.ts';
export type { LabourSubgraphDeps } from './subgraph.ts';
export { loadConfig } from './config.ts';
export type { LabourSubgraphConfig } from './config.ts';
