import { buildSubgraphSchema } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { Dispatcher } from 'undici';
import { createLogger, type Logger } from '../../lib/logging/index.ts';
import { sharedTypeDefs, startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { DocumentsSubgraphConfig } from './config.ts';
import { createContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './schema.ts';
import { createDocumentsClient, type DocumentsClient } from './upstream/client.ts';

/** Optional dependencies of the documents subgraph; each defaults to the production one. */
export interface DocumentsSubgraphDeps {
  /** Upstream client; defaults to one on `config.upstreamUrl`. */
  readonly client?: DocumentsClient;
  /** undici dispatcher for the default client (tests pass a MockAgent). */
  readonly dispatcher?: Dispatcher;
  readonly logger?: Logger;
  /** Clock. */
  readonly now?: () => Date;
}

/** Creates the documents subgraph: schema, per-request context, and a server to start. */
export function createSubgraph(config: DocumentsSubgraphConfig, deps: DocumentsSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { subgraph: 'documents' } });
  const client =
    deps.client ??
    createDocumentsClient({
      baseUrl: config.upstreamUrl,
      timeoutMs: config.upstreamTimeoutMs,
      maxBodyBytes: config.upstreamMaxBodyBytes,
      logger,
      ...(deps.dispatcher === undefined ? {} : { dispatcher: deps.dispatcher }),
      ...(deps.now === undefined ? {} : { now: deps.now }),
    });
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema([{ typeDefs: sharedTypeDefs }, { typeDefs, resolvers }]), accessRules);
  const context = { client, logger, ...(deps.now === undefined ? {} : { now: deps.now }) };
  return {
    name: 'documents',
    schema,
    start: (listen) => startSubgraphServer({ name: 'documents', schema, logger, context: () => Promise.resolve(createContext(context)) }, listen),
    close: () => client.close(),
  };
}
