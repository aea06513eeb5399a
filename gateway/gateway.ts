import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/logging/index.ts';
import type { GatewayConfig } from './config.ts';
import { prepareGatewayAccess, type GatewayAccess } from './access.ts';
import { createDtiExportHandler } from './exports.ts';
import { createHardening, type Hardening } from './hardening.ts';
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
  hardening: Hardening = createHardening(config.security, logger, { claimPaths: config.auth.claimPaths }),
): GatewayRuntime {
  const supergraph = readFileSync(config.supergraphPath, 'utf8');
  const transportEntries = Object.fromEntries([...config.subgraphUrls].map(([name, url]) => [name, { location: `${url}/` }]));
  logger.debug('gateway subgraphs', { transportEntries });
  return createGatewayRuntime<Record<string, unknown>>({
    supergraph,
    unifiedGraphHandler,
    transportEntries,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: config.logLevel,
    upstreamTimeout: config.subgraphTimeoutMs,
    ...hardening.runtimeOptions,
    // Hardening first: the rate limit answers before any token work; the audit sees access's refusals by code.
    plugins: () => [...hardening.plugins(), ...access.plugins],
    genericAuth: access.genericAuth,
  });
}

/** Starts the gateway's HTTP server on loopback (port 0 picks a free one). */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger,
  hardening: Hardening = createHardening(config.security, logger, { claimPaths: config.auth.claimPaths }),
): Promise<RunningGateway> {
  const runtime = createGateway(config, logger, await prepareGatewayAccess(config), hardening);
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
  const server = createServer((req, res) => {
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
  };
  return { url, server, close, [Symbol.asyncDispose]: close };
}
