export type { ConformanceSimulator, SubgraphConformanceOptions } from './conformance.ts';
export { defineSubgraphConformance } from './conformance.ts';
