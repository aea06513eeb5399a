import { context, propagation, trace, type Context, type Tracer } from '@opentelemetry/api';
import { z } from 'zod';
import { parseEnv } from '../config/index.ts';

/** Tracing as configured for this process; `enabled` false means every span is the API's no-op. */
export interface Tracing {
  readonly enabled: boolean;
  /** Sends what is buffered and stops the exporter (call before exit). */
  shutdown(): Promise<void>;
}

const envSchema = z.object({
  // The standard OpenTelemetry variables: the traces endpoint wins over the base endpoint.
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).default(1000),
});

/** The OTLP/HTTP traces URL from the environment, or undefined when tracing is off. */
export function tracesEndpoint(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const e = parseEnv(envSchema, env);
  if (e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined) return e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (e.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined) return `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

let current: Tracing | undefined;

/**
 * Turns on OTLP/HTTP trace export for this process when an endpoint is configured, and does
 * nothing otherwise: without a registered provider the OpenTelemetry API hands out non-recording
 * spans, so tracing costs nothing when off. W3C Trace Context is the propagator, so `traceparent`
 * crosses every hop (gateway → subgraph → upstream system).
 */
export async function setupTracing(service: string, env: Readonly<Record<string, string | undefined>>): Promise<Tracing> {
  if (current !== undefined) return current;
  const url = tracesEndpoint(env);
  if (url === undefined) {
    current = { enabled: false, shutdown: () => Promise.resolve() };
    return current;
  }
  const scheduledDelayMillis = parseEnv(envSchema, env).OTEL_BSP_SCHEDULE_DELAY;
  // The SDK is loaded only when tracing is on: it takes seconds to import on a busy machine.
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }, { BasicTracerProvider, BatchSpanProcessor }] =
    await Promise.all([
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  current = { enabled: true, shutdown: () => provider.shutdown() };
  return current;
}

/** Whether this process exports traces. */
export function tracingEnabled(): boolean {
  return current?.enabled === true;
}

/** The project's tracer (a no-op until `setupTracing` registers a provider). */
export function tracer(): Tracer {
  return trace.getTracer('dti-graph');
}

/** The context a caller sent in its `traceparent` header (or the active one when there is none). */
export function extractContext(headers: Readonly<Record<string, string | string[] | undefined>>): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Adds `traceparent` (and `tracestate`) for the active span to outgoing headers; nothing when tracing is off. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (!tracingEnabled()) return headers;
  propagation.inject(context.active(), headers);
  return headers;
}

/** Trace id of the active span, for log lines; undefined when nothing is being traced. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  if (span === undefined) return undefined;
  const id = span.spanContext().traceId;
  return /^0+$/.test(id) ? undefined : id;
}
