export { createSubgraph } from './subgraph.ts';
export type { DocumentsSubgraphDeps } from './subgraph.ts';
export type { DocumentsSubgraphConfig } from './config.ts';
export { loadConfig } from './config.ts';
