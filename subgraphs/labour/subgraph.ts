import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { Dispatcher } from 'undici';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { sharedTypeDefs, startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { LabourSubgraphConfig } from './config.ts';
import { createContextFactory, type LabourContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';
import { createLabourClient, type LabourClient } from './upstream/client.ts';

/** Optional dependencies, injected by tests. */
export interface LabourSubgraphDeps {
  /** A ready client; when given, `dispatcher` is ignored and the caller closes it. */
  readonly client?: LabourClient;
  readonly dispatcher?: Dispatcher;
  readonly logger?: Logger;
  /** Clock deciding which figures are stale. @default the real clock */
  readonly now?: () => Date;
}

/** Builds the labour subgraph: `UnitYear.labour` from the labour-market information system. */
export function createSubgraph(config: LabourSubgraphConfig, deps: LabourSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { service: 'subgraph-labour' } });
  const now = deps.now ?? (() => new Date());
  const client =
    deps.client ??
    createLabourClient({
      baseUrl: config.upstreamUrl,
      timeoutMs: config.upstreamTimeoutMs,
      maxBodyBytes: config.upstreamMaxBodyBytes,
      logger,
      now,
      ...(deps.dispatcher === undefined ? {} : { dispatcher: deps.dispatcher }),
    });
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema([
    { typeDefs: sharedTypeDefs },
    { typeDefs, resolvers: resolvers satisfies GraphQLResolverMap<LabourContext> },
  ]), accessRules);
  const context = createContextFactory({ client, now });
  return {
    name: 'labour',
    schema,
    start: (listen) => startSubgraphServer({ name: 'labour', schema, logger, context }, listen),
    close: () => (deps.client === undefined ? client.close() : Promise.resolve()),
  };
}
