import { buildSubgraphSchema } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { sharedTypeDefs, startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { DtiSubgraphConfig } from './config.ts';
import { createContext, type DtiContext } from './context.ts';
import { openCatalogueStore } from './domain/catalogue-store.ts';
import { loadCatalogue, loadPublished } from './domain/index.ts';
import type { Catalogue, PublishedResults } from './domain/index.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';
import { loadUnits, type UnitCatalogue } from './domain/units.ts';

/** Optional dependencies, injected by tests. */
export interface DtiSubgraphDeps {
  readonly logger?: Logger;
  /** @default the committed schema/dti/catalogue.json */
  readonly catalogue?: Catalogue;
  /** @default the committed schema/dti/published.json */
  readonly published?: PublishedResults;
  /** Where loaded catalogue versions live; null keeps them in memory (tests). @default config.catalogueDir */
  readonly catalogueDir?: string | null;
  /** @default the committed administrative units (data/reference) */
  readonly units?: UnitCatalogue;
  readonly now?: () => Date;
}

/** Builds the dti subgraph: units and unit-years (reference data), catalogue, what-if scoring, and the DTI assessment of a unit-year. */
export function createSubgraph(config: DtiSubgraphConfig, deps: DtiSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { service: 'subgraph-dti' } });
  // Parsed once here, so a bad reference file fails start-up rather than the first query.
  const catalogues = openCatalogueStore({
    dir: deps.catalogueDir === undefined ? config.catalogueDir : deps.catalogueDir,
    builtIn: deps.catalogue ?? loadCatalogue(),
    builtInCitation: 'schema/dti/catalogue.json (committed with the code; see each methodology’s citation)',
  });
  const published = deps.published ?? loadPublished();
  const units = deps.units ?? loadUnits();
  const data = { catalogues, published, units, firstDataYear: config.firstDataYear, unitWalkBudget: config.unitWalkBudget, ...(deps.now === undefined ? {} : { now: deps.now }) };
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema([
    { typeDefs: sharedTypeDefs },
    { typeDefs, resolvers: resolvers satisfies GraphQLResolverMap<DtiContext> },
  ]), accessRules);
  return {
    name: 'dti',
    schema,
    start: (listen) => startSubgraphServer({ name: 'dti', schema, logger, context: async (_req, access) => createContext({ ...data, identity: () => access.identity }) }, listen),
    close: async () => undefined,
  };
}
