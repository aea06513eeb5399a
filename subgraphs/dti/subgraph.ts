import { buildSubgraphSchema } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { sharedTypeDefs, startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { DtiSubgraphConfig } from './config.ts';
import { createContext, type DtiContext } from './context.ts';
import { loadCatalogue, loadPublished } from './domain/index.ts';
import type { Catalogue, PublishedResults } from './domain/index.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';

/** Optional dependencies, injected by tests. */
export interface DtiSubgraphDeps {
  readonly logger?: Logger;
  /** @default the committed schema/dti/catalogue.json */
  readonly catalogue?: Catalogue;
  /** @default the committed schema/dti/published.json */
  readonly published?: PublishedResults;
}

/** Builds the dti subgraph: catalogue, what-if scoring, and the DTI assessment of a unit-year. */
export function createSubgraph(config: DtiSubgraphConfig, deps: DtiSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { service: 'subgraph-dti' } });
  // Parsed once here, so a bad reference file fails start-up rather than the first query.
  const data: DtiContext = { catalogue: deps.catalogue ?? loadCatalogue(), published: deps.published ?? loadPublished() };
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema([
    { typeDefs: sharedTypeDefs },
    { typeDefs, resolvers: resolvers satisfies GraphQLResolverMap<DtiContext> },
  ]), accessRules);
  return {
    name: 'dti',
    schema,
    start: (listen) => startSubgraphServer({ name: 'dti', schema, logger, context: async () => createContext(data) }, listen),
    close: async () => undefined,
  };
}
