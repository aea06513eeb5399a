import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentsContext } from '../context.ts';
import { AdministrativeUnit } from './AdministrativeUnit.ts';
import { Agency, AgencyDocumentFigures } from './Agency.ts';
import { Query } from './Query.ts';
import { TaskAgency } from './TaskAgency.ts';
import { UnitYear } from './UnitYear.ts';

/** Resolvers of the documents subgraph, split by GraphQL type. */
export const resolvers: GraphQLResolverMap<DocumentsContext> = { Query, UnitYear, AdministrativeUnit, Agency, AgencyDocumentFigures, TaskAgency };
