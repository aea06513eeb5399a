// The conformance suite is its own entry point (`lib/testing/conformance.ts`): it loads the unit catalogue
// and composes schemas (each subgraph's test hands in the subgraphs' type definitions), which plumbing tests
// that only need a mock upstream should not pay for.
export { mockUpstream } from './mock-upstream.ts';
export type { StackSimulator, SubgraphStack, SubgraphStackOptions, UpstreamRequests } from './stack.ts';
export { graphqlResponseSchema, STACK_ADMIN, stackMinter, startSubgraphStack } from './stack.ts';
export type { UnitYearRepresentation } from './representations.ts';
export { unitYearRepresentation } from './representations.ts';
