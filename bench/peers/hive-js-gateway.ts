/**
 * Peer for `npm run bench:gateways` only: the Hive Gateway runtime with its default JavaScript
 * query planner (no `unifiedGraphHandler` from @graphql-hive/router-runtime), otherwise configured
 * as our gateway (gateway/gateway.ts), over the same supergraph and subgraph URLs.
 * Env: as gateway/config.ts (PORT, HOST, SUPERGRAPH_PATH, SUBGRAPH_<NAME>_URL, GATEWAY_UPSTREAM_DEDUPLICATION).
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadConfig } from '../../gateway/config.ts';

const config = loadConfig(process.env);
const transportOptions = { deduplicateInflightRequests: config.upstreamDeduplication };
const runtime = createGatewayRuntime({
  supergraph: readFileSync(config.supergraphPath, 'utf8'),
  transportEntries: Object.fromEntries([...config.subgraphUrls].map(([name, url]) => [name, { location: `${url}/`, options: transportOptions }])),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  logging: config.logLevel,
  upstreamTimeout: config.subgraphTimeoutMs,
});
const server = createServer((req, res) => void runtime(req, res));
server.listen(config.port, config.host, () => process.stderr.write(`hive js-planner gateway listening on ${config.host}:${config.port}\n`));
const stop = (): void => {
  server.closeAllConnections();
  server.close(() => void Promise.resolve(runtime.dispose()).then(() => process.exit(0)));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
