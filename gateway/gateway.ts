import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/logging/index.ts';
import type { GatewayConfig } from './config.ts';
import { prepareGatewayAccess, type GatewayAccess } from './access.ts';
import { createSharedResponseCache, meshLogger, responseCachingOptions, useInvalidateOnMutation, type SharedResponseCache } from './cache.ts';
import { createDtiExportHandler } from './exports.ts';
import { createHardening, type Hardening } from './hardening.ts';
import { createGatewayHealth } from './health.ts';
import { IDE_DEFAULT_QUERY, renderOfflineGraphiQL } from './ide.ts';
import { usePlanCacheDocuments } from './plan-cache.ts';
import { createResilience } from './resilience.ts';
import { useRequiresNulls } from './requires-nulls.ts';
import { useUnreachableSubgraphs } from './unreachable.ts';

type Resilience = ReturnType<typeof createResilience>;
import { createStaticHandler } from './static.ts';
import { telemetryPlugins } from './telemetry.ts';
import { documentIdOf } from '../lib/trusted-documents/index.ts';

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
export function createGateway(
  config: GatewayConfig,
  logger: Logger,
  access: GatewayAccess,
  hardening: Hardening = createHardening(config.security, logger, { claimPaths: config.auth.claimPaths, auth: access }),
  shared?: SharedResponseCache,
  resilience: Resilience = createResilience(config.resilience, logger),
): GatewayRuntime {
  const supergraph = readFileSync(config.supergraphPath, 'utf8');
  const transportOptions = { deduplicateInflightRequests: config.upstreamDeduplication };
  const transportEntries = Object.fromEntries([...config.subgraphUrls].map(([name, url]) => [name, { location: `${url}/`, options: transportOptions }]));
  logger.debug('gateway subgraphs', { transportEntries });
  const caching = shared !== undefined && config.responseCache.ttlMs > 0;
  return createGatewayRuntime<Record<string, unknown>>({
    supergraph,
    unifiedGraphHandler,
    transportEntries,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: config.logLevel,
    // No `upstreamTimeout`: resilience.plugin times each subgraph fetch from the request's deadline
    // (DTI_DEADLINE_MS, DTI_EXPORT_DEADLINE_MS) at a fraction of the runtime's cost (gateway/resilience.ts).
    graphiql: { title: 'dti-graph', defaultQuery: IDE_DEFAULT_QUERY },
    renderGraphiQL: renderOfflineGraphiQL,
    ...hardening.runtimeOptions,
    ...(caching ? { cache: shared.cache, responseCaching: responseCachingOptions(shared, config.responseCache.ttlMs) } : {}),
    // Hardening before identity: the rate limit answers before any token work, and the audit sees
    // access's refusals by their codes.
    // Resilience last: it rewrites every client-facing error, so it must see the codes the others set.
    plugins: (ctx) => [
      ...telemetryPlugins(ctx),
      ...hardening.plugins(),
      ...access.plugins,
      ...(caching ? [useInvalidateOnMutation(shared, ctx)] : []),
      useUnreachableSubgraphs(config.subgraphUrls, logger),
      // A source's null (or a failed fetch) reaches @requires consumers as null, not absent (issue #7 item 5).
      useRequiresNulls(supergraph),
      // After genericAuth's per-request copy of the document: one object per text, so the planner's cache hits.
      usePlanCacheDocuments(),
      resilience.plugin,
    ],
    ...(access.genericAuth === undefined ? {} : { genericAuth: access.genericAuth }),
  });
}

/** Starts the gateway's HTTP server on loopback (port 0 picks a free one). */
export async function startGateway(config: GatewayConfig, logger: Logger, hardeningOverride?: Hardening): Promise<RunningGateway> {
  // The deadline first: what each subgraph fetch may spend is signed into its token.
  const resilience = createResilience(config.resilience, logger);
  const access = await prepareGatewayAccess(config, logger, resilience.budgetOf);
  const hardening = hardeningOverride ?? createHardening(config.security, logger, { claimPaths: config.auth.claimPaths, auth: access });
  const shared = config.responseCache.ttlMs > 0 ? await createSharedResponseCache(config.responseCache, meshLogger(logger)) : undefined;
  const runtime = createGateway(config, logger, access, hardening, shared, resilience);
  const health = createGatewayHealth(runtime, config.subgraphUrls);
  const execute = async (query: string, variables: Record<string, unknown>, authorization: string | undefined): Promise<unknown> => {
    const res = await runtime.fetch('http://gateway.invalid/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        // Exports run as their caller: the same token, so the same checks.
        ...(authorization === undefined ? {} : { authorization }),
      },
      // Export operations are registered trusted documents: sent by id, they also run in production.
      body: JSON.stringify({ documentId: documentIdOf(query), variables }),
    });
    return res.json();
  };
  const exportDti = hardening.wrapExport(createDtiExportHandler(execute, () => new Date().toISOString().slice(0, 10)));
  const serveStatic = createStaticHandler({ root: config.webRoot, connectOrigins: config.webOidc === null ? [] : [new URL(config.webOidc.issuer).origin] });
  const webConfig = JSON.stringify({ oidc: config.webOidc });
  const server = createServer((req, res) => {
    if (health.handle(req, res)) return;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/web-config.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }).end(webConfig);
      return;
    }
    if (path !== '/graphql' && !path.startsWith('/exports/') && !path.startsWith('/admin/')) {
      serveStatic(req, res).then(
        (served) => {
          if (!served) void runtime(req, res);
        },
        (e: unknown) => {
          logger.error('static file failed', { error: String(e) });
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('internal error');
        },
      );
      return;
    }
    if (req.url?.startsWith('/exports/dti')) {
      exportDti(req, res).catch((e: unknown) => {
        logger.error('export failed', { error: String(e) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'export failed' }));
      });
      return;
    }
    if (req.url?.startsWith('/admin/audit')) {
      void hardening.readAudit(req, res);
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
