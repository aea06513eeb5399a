/**
 * The critical path of one one-province DTI query: every span of one traced request (gateway,
 * subgraphs, upstream calls), start and end relative to the gateway's root span, as a tree.
 * Tracing on, exported to an OTLP receiver in this process; every simulator at the same added latency.
 * Run: node bench/critical-path.ts [latencyMs=50] [runs=3]   (prints the trace of each new fastest run, then
 * the client times and, per run, the gateway's time from the request's start to its first subgraph fetch)
 * CRIT_QUIET=1 prints only the summary lines. CRIT_ENV (a JSON object) adds environment to every process,
 * e.g. CRIT_ENV='{"DTI_GATEWAY_AUTH":"0","DTI_SUBGRAPH_VERIFY_SIGNATURES":"0"}' for the same trace without access control.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { launchOnFreePorts } from '../lib/testing/system.ts';
import { startOtlpReceiver, type ReceivedSpan } from '../lib/testing/otlp-receiver.ts';

const latencyMs = Number(process.argv[2] ?? '50');
const runs = Number(process.argv[3] ?? '3');
const SYSTEMS = ['plans', 'documents', 'services', 'labour'] as const;
const QUERY = `query One { unit(code: "56") { code year(year: 2025) {
  documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate source { status asOf } }
  publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate source { status asOf } }
  labour { trainedWorkforceRate digitalSkillsRate source { status asOf } }
  plans { planCount }
  dti { methodology score completeness inputs { indicator { code } value status } }
} } }`;

const receiver = await startOtlpReceiver();
const { system } = await launchOnFreePorts({
  env: { LOG_LEVEL: 'warn', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100', RESPONSE_CACHE_TTL_MS: '0', ...(process.env['DTI_LAYOUT'] === undefined ? {} : { DTI_LAYOUT: process.env['DTI_LAYOUT'] }), ...(JSON.parse(process.env['CRIT_ENV'] ?? '{}') as Record<string, string>) },
  stderr: 'ignore',
  readyTimeoutMs: 180_000,
});

async function settle(): Promise<ReceivedSpan[]> {
  let last = -1;
  for (let i = 0; i < 40 && receiver.spans.length !== last; i++) {
    last = receiver.spans.length;
    await sleep(700);
  }
  return [...receiver.spans];
}

try {
  const token = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'cp-admin', roles: ['ADMIN'], units: [], ttlS: 600 });
  const post = async (): Promise<number> => {
    const t = performance.now();
    const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return performance.now() - t;
  };
  for (const s of SYSTEMS) await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });
  await post();
  await post();
  await settle();
  let best: { ms: number; traceId: string | undefined } = { ms: Infinity, traceId: undefined };
  const times: number[] = [];
  const beforeFirstFetch: number[] = [];
  for (let i = 0; i < runs; i++) {
    receiver.clear();
    const ms = await post();
    times.push(ms);
    const spans = await settle();
    const root = spans.filter((s) => s.service === 'gateway' && s.parentSpanId === undefined).at(-1);
    const first = Math.min(...spans.filter((s) => s.traceId === root?.traceId && s.name.startsWith('subgraph.execute')).map((s) => s.startMs ?? Infinity));
    if (root?.startMs !== undefined && Number.isFinite(first)) beforeFirstFetch.push(first - root.startMs);
    if (ms < best.ms && root !== undefined) {
      best = { ms, traceId: root.traceId };
      if (process.env['CRIT_QUIET'] !== '1') printTrace(spans.filter((s) => s.traceId === root.traceId), ms);
    }
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  process.stdout.write(`client wall times: ${times.map((t) => t.toFixed(0)).join(' ')} ms (floor ${2 * latencyMs} ms), median ${med(times).toFixed(0)}\n`);
  process.stdout.write(`gateway, request start to first subgraph fetch: ${beforeFirstFetch.map((t) => t.toFixed(0)).join(' ')} ms, median ${med(beforeFirstFetch).toFixed(1)}\n`);
} finally {
  await system.stop();
  await receiver.close();
}

function printTrace(spans: ReceivedSpan[], clientMs: number): void {
  const root = spans.find((s) => s.parentSpanId === undefined);
  if (root?.startMs === undefined) return;
  const t0 = root.startMs;
  const children = new Map<string | undefined, ReceivedSpan[]>();
  for (const s of spans) children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
  process.stdout.write(`\ntrace ${root.traceId}, client ${clientMs.toFixed(0)} ms\n${'start'.padStart(7)} ${'end'.padStart(7)} ${'dur'.padStart(6)}  service / span\n`);
  const walk = (s: ReceivedSpan, depth: number): void => {
    const a = (s.startMs ?? NaN) - t0;
    const b = (s.endMs ?? NaN) - t0;
    const extra = ['hive.upstream.subgraph.name', 'http.url', 'url.full', 'http.route', 'upstream.system'].map((k) => s.attributes[k]).filter((v) => v !== undefined).join(' ');
    process.stdout.write(`${a.toFixed(1).padStart(7)} ${b.toFixed(1).padStart(7)} ${(b - a).toFixed(1).padStart(6)}  ${'  '.repeat(depth)}${s.service}: ${s.name} ${extra}\n`);
    for (const c of (children.get(s.spanId) ?? []).sort((x, y) => (x.startMs ?? 0) - (y.startMs ?? 0))) walk(c, depth + 1);
  };
  walk(root, 0);
}
