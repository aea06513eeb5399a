import { AdministrativeUnit } from './AdministrativeUnit.ts';
import { Mutation } from './Mutation.ts';
import { Plan } from './Plan.ts';
import { PlanPreview, PlanTargetReading, PlanTaskReading } from './PlanPreview.ts';
import { PlanTarget } from './PlanTarget.ts';
import { Query } from './Query.ts';
import { TargetActual } from './TargetActual.ts';
import { UnitYear } from './UnitYear.ts';
import { TargetsAtRisk, TargetTrajectory } from './TargetTrajectory.ts';

/** Resolver map of the plans subgraph, one module per GraphQL type. */
export const resolvers = { Query, Mutation, AdministrativeUnit, UnitYear, Plan, PlanTarget, TargetActual, TargetTrajectory, TargetsAtRisk, PlanPreview, PlanTargetReading, PlanTaskReading };
