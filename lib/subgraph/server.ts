import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { admissionConfigFromEnv, requireGateway, type AccessScope, type SubgraphAdmissionConfig } from '../access/index.ts';
import { toGraphQLError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { BudgetPolicy } from '../resilience/deadline.ts';
import { budgetPolicyFromEnv, serveSubgraph } from '../resilience/subgraph-http.ts';
import { subgraphMetricsPlugin } from './http.ts';

/** A running subgraph HTTP server. */
export interface RunningSubgraph extends AsyncDisposable {
  readonly url: string;
  close(): Promise<void>;
}

/** Everything that differs between subgraphs: schema and per-request context. */
export interface SubgraphServerOptions<C extends BaseContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** Builds the per-request context (fresh DataLoaders every request); the server adds `access`. */
  readonly context: (req: IncomingMessage, access: AccessScope) => Promise<C>;
  readonly logger: Logger;
}

/** What every subgraph server is started with besides its own configuration: admission and deadline budget. */
export interface SubgraphServerConfig {
  readonly admission: SubgraphAdmissionConfig;
  readonly budget: BudgetPolicy;
}

/**
 * Reads the server configuration every subgraph shares (DTI_SUBGRAPH_VERIFY_SIGNATURES,
 * DTI_PROFILE, GATEWAY_UPSTREAM_PUBLIC_KEY, REDIS_URL, REQUEST_BUDGET_MS, REQUEST_BUDGET_MAX_MS)
 * from the environment a service is started with; a ConfigError naming each bad variable.
 */
export function subgraphServerConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SubgraphServerConfig {
  return { admission: admissionConfigFromEnv(env), budget: budgetPolicyFromEnv(env) };
}

/** Where a subgraph listens, and the server configuration parsed at the edge (lib/subgraph/main.ts). */
export interface SubgraphListen {
  readonly port: number;
  readonly host: string;
  readonly server: SubgraphServerConfig;
}

/** Formats resolver errors through the one error mapper, so codes and systems survive and nothing internal leaks. */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Errors Apollo raised itself (parse, validation) already carry their own codes.
  if (original === error && formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
  const mapped = toGraphQLError(original).toJSON();
  return { ...formatted, message: mapped.message, ...(mapped.extensions === undefined ? {} : { extensions: mapped.extensions }) };
}

const CACHEABLE = /^max-age=\d+, (public|private)$/;

/**
 * What Apollo's cache-control plugin answers for our schemas, without its per-field work: no type
 * or field carries a cache hint and no resolver sets one, so every answer is `cache-control:
 * no-store` (a header someone else set in a form the plugin cannot read is left alone, as it does).
 * The plugin's hook on every resolved field cost a few per cent of a subgraph's CPU on large answers.
 */
function noStorePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          const existing = response.http.headers.get('cache-control');
          if (existing === undefined || existing === 'no-store' || CACHEABLE.test(existing)) response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      }),
  };
}

/** Builds the Apollo Server for a subgraph schema with the project's error policy. */
export function createApolloServer<C extends BaseContext>(
  options: Pick<SubgraphServerOptions<C>, 'schema' | 'logger'> & { readonly name?: string },
): ApolloServer<C> {
  return new ApolloServer<C>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // Federated traces (ftv1) are only useful with Apollo Studio; they cost time on every request.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin<C>(),
      ...(options.name === undefined ? [] : [subgraphMetricsPlugin<C>(options.name)]),
    ],
    formatError: formatSubgraphError,
    logger: {
      debug: (m) => options.logger.debug(String(m)),
      info: (m) => options.logger.info(String(m)),
      warn: (m) => options.logger.warn(String(m)),
      error: (m) => options.logger.error(String(m)),
    },
  });
}

/** Starts a subgraph on `host:port` (port 0 picks a free one); `close` stops it and drains connections. */
export async function startSubgraphServer<C extends BaseContext>(options: SubgraphServerOptions<C>, listen: SubgraphListen): Promise<RunningSubgraph> {
  const server = createApolloServer(options);
  // Only the gateway's signed requests are admitted; anything else is refused (401) before the
  // body is read, `_service` and `_entities` included. The token also grants the deadline budget.
  const admit = await requireGateway(options.name, listen.server.admission, { warn: (m) => options.logger.warn(m) });
  const context = async (req: IncomingMessage, access: AccessScope): Promise<C> => ({ ...(await options.context(req, access)), access });
  // One HTTP front: per-request deadline scope, JSON errors for bad bodies (lib/resilience), and
  // /metrics, /health/* and a server span per request (lib/subgraph/http.ts).
  const { url, close } = await serveSubgraph(server, { ...options, admit, context, budget: listen.server.budget }, { port: listen.port, host: listen.host });
  options.logger.info('subgraph listening', { subgraph: options.name, url });
  return { url: url.replace(/\/$/, ''), close, [Symbol.asyncDispose]: close };
}

/** What every subgraph's `createSubgraph(config, deps?)` returns. */
export interface Subgraph {
  readonly name: string;
  /** Executable federated schema (also what `npm run compose` prints the SDL of). */
  readonly schema: GraphQLSchema;
  /** Starts the HTTP server; the caller closes it. */
  start(listen: SubgraphListen): Promise<RunningSubgraph>;
  /** Releases what the subgraph owns (upstream connection pools). */
  close(): Promise<void>;
}
