/**
 * Peer for `npm run bench:gateways` only: `@apollo/gateway` 2.x (JavaScript query planner) in
 * Apollo Server over the same committed supergraph, with the subgraph URLs our gateway is given.
 * Env: PORT, HOST, SUPERGRAPH_PATH, SUBGRAPH_<NAME>_URL (as gateway/config.ts reads them).
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../gateway/config.ts';

const config = loadConfig(process.env);
const urls = new Map<string, string>([...config.subgraphUrls].map(([name, url]) => [name, `${url}/`]));
// `@apollo/gateway` refuses a supergraph linking the authorization specs `for: SECURITY` (only
// Apollo's router enforces them): linked as plain features they are ignored. The benchmark runs
// every gateway with access control off alike (bench:auth measures ours with and without).
const supergraphSdl = readFileSync(config.supergraphPath, 'utf8').replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:policy|requiresScopes|authenticated)\/v[\d.]+"), for: SECURITY\)/g, '$1)');
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls.get(name) ?? url ?? '' }),
});
const server = new ApolloServer({ gateway, introspection: false });
const { url } = await startStandaloneServer(server, { listen: { port: config.port, host: config.host } });
process.stderr.write(`apollo gateway listening at ${url}\n`);
const stop = (): void => {
  void server.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
