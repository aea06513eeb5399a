export { createSubgraph } from './subgraph.ts';
export type { SubmissionsDeps } from './subgraph.ts';
export { loadConfig } from './config.ts';
export type { SubmissionsConfig } from './config.ts';
