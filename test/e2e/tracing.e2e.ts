import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../../simulators/oidc/config.ts';
import { requestDevToken } from '../../simulators/oidc/dev-token.ts';
import { launchOnFreePorts } from '../../lib/testing/system.ts';
import { startOtlpReceiver, type ReceivedSpan } from '../../lib/testing/otlp-receiver.ts';

// This file starts its own system with tracing on (the shared one runs with it off, as by default),
// exporting to an OTLP receiver in this process.
let system: RunningSystem;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
const SYSTEMS = ['plans', 'documents', 'services', 'labour'] as const;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  ({ system } = await launchOnFreePorts({
    env: { LOG_LEVEL: 'warn', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100', RESPONSE_CACHE_TTL_MS: '0' },
    stderr: process.env['E2E_VERBOSE'] === '1' ? 'inherit' : 'ignore',
    readyTimeoutMs: 180_000,
  }));
}, 300_000);

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
});

async function post(query: string): Promise<unknown> {
  const token = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'tracing-admin', roles: ['ADMIN'], units: [], ttlS: 600 });
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

/** Waits until the exporters have gone quiet (batches flush every 100 ms). */
async function settle(): Promise<ReceivedSpan[]> {
  let last = -1;
  for (let i = 0; i < 100 && receiver.spans.length !== last; i++) {
    last = receiver.spans.length;
    await sleep(1500);
  }
  return [...receiver.spans];
}

describe('issue #8 - one trace per GraphQL request, across every hop', () => {
  it('the 34-province DTI query: one root, a span per subgraph fetch and per upstream request, one trace id', async () => {
    const query = `query Dti34 { units(level: PROVINCE) { code year(year: 2025) { dti { score completeness } } } }`;
    await post(query); // warm (the plans subgraph caches the unit catalogue)
    await settle();
    receiver.clear();
    const counts = async (): Promise<Record<string, number>> =>
      Object.fromEntries(await Promise.all(SYSTEMS.map(async (s) => [s, ((await (await fetch(`${system.simulatorUrl(s)}/_sim/requests`)).json()) as { total: number }).total] as const)));
    const before = await counts();
    const body = await post(query);
    expect((body as { data: { units: unknown[] } }).data.units).toHaveLength(34);
    const after = await counts();
    const upstreamRequests = SYSTEMS.reduce((n, s) => n + ((after[s] ?? 0) - (before[s] ?? 0)), 0);
    const received = await settle();
    // On a loaded machine a late batch of the warm-up's spans can arrive after the clear: the
    // request under test is the last gateway root received, and its trace is what is checked.
    const gatewayRoots = received.filter((s) => s.service === 'gateway' && s.parentSpanId === undefined);
    const traceId = gatewayRoots.at(-1)?.traceId;
    expect(traceId, 'a gateway root span').toBeDefined();
    const spans = received.filter((s) => s.traceId === traceId);
    // Every service the request crossed reported into that one trace id.
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['gateway', 'subgraph-plans', 'subgraph-documents', 'subgraph-services', 'subgraph-labour', 'subgraph-dti', 'subgraph-submissions']));
    const roots = spans.filter((s) => s.parentSpanId === undefined);
    expect(roots, 'one root').toHaveLength(1);
    expect(roots[0]?.service).toBe('gateway');
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const s of spans) if (s.parentSpanId !== undefined) expect(byId.has(s.parentSpanId), `parent of ${s.name} received`).toBe(true);

    const op = spans.find((s) => s.attributes['graphql.operation.name'] === 'Dti34' && s.service === 'gateway');
    expect(op, 'the operation span names the operation').toBeDefined();

    const fetches = spans.filter((s) => s.service === 'gateway' && s.attributes['hive.upstream'] === true);
    const subgraphSpans = spans.filter((s) => s.attributes['dti.subgraph'] !== undefined);
    expect(fetches.length).toBeGreaterThanOrEqual(4);
    expect(subgraphSpans, 'one subgraph span per subgraph fetch').toHaveLength(fetches.length);
    const ancestors = (s: ReceivedSpan): ReceivedSpan[] => {
      const out: ReceivedSpan[] = [];
      for (let p = s.parentSpanId === undefined ? undefined : byId.get(s.parentSpanId); p !== undefined; p = p.parentSpanId === undefined ? undefined : byId.get(p.parentSpanId)) out.push(p);
      return out;
    };
    for (const sg of subgraphSpans) {
      const fetch = ancestors(sg).find((a) => a.attributes['hive.upstream'] === true);
      expect(fetch?.attributes['hive.gateway.upstream.subgraph.name'], `${sg.name} under its fetch`).toBe(sg.attributes['dti.subgraph']);
    }

    const upstream = spans.filter((s) => s.attributes['dti.upstream.system'] !== undefined);
    expect(upstream, 'one span per upstream request').toHaveLength(upstreamRequests);
    for (const u of upstream) {
      const sg = ancestors(u).find((a) => a.attributes['dti.subgraph'] !== undefined);
      expect(sg?.attributes['dti.subgraph'], `${u.name} under its subgraph`).toBe(u.attributes['dti.upstream.system']);
      expect(u.attributes['http.route']).toMatch(/^\//);
      expect(u.attributes['dti.upstream.retry_attempt']).toBeTypeOf('number');
      expect(u.attributes['dti.upstream.circuit_state']).toBe('closed');
      // On a loaded machine an attempt may time out and be retried: that span says so.
      expect(['ok', 'timeout']).toContain(u.attributes['dti.upstream.outcome']);
      if (u.attributes['dti.upstream.outcome'] === 'ok') {
        expect(u.attributes['http.response.status_code']).toBe(200);
        expect(u.attributes['dti.upstream.rows']).toBeTypeOf('number');
      } else expect(Number(u.attributes['dti.upstream.retry_attempt']) + 1).toBeLessThanOrEqual(3);
    }
    expect(new Set(upstream.map((u) => u.attributes['dti.upstream.system']))).toEqual(new Set(['documents', 'services', 'labour', ...((after['plans'] ?? 0) > (before['plans'] ?? 0) ? ['plans'] : [])]));
  });
});
