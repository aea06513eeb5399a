import type { GraphQLSchemaModule } from '@apollo/subgraph';
import { sharedTypeDefs } from '../../../lib/subgraph/index.ts';
import { typeDefs } from '../schema.ts';
import { PublicServiceStats } from './PublicServiceStats.ts';
import { UnitYear } from './UnitYear.ts';
import { PublicServiceIndexCounts } from './PublicServiceIndexCounts.ts';

/** Schema modules for buildSubgraphSchema: the shared provenance types, then ours with resolvers. */
export const modules: GraphQLSchemaModule[] = [{ typeDefs: sharedTypeDefs }, { typeDefs, resolvers: { UnitYear, PublicServiceStats, PublicServiceIndexCounts } }];
