import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { CircuitState } from 'cockatiel';
import {
  CircuitOpenError,
  UpstreamBadResponseError,
  UpstreamHttpError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../errors/index.ts';
import { recordCircuit, recordUpstream, type CircuitStateName, type UpstreamOutcome } from './metrics.ts';
import { injectTraceHeaders, tracer } from './tracing.ts';

/** cockatiel's breaker state as the name metrics, spans and readiness use. */
export function circuitName(state: CircuitState): CircuitStateName {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.Open:
      return 'open';
    case CircuitState.HalfOpen:
      return 'half_open';
    case CircuitState.Isolated:
      return 'isolated';
  }
}

/** The outcome an upstream failure counts as. */
export function outcomeOf(e: unknown): UpstreamOutcome {
  if (e instanceof UpstreamTimeoutError) return 'timeout';
  if (e instanceof UpstreamBadResponseError) return 'malformed';
  if (e instanceof CircuitOpenError) return 'circuit_open';
  if (e instanceof UpstreamHttpError) return e.status !== undefined && e.status >= 500 ? '5xx' : '4xx';
  if (e instanceof UpstreamUnavailableError) return 'unavailable';
  return 'unavailable';
}

/**
 * A metric label and span name must not carry record ids (unbounded cardinality): numeric
 * segments and `code@date` unit ids become `:id`.
 */
export function routeOf(path: string): string {
  return path
    .split('?')[0]!
    .split('/')
    .map((s) => (/\d/.test(s) && (/^\d+$/.test(s) || s.includes('@') || s.length > 20) ? ':id' : s))
    .join('/');
}

/** Rows in a parsed upstream answer: an array's length, or that of the first array property (the page's rows). */
export function rowsOf(data: unknown): number | undefined {
  if (Array.isArray(data)) return data.length;
  if (typeof data !== 'object' || data === null) return undefined;
  for (const value of Object.values(data)) if (Array.isArray(value)) return value.length;
  return undefined;
}

export interface AttemptInfo {
  readonly system: string;
  readonly method: string;
  readonly path: string;
  /** 0 for the first attempt, 1.. for retries. */
  readonly attempt: number;
  readonly circuit: CircuitState;
}

/**
 * Runs one HTTP attempt to an upstream inside a client span (W3C `traceparent` handed to `run`
 * for the request headers) and records its latency and outcome.
 */
export async function observeUpstreamAttempt<T extends { readonly data: unknown }>(
  info: AttemptInfo,
  run: (traceHeaders: Record<string, string>) => Promise<{ readonly result: T; readonly status: number }>,
): Promise<T> {
  const route = routeOf(info.path);
  const circuit = circuitName(info.circuit);
  const started = performance.now();
  return tracer().startActiveSpan(
    `${info.method} ${info.system} ${route}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'dti.upstream.system': info.system,
        'http.request.method': info.method,
        'http.route': route,
        'dti.upstream.retry_attempt': info.attempt,
        'dti.upstream.circuit_state': circuit,
      },
    },
    async (span) => {
      try {
        const { result, status } = await run(injectTraceHeaders({}));
        const rows = rowsOf(result.data);
        span.setAttribute('dti.upstream.outcome', 'ok');
        if (rows !== undefined) span.setAttribute('dti.upstream.rows', rows);
        span.setAttribute('http.response.status_code', status);
        recordUpstream(info.system, route, 'ok', (performance.now() - started) / 1000, circuit);
        return result;
      } catch (e: unknown) {
        const outcome = outcomeOf(e);
        span.setAttribute('dti.upstream.outcome', outcome);
        if (e instanceof UpstreamHttpError || e instanceof UpstreamBadResponseError) {
          if (e.status !== undefined) span.setAttribute('http.response.status_code', e.status);
        }
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        recordUpstream(info.system, route, outcome, (performance.now() - started) / 1000, circuit);
        throw e;
      } finally {
        span.end();
      }
    },
  );
}

/** Counts a call the open circuit refused before any request was made. */
export function recordCircuitRefusal(system: string, path: string): void {
  recordUpstream(system, routeOf(path), 'circuit_open', null, 'open');
}

export { recordCircuit };
