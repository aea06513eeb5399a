import { buildSubgraphSchema } from '@apollo/subgraph';
import { withAccess } from '../../lib/access/index.ts';
import { accessRules } from './access.ts';
import type { Dispatcher } from 'undici';
import type { Logger } from '../../lib/logging/index.ts';
import { createLogger } from '../../lib/logging/index.ts';
import { startSubgraphServer, type Subgraph } from '../../lib/subgraph/index.ts';
import type { ServicesSubgraphConfig } from './config.ts';
import { createContext } from './context.ts';
import { modules } from './resolvers/index.ts';
import { createServicesClient, type ServicesClient, type ServicesClientOptions } from './upstream/client.ts';

/** Dependencies a caller may inject (tests: a MockAgent dispatcher, a silent logger, a fixed clock). */
export interface ServicesSubgraphDeps {
  /** A ready client; when given, `dispatcher`, `retry`, `breaker` and `now` are not used. */
  readonly client?: ServicesClient;
  readonly dispatcher?: Dispatcher;
  readonly retry?: ServicesClientOptions['retry'];
  readonly breaker?: ServicesClientOptions['breaker'];
  readonly logger?: Logger;
  readonly now?: () => Date;
}

/** Creates the services subgraph: schema, portal client and server start-up. */
export function createSubgraph(config: ServicesSubgraphConfig, deps: ServicesSubgraphDeps = {}): Subgraph {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, fields: { subgraph: 'services' } });
  const client =
    deps.client ??
    createServicesClient({
      baseUrl: config.upstreamUrl,
      timeoutMs: config.upstreamTimeoutMs,
      maxBodyBytes: config.upstreamMaxBodyBytes,
      logger,
      ...(deps.dispatcher === undefined ? {} : { dispatcher: deps.dispatcher }),
      ...(deps.retry === undefined ? {} : { retry: deps.retry }),
      ...(deps.breaker === undefined ? {} : { breaker: deps.breaker }),
      ...(deps.now === undefined ? {} : { now: deps.now }),
    });
  // Unit-scoped fields re-check the caller here too (defence in depth): rules in access.ts.
  const schema = withAccess(buildSubgraphSchema(modules), accessRules);
  return {
    name: 'services',
    schema,
    start: (listen) => startSubgraphServer({ name: 'services', schema, logger, context: () => Promise.resolve(createContext({ client, logger })) }, listen),
    close: () => client.close(),
  };
}
