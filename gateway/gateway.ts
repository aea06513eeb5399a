import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/logging/index.ts';
import type { GatewayConfig } from './config.ts';
import { createSharedResponseCache, meshLogger, responseCachingOptions, useInvalidateOnMutation, type SharedResponseCache } from './cache.ts';
import { createDtiExportHandler } from './exports.ts';
import { createGatewayHealth } from './health.ts';
import { IDE_DEFAULT_QUERY, renderOfflineGraphiQL } from './ide.ts';
import { telemetryPlugins } from './telemetry.ts';

/** A running gateway; dispose to close it. */
export interface RunningGateway extends AsyncDisposable {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Builds the Hive Gateway runtime over the committed supergraph, planned by the Rust query
 * planner. Subgraph URLs come from configuration, so ports can move without recomposing.
 */
export function createGateway(config: GatewayConfig, logger: Logger, shared?: SharedResponseCache): GatewayRuntime {
  const supergraph = readFileSync(config.supergraphPath, 'utf8');
  const transportEntries = Object.fromEntries([...config.subgraphUrls].map(([name, url]) => [name, { location: `${url}/` }]));
  logger.debug('gateway subgraphs', { transportEntries });
  const caching = shared !== undefined && config.responseCache.ttlMs > 0;
  return createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    transportEntries,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: config.logLevel,
    upstreamTimeout: config.subgraphTimeoutMs,
    graphiql: { title: 'dti-graph', defaultQuery: IDE_DEFAULT_QUERY },
    renderGraphiQL: renderOfflineGraphiQL,
    ...(caching ? { cache: shared.cache, responseCaching: responseCachingOptions(shared, config.responseCache.ttlMs) } : {}),
    plugins: (ctx) => [...telemetryPlugins(ctx), ...(caching ? [useInvalidateOnMutation(shared, ctx)] : [])],
  });
}

/** Starts the gateway's HTTP server on loopback (port 0 picks a free one). */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const shared = config.responseCache.ttlMs > 0 ? await createSharedResponseCache(config.responseCache, meshLogger(logger)) : undefined;
  const runtime = createGateway(config, logger, shared);
  const health = createGatewayHealth(runtime, config.subgraphUrls);
  const execute = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const res = await runtime.fetch('http://gateway.invalid/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  const exportDti = createDtiExportHandler(execute, () => new Date().toISOString().slice(0, 10));
  const server = createServer((req, res) => {
    if (health.handle(req, res)) return;
    if (req.url?.startsWith('/exports/dti')) {
      exportDti(req, res).catch((e: unknown) => {
        logger.error('export failed', { error: String(e) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'export failed' }));
      });
      return;
    }
    void runtime(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info('gateway listening', { url: `${url}/graphql` });
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    await runtime.dispose();
    await shared?.close();
  };
  return { url, server, close, [Symbol.asyncDispose]: close };
}
