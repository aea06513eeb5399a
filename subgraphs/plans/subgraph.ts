import { buildSubgraphSchema } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Dispatcher } from 'undici';
import { createUpstreamClient } from '../../lib/http/index.ts';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { sharedTypeDefs, startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { PlansSubgraphConfig } from './config.ts';
import { createContext, type PlansContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';
import { createCatalogueCache } from './upstream/catalogue.ts';
import { createPlansUpstream } from './upstream/client.ts';
import { wireErrorSchema } from './upstream/schemas.ts';
import { loadIndicators } from './indicators.ts';

/** Optional dependencies, injected by tests. */
export interface PlansSubgraphDeps {
  readonly dispatcher?: Dispatcher;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

/** Builds the plans subgraph: the plan registry, and the plans of each unit and unit-year. */
export function createSubgraph(config: PlansSubgraphConfig, deps: PlansSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { service: 'subgraph-plans' } });
  const now = deps.now ?? (() => new Date());
  const client = createUpstreamClient({
    system: 'plans',
    baseUrl: config.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    errorMessage: (body) => wireErrorSchema.safeParse(body).data?.thongBao,
    logger,
    ...(deps.dispatcher === undefined ? {} : { dispatcher: deps.dispatcher }),
  });
  const upstream = createPlansUpstream(client);
  const catalogue = createCatalogueCache(upstream, config.catalogueTtlMs);
  const indicators = loadIndicators();
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema([
    { typeDefs: sharedTypeDefs },
    { typeDefs, resolvers: resolvers satisfies GraphQLResolverMap<PlansContext> },
  ]), accessRules);
  return {
    name: 'plans',
    schema,
    start: async (listen) => {
      // Warm the catalogue so the first query costs no extra upstream call; a failure here is
      // not fatal, the next request tries again.
      await catalogue().catch((e: unknown) => logger.warn('unit catalogue not loaded at start', { error: String(e) }));
      return startSubgraphServer(
        {
          name: 'plans',
          schema,
          logger,
          context: async () =>
            createContext({
              upstream, catalogue, now, firstDataYear: config.firstDataYear, indicators,
              importLimits: config.importLimits,
            }),
        },
        listen,
      );
    },
    close: () => client.close(),
  };
}
