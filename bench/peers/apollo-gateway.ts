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
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
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
