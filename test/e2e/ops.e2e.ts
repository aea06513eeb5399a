import { afterEach, describe, expect, inject, it } from 'vitest';
import { MAX_OPERATION_LABELS, OTHER_OPERATION } from '../../lib/telemetry/metrics.ts';
import { at, gatewayGet, gql, sim, token } from './client.ts';

/** One sample's value from Prometheus text, matching every given label; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) total += Number(m[3]);
  }
  return total;
}

const subgraphUrl = (name: string): string => {
  const url = inject('subgraphUrls')[name];
  if (url === undefined) throw new Error(`no subgraph ${name}`);
  return url;
};

async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
}

const gatewayMetrics = async (): Promise<string> => (await gatewayGet('/metrics')).text();

const DOCS_QUERY = /* GraphQL */ `
  query OpsDocuments($code: String!) {
    unit(code: $code) { code year(year: 2024) { documents { signedDigitallyRate source { status } } } }
  }
`;

afterEach(async () => {
  await Promise.all(['labour', 'documents', 'services'].map((s) => sim.clearFaults(s)));
});

describe('issue #8 - metrics', () => {
  it('a known workload shows up in the gateway, subgraph and upstream counters', async () => {
    const gwBefore = await gatewayMetrics();
    const sgBefore = await scrape(subgraphUrl('documents'));
    await sim.resetRequests('documents');
    for (const code of ['01', '48', '79']) expect((await gql(DOCS_QUERY, { code })).errors).toBeUndefined();
    const upstreamCalls = (await sim.requests('documents')).total;
    expect(upstreamCalls).toBeGreaterThanOrEqual(3);
    const gw = await gatewayMetrics();
    const sg = await scrape(subgraphUrl('documents'));

    const op = { operationName: 'OpsDocuments' };
    expect(sample(gw, 'graphql_envelop_request', op) - sample(gwBefore, 'graphql_envelop_request', op)).toBe(3);
    expect(sample(gw, 'graphql_envelop_request_duration_count', op) - sample(gwBefore, 'graphql_envelop_request_duration_count', op)).toBe(3);
    // The gateway names its subgraph operations itself, so the subgraph label is what identifies them here.
    const docsExec = { subgraphName: 'documents' };
    expect(sample(gw, 'graphql_gateway_subgraph_execute_duration_count', docsExec) - sample(gwBefore, 'graphql_gateway_subgraph_execute_duration_count', docsExec)).toBe(3);
    expect(sample(gw, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    expect(sample(sg, 'dti_subgraph_requests_total', { subgraph: 'documents' }) - sample(sgBefore, 'dti_subgraph_requests_total', { subgraph: 'documents' })).toBe(3);
    const ok = { system: 'documents', outcome: 'ok' };
    // Every request the simulator served was one observed attempt, with its latency.
    expect(sample(sg, 'dti_upstream_requests_total', ok) - sample(sgBefore, 'dti_upstream_requests_total', ok)).toBe(upstreamCalls);
    expect(sample(sg, 'dti_upstream_request_duration_seconds_count', ok) - sample(sgBefore, 'dti_upstream_request_duration_seconds_count', ok)).toBe(upstreamCalls);
    expect(sample(sg, 'dti_upstream_circuit_state', { system: 'documents' })).toBe(0);
    expect(sample(sg, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('upstream outcomes are told apart: unavailable, malformed, 5xx', async () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['labour', { down: true }, 'unavailable', `{ unit(code: "01") { year(year: 2022) { labour { trainedWorkforceRate } } } }`],
      ['documents', { malformed: true }, 'malformed', `{ unit(code: "01") { year(year: 2022) { documents { signedDigitallyRate } } } }`],
      ['services', { errorRate: 1 }, '5xx', `{ unit(code: "01") { year(year: 2022) { publicServices { onTimeRate } } } }`],
    ];
    for (const [system, faults, outcome, query] of cases) {
      const before = sample(await scrape(subgraphUrl(system)), 'dti_upstream_requests_total', { system, outcome });
      await sim.faults(system, faults);
      await sim.resetRequests(system);
      const res = await gql(query);
      expect(res.errors?.some((e) => e.extensions?.['system'] === system), `${system} error`).toBe(true);
      const served = (await sim.requests(system)).total;
      await sim.clearFaults(system);
      const after = sample(await scrape(subgraphUrl(system)), 'dti_upstream_requests_total', { system, outcome });
      expect(after - before, `${system} ${outcome}`).toBe(served);
    }
  });
});

describe('issue #8 - health', () => {
  it('liveness and readiness on the gateway, every subgraph and every simulator', async () => {
    expect((await gatewayGet('/health/live')).status).toBe(200);
    const ready = await gatewayGet('/health/ready');
    expect(ready.status).toBe(200);
    const body: unknown = await ready.json();
    expect(at(body, 'supergraph')).toBe(true);
    for (const name of ['plans', 'documents', 'services', 'labour', 'dti']) {
      expect(at(body, 'subgraphs', name, 'ok'), name).toBe(true);
      expect((await fetch(`${subgraphUrl(name)}/health/live`)).status).toBe(200);
    }
    for (const system of ['plans', 'documents', 'services', 'labour']) {
      expect((await fetch(`${sim.url(system)}/health/ready`)).status).toBe(200);
      expect((await fetch(`${sim.url(system)}/health/live`)).status).toBe(200);
    }
  });

  it('a subgraph whose upstream is down stays ready and says so', async () => {
    await sim.faults('labour', { down: true });
    await gql(`{ unit(code: "01") { year(year: 2022) { labour { trainedWorkforceRate } } } }`);
    const res = await fetch(`${subgraphUrl('labour')}/health/ready`);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(at(body, 'status')).toBe('ready');
    expect(at(body, 'upstream', 'lastOutcome')).toBe('unavailable');
    expect(String(at(body, 'detail'))).toMatch(/upstream labour is failing/);
    // The gateway stays ready too: the subgraph answers, with typed partial errors.
    expect((await gatewayGet('/health/ready')).status).toBe(200);
  });
});

describe('issue #8 - shared response cache', () => {
  const QUERY = /* GraphQL */ `
    query OpsCached { unit(code: "56", asOf: "2023-12-31") { year(year: 2023) { dti { score completeness } } } }
  `;

  it('a repeated hot query is served from the cache without touching the systems', async () => {
    const first = await gql(QUERY, {}, { cache: true });
    expect(first.errors).toBeUndefined();
    await Promise.all(['documents', 'services', 'labour'].map((s) => sim.resetRequests(s)));
    const before = await gatewayMetrics();
    const second = await gql(QUERY, {}, { cache: true });
    expect(second.data).toEqual(first.data);
    const after = await gatewayMetrics();
    expect(sample(after, 'dti_cache_lookups_total', { result: 'hit' }) - sample(before, 'dti_cache_lookups_total', { result: 'hit' })).toBe(1);
    for (const s of ['documents', 'services', 'labour']) expect((await sim.requests(s)).total, s).toBe(0);
  });

  it('an answer cached for one caller is never served to another (keys scoped by Authorization)', async () => {
    await gql(QUERY, {}, { cache: true, as: 'viewer-56' });
    const before = await gatewayMetrics();
    await gql(QUERY, {}, { cache: true, as: 'viewer-51' });
    const after = await gatewayMetrics();
    expect(sample(after, 'dti_cache_lookups_total', { result: 'hit' }) - sample(before, 'dti_cache_lookups_total', { result: 'hit' })).toBe(0);
    expect(sample(after, 'dti_cache_lookups_total', { result: 'miss' }) - sample(before, 'dti_cache_lookups_total', { result: 'miss' })).toBeGreaterThan(0);
  });

  it('a partial answer (a system down) is not cached', async () => {
    const query = `query OpsPartial { unit(code: "48") { year(year: 2022) { labour { trainedWorkforceRate } } } }`;
    await sim.faults('labour', { down: true });
    expect((await gql(query, {}, { cache: true })).errors).toBeDefined();
    await sim.clearFaults('labour');
    const res = await gql(query, {}, { cache: true });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(at(res.data, 'unit', 'year', 'labour', 'trainedWorkforceRate')).toBeTypeOf('number');
  });

  it("a plan imported for 56 drops 56's cached answers and leaves a viewer of 51's cached answer in place", async () => {
    const q = (code: string): string => `query OpsPlansOf${code} { unit(code: "${code}") { code plans(includePredecessors: true) { symbol } } }`;
    const hits = async (): Promise<number> => sample(await gatewayMetrics(), 'dti_cache_lookups_total', { result: 'hit' });
    expect((await gql(q('51'), {}, { cache: true, as: 'viewer-51' })).errors).toBeUndefined();
    const cached56 = await gql(q('56'), {}, { cache: true, as: 'viewer-56' });
    expect(cached56.errors).toBeUndefined();
    const symbol = `${1000 + Math.floor(Math.random() * 8000)}/KH-UBND`;
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH KHÁNH HÒA',
      `Số: ${symbol}`,
      'Khánh Hòa, ngày 20 tháng 5 năm 2024',
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2024',
      'I. MỤC TIÊU',
      '- 70% hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến.',
    ].join('\n');
    const created = await gql(`mutation ($text: String!) { importPlan(unitCode: "56", text: $text) { symbol } }`, { text }, { as: 'editor-56' });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();

    const before51 = await hits();
    expect((await gql(q('51'), {}, { cache: true, as: 'viewer-51' })).errors).toBeUndefined();
    expect(await hits()).toBe(before51 + 1);

    const before56 = await hits();
    const after56 = await gql(q('56'), {}, { cache: true, as: 'viewer-56' });
    expect(await hits()).toBe(before56);
    const symbols = (at(after56.data, 'unit', 'plans') as Array<{ symbol: string }>).map((p) => p.symbol);
    expect(symbols).toContain(symbol);
    expect(symbols.length).toBe((at(cached56.data, 'unit', 'plans') as unknown[]).length + 1);
  });

  it('an imported plan invalidates cached answers', async () => {
    const plansQuery = `query OpsPlans { unit(code: "72", asOf: "2024-12-31") { plans { symbol } } }`;
    const cached = await gql(plansQuery, {}, { cache: true });
    const symbol = `${1000 + Math.floor(Math.random() * 8000)}/KH-UBND`;
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH TÂY NINH',
      `Số: ${symbol}`,
      'Tây Ninh, ngày 20 tháng 5 năm 2024',
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2024',
      'I. MỤC TIÊU',
      '- 70% hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến.',
    ].join('\n');
    const before = await gatewayMetrics();
    // Filed by an editor of today's 80, which took in Tây Ninh (72).
    const editor80 = await token({ sub: 'editor-80', roles: ['EDITOR'], units: ['80'], ttlS: 600 });
    const created = await gql(`mutation ($text: String!) { importPlan(unitCode: "72", text: $text) { symbol } }`, { text }, { as: { token: editor80 } });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const after = await gql(plansQuery, {}, { cache: true });
    const symbols = (at(after.data, 'unit', 'plans') as Array<{ symbol: string }>).map((p) => p.symbol);
    expect(symbols).toContain(symbol);
    expect(symbols.length).toBe((at(cached.data, 'unit', 'plans') as unknown[]).length + 1);
    expect(sample(await gatewayMetrics(), 'dti_cache_invalidations_total') - sample(before, 'dti_cache_invalidations_total')).toBe(1);
  });
});

// Last in this file: it uses up the gateway's operation-name labels, which the metrics tests above read by name.
describe('issue #7 item 4 - metrics do not grow with client-chosen operation names', () => {
  it('past MAX_OPERATION_LABELS distinct names, the gateway counts every new name under one (other) series', async () => {
    const names = (text: string): Set<string> =>
      new Set([...text.matchAll(/^graphql_envelop_request\{[^}]*operationName="((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1] ?? ''));
    const run = `${Date.now().toString(36)}`;
    // More fresh names than the bound allows, whatever the suite used before.
    for (let i = 0; i < 260; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => gql(`query Bound${run}x${i + j} { __typename }`)));
    }
    const after = names(await gatewayMetrics());
    expect(after.has(OTHER_OPERATION)).toBe(true);
    expect(after.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
    const latency = new Set([...(await gatewayMetrics()).matchAll(/^graphql_yoga_http_duration_count\{[^}]*operationName="((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]));
    expect(latency.has(OTHER_OPERATION)).toBe(true);
    expect(latency.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
  });
});
