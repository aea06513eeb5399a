import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type Registry } from 'prom-client';
import { boundLabelValues } from './label-bound.ts';

/**
 * One Prometheus registry per process: every service runs as its own process, so prom-client's
 * default registry is that process's registry, and the gateway's Prometheus plugin (which writes to
 * the default registry) and our own metrics end up on the same `GET /metrics`.
 */
export const registry: Registry = register;

/** Most distinct operation names the metrics of one process are labelled with; later ones count as OTHER_OPERATION. */
export const MAX_OPERATION_LABELS = 200;
/** The operation label of every operation past the first MAX_OPERATION_LABELS names. */
export const OTHER_OPERATION = '(other)';

// Before any metric is made: the Hive Gateway plugin's `operationName` and the subgraphs' `operation`
// are client-chosen names, one series per name kept for the life of the process (lib/telemetry/label-bound.ts).
boundLabelValues(registry, { labels: ['operationName', 'operation'], max: MAX_OPERATION_LABELS, other: OTHER_OPERATION });

let defaultsCollected = false;

/**
 * A metric registered once per registry: when this module is evaluated twice in one process (a
 * test runner's module graphs per project, a host loading two copies), the second evaluation gets
 * the first's metric instead of prom-client's "already registered" error.
 */
function once<M>(name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

/** Starts the process metrics (CPU, memory, event-loop lag, GC) once per process, labelled by service. */
export function startProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
}

/** Seconds buckets from a loopback millisecond up to a slow upstream's 10 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How one upstream call ended: the outcomes an operator tells apart. */
export type UpstreamOutcome = 'ok' | 'timeout' | 'unavailable' | '4xx' | '5xx' | 'malformed' | 'circuit_open';

/** Circuit-breaker states as cockatiel names them, and the gauge value each is exported as. */
export const CIRCUIT_STATE_VALUE = { closed: 0, half_open: 1, open: 2, isolated: 3 } as const;
export type CircuitStateName = keyof typeof CIRCUIT_STATE_VALUE;

export const subgraphRequests = once('dti_subgraph_requests_total', () => new Counter({
  name: 'dti_subgraph_requests_total',
  help: 'GraphQL requests a subgraph answered, by subgraph and operation',
  labelNames: ['subgraph', 'operation', 'result'] as const,
  registers: [registry],
}));

export const subgraphRequestDuration = once('dti_subgraph_request_duration_seconds', () => new Histogram({
  name: 'dti_subgraph_request_duration_seconds',
  help: 'Time a subgraph took to answer one GraphQL request, by subgraph and operation',
  labelNames: ['subgraph', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
}));

export const upstreamRequests = once('dti_upstream_requests_total', () => new Counter({
  name: 'dti_upstream_requests_total',
  help: 'HTTP attempts to an upstream system, by system, route and outcome (a call refused by an open circuit counts as circuit_open)',
  labelNames: ['system', 'route', 'outcome'] as const,
  registers: [registry],
}));

export const upstreamRequestDuration = once('dti_upstream_request_duration_seconds', () => new Histogram({
  name: 'dti_upstream_request_duration_seconds',
  help: 'Duration of one HTTP attempt to an upstream system, by system, route and outcome',
  labelNames: ['system', 'route', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
}));

export const circuitState = once('dti_upstream_circuit_state', () => new Gauge({
  name: 'dti_upstream_circuit_state',
  help: 'Circuit breaker state per upstream system: 0 closed, 1 half-open, 2 open, 3 isolated',
  labelNames: ['system'] as const,
  registers: [registry],
}));

export const cacheLookups = once('dti_cache_lookups_total', () => new Counter({
  name: 'dti_cache_lookups_total',
  help: 'Shared response cache lookups, by result (hit or miss)',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
}));

export const cacheInvalidations = once('dti_cache_invalidations_total', () => new Counter({
  name: 'dti_cache_invalidations_total',
  help: 'Shared response cache invalidations, by reason',
  labelNames: ['cache', 'reason'] as const,
  registers: [registry],
}));

/** What readiness reports about an upstream: the last outcome seen and the circuit's state. */
export interface UpstreamHealth {
  readonly system: string;
  readonly circuit: CircuitStateName;
  readonly lastOutcome: UpstreamOutcome | null;
  readonly lastAt: string | null;
}

const upstreamHealth = new Map<string, UpstreamHealth>();

/** Records a finished upstream attempt (metrics and the health detail). */
export function recordUpstream(system: string, route: string, outcome: UpstreamOutcome, seconds: number | null, circuit: CircuitStateName): void {
  upstreamRequests.inc({ system, route, outcome });
  if (seconds !== null) upstreamRequestDuration.observe({ system, route, outcome }, seconds);
  circuitState.set({ system }, CIRCUIT_STATE_VALUE[circuit]);
  upstreamHealth.set(system, { system, circuit, lastOutcome: outcome, lastAt: new Date().toISOString() });
}

/** Records a circuit state change (cockatiel's onBreak/onHalfOpen/onReset). */
export function recordCircuit(system: string, circuit: CircuitStateName): void {
  circuitState.set({ system }, CIRCUIT_STATE_VALUE[circuit]);
  const prev = upstreamHealth.get(system);
  upstreamHealth.set(system, { system, circuit, lastOutcome: prev?.lastOutcome ?? null, lastAt: prev?.lastAt ?? null });
}

/** The upstream systems this process has talked to, as readiness shows them. */
export function upstreamHealthOf(system: string): UpstreamHealth {
  return upstreamHealth.get(system) ?? { system, circuit: 'closed', lastOutcome: null, lastAt: null };
}

/** Prometheus text exposition of this process's registry. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
