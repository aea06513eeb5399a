import { createServer, Socket, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../lib/logging/index.ts';
import { subgraphServerConfigFromEnv, type RunningSubgraph } from '../../../lib/subgraph/index.ts';
import { createDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { createSubgraph, loadConfig } from '../index.ts';
import { actAsGateway, freshPostgres, testDatabaseUrl, UNITS } from './helpers.ts';

// A TCP proxy in front of the real PostgreSQL: closing it is the store going down, with the
// subgraph process still up (what the gateway then sees from submissions).
function proxyTo(host: string, port: number): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0, sockets });
  }));
}

describe('the store down', () => {
  const target = new URL(testDatabaseUrl());
  let proxy: Awaited<ReturnType<typeof proxyTo>>;
  let running: RunningSubgraph;
  let close: () => Promise<void>;
  let gateway: Awaited<ReturnType<typeof actAsGateway>>;
  beforeAll(async () => {
    gateway = await actAsGateway();
    // The subgraph reads the gateway's public key from the environment, as when the launcher starts it.
    Object.assign(process.env, gateway.env);
    const schemaStore = await freshPostgres();
    await migrateToLatest(schemaStore.db, schemaStore.engine);
    const schema = String((await schemaStore.db.selectNoFrom((eb) => eb.fn<string>('current_schema').as('s')).executeTakeFirstOrThrow()).s);
    proxy = await proxyTo(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(target.href);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const store = createDatabase({ databaseUrl: viaProxy.href, dataDir: '', searchPath: schema });
    const subgraph = createSubgraph(loadConfig({}), { logger: silentLogger, store, units: UNITS });
    running = await subgraph.start({ port: 0, host: '127.0.0.1', server: subgraphServerConfigFromEnv(process.env) });
    close = async () => {
      await running.close();
      await store.close();
      await schemaStore.close();
    };
  });
  afterAll(async () => {
    await close();
  });

  it('approvedEntries answers while the store is up, and is null with STORE_UNAVAILABLE naming submissions when it is not', async () => {
    const query = { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on UnitYear { approvedEntries { id } } } }', variables: { r: [{ __typename: 'UnitYear', unitId: '01@origin', year: 2023 }] } };
    const post = async () => (await fetch(running.url, { method: 'POST', headers: await gateway.headers('viewer-1', ['VIEWER'], ['01']), body: JSON.stringify(query) })).json();
    expect(await post()).toEqual({ data: { _entities: [{ approvedEntries: [] }] } });
    proxy.server.close();
    for (const s of proxy.sockets) s.destroy();
    expect(await post()).toMatchObject({
      data: { _entities: [{ approvedEntries: null }] },
      errors: [{ extensions: { code: 'STORE_UNAVAILABLE', system: 'submissions' } }],
    });
  });
});
