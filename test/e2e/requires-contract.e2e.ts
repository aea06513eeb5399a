import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../lib/logging/index.ts';
import { freePortRun } from '../../lib/testing/ports.ts';
import { SUBGRAPHS, subgraphUrlVariable } from '../../lib/topology/index.ts';
import { loadConfig, startGateway, type RunningGateway } from '../../gateway/index.ts';
import { gqlAt, sim, tokenOf, type GraphQLResponse } from './client.ts';

// Issue #7 item 5: what reaches dti when a source fails, through our gateway (Rust planner).
// A recording proxy sits between the gateway and the dti subgraph; it can also strip fields from
// the representations, as a planner that never fetched them would (the Hive JS planner's shape).

const QUERY = /* GraphQL */ `
  { unit(code: "01") { name year(year: 2023) { dti { completeness inputs { indicator { code } status } } } } }
`;

type Representation = Record<string, unknown>;

interface DtiProxy {
  readonly url: string;
  readonly seen: Representation[];
  strip: readonly string[];
  readonly server: Server;
}

async function dtiProxy(target: string): Promise<DtiProxy> {
  const t = new URL(target);
  const proxy: Omit<DtiProxy, 'url' | 'server'> = { seen: [], strip: [] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks).toString();
      const parsed = JSON.parse(body) as { variables?: { representations?: Representation[] } };
      const reps = parsed.variables?.representations;
      if (reps !== undefined) {
        proxy.seen.push(...reps.map((r) => structuredClone(r)));
        for (const r of reps) for (const f of proxy.strip) delete r[f];
        body = JSON.stringify(parsed);
      }
      const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(body)) };
      const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(proxy, { url: `http://127.0.0.1:${port}`, server });
}

async function gatewayVia(proxy: DtiProxy, deadSubgraph?: string): Promise<RunningGateway> {
  const urls = inject('subgraphUrls');
  const dead = await freePortRun(1);
  const env = Object.fromEntries(
    SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), s.name === 'dti' ? proxy.url : s.name === deadSubgraph ? `http://127.0.0.1:${dead}` : (urls[s.name] ?? '')]),
  );
  return startGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', RESPONSE_CACHE_TTL_MS: '0', ...inject('gatewayEnv'), ...env }),
    createLogger({ level: 'error' }),
  );
}

interface Dti { completeness: number; inputs: { indicator: { code: string }; status: string }[] }
const dtiOf = (r: GraphQLResponse | null | undefined) => (r?.data as { unit: { year: { dti: Dti | null } | null } } | undefined)?.unit.year?.dti;
const statusOf = (dti: Dti | null | undefined, code: string) => dti?.inputs.find((i) => i.indicator.code === code)?.status;

describe('a @requires field that is null is an outage; one that is absent is a broken contract', () => {
  let proxy: DtiProxy;
  let labourDown: DtiProxy;
  let gateway: RunningGateway;
  let gatewayLabourDown: RunningGateway;
  const ask = async (g: RunningGateway) =>
    (await gqlAt(`${g.url}/graphql`, { query: QUERY }, { authorization: `Bearer ${await tokenOf('admin')}`, 'cache-control': 'no-cache' })).body;

  beforeAll(async () => {
    const urls = inject('subgraphUrls');
    proxy = await dtiProxy(urls['dti'] ?? '');
    labourDown = await dtiProxy(urls['dti'] ?? '');
    gateway = await gatewayVia(proxy);
    gatewayLabourDown = await gatewayVia(labourDown, 'labour');
  });
  afterAll(async () => {
    await gateway.close();
    await gatewayLabourDown.close();
    await sim.clearFaults('labour');
    for (const p of [proxy, labourDown]) await new Promise((resolve) => p.server.close(resolve));
  });

  it('the labour system down (its subgraph answers null with an error): dti is sent labour: null and says SOURCE_UNAVAILABLE', async () => {
    await sim.faults('labour', { down: true });
    proxy.seen.length = 0;
    const body = await ask(gateway);
    await sim.clearFaults('labour');
    expect(proxy.seen[0]).toHaveProperty('labour', null);
    expect(proxy.seen[0]?.['documents']).toBeTruthy();
    const dti = dtiOf(body);
    expect(dti, JSON.stringify(body?.errors)).toBeTruthy();
    expect(statusOf(dti, 'LAB_DIGITAL_SKILLS_RATE')).toBe('SOURCE_UNAVAILABLE');
    expect(statusOf(dti, 'DOC_SIGNED_DIGITALLY_RATE')).toBe('OK');
    expect(body?.errors?.map((e) => e.extensions?.['code'])).not.toContain('REQUIRES_FIELD_MISSING');
  });

  it('the labour subgraph process down (connection refused): labour: null too, SUBGRAPH_UNAVAILABLE naming it', async () => {
    const body = await ask(gatewayLabourDown);
    expect(labourDown.seen[0]).toHaveProperty('labour', null);
    expect(statusOf(dtiOf(body), 'LAB_TRAINED_WORKFORCE_RATE')).toBe('SOURCE_UNAVAILABLE');
    expect(body?.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['system']])).toEqual([['SUBGRAPH_UNAVAILABLE', 'labour']]);
  });

  it('fields the planner never fetched (the Hive JS planner\'s shape): REQUIRES_FIELD_MISSING naming each and its subgraph, never SOURCE_UNAVAILABLE', async () => {
    proxy.strip = ['documents', 'publicServices', 'labour', 'approvedEntries'];
    const body = await ask(gateway);
    proxy.strip = [];
    expect(dtiOf(body)).toBeNull();
    expect((body?.data as { unit: { name: string } }).unit.name).toBe('Thành phố Hà Nội');
    const error = body?.errors?.find((e) => e.extensions?.['code'] === 'REQUIRES_FIELD_MISSING');
    expect(error, JSON.stringify(body?.errors)).toBeDefined();
    expect(error?.extensions?.['missing']).toEqual([
      { path: 'documents', subgraph: 'documents' },
      { path: 'publicServices', subgraph: 'services' },
      { path: 'labour', subgraph: 'labour' },
      { path: 'approvedEntries', subgraph: 'submissions' },
    ]);
    expect(error?.message).toMatch(/^Lỗi hợp đồng @requires/);
    expect(error?.extensions?.['messageEn']).toMatch(/not a source outage/);
    expect(JSON.stringify(body?.data)).not.toMatch(/SOURCE_UNAVAILABLE/);
  });
});
