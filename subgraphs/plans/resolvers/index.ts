import { AdministrativeUnit } from './AdministrativeUnit.ts';
import { Plan } from './Plan.ts';
import { Query } from './Query.ts';
import { UnitYear } from './UnitYear.ts';

/** Resolver map of the plans subgraph, one module per GraphQL type. */
export const resolvers = { Query, AdministrativeUnit, UnitYear, Plan };
