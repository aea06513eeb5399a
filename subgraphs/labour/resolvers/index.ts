import { UnitYear } from './UnitYear.ts';

/** Resolver map of the labour subgraph, one module per GraphQL type. */
export const resolvers = { UnitYear };
