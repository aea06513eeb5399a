import { AdministrativeUnit } from './AdministrativeUnit.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { TargetActual, TargetsAtRisk, TargetTrajectory } from './TargetUnitYears.ts';
import { UnitYear } from './UnitYear.ts';

/** Resolver map of the dti subgraph, one module per GraphQL type. */
export const resolvers = { Query, Mutation, AdministrativeUnit, UnitYear, TargetActual, TargetTrajectory, TargetsAtRisk };
