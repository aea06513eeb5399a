import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context as otelContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { withRequestId } from '../logging/index.ts';
import { metricsText, subgraphRequestDuration, subgraphRequests, upstreamHealthOf } from '../telemetry/metrics.ts';
import { extractContext, tracer } from '../telemetry/tracing.ts';
import { SUBGRAPHS } from '../topology/index.ts';

/**
 * Per-request metrics by operation: Apollo knows the operation name only once it has parsed the
 * document, so the count is taken when the response is sent.
 */
export function subgraphMetricsPlugin<C extends BaseContext>(subgraph: string): ApolloServerPlugin<C> {
  return {
    requestDidStart: () => {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse: (rc) => {
          const operation = rc.operationName ?? 'anonymous';
          const body = rc.response.body;
          const errors = body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
          subgraphRequests.inc({ subgraph, operation, result: errors ? 'errors' : 'ok' });
          subgraphRequestDuration.observe({ subgraph, operation }, (performance.now() - started) / 1000);
          return Promise.resolve();
        },
      });
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Readiness of a subgraph: ready once it serves; the upstream's state is detail, not a reason to leave the pool. */
export function subgraphReadiness(name: string): { status: 'ready'; subgraph: string; upstream: ReturnType<typeof upstreamHealthOf> | null; detail: string } {
  const upstream = SUBGRAPHS.find((s) => s.name === name)?.upstream ?? null;
  if (upstream === null) return { status: 'ready', subgraph: name, upstream: null, detail: 'no upstream system' };
  const health = upstreamHealthOf(upstream);
  const down = health.circuit !== 'closed' || (health.lastOutcome !== null && health.lastOutcome !== 'ok' && health.lastOutcome !== '4xx');
  return {
    status: 'ready',
    subgraph: name,
    upstream: health,
    // Still ready: the subgraph answers with typed partial errors while its upstream is down.
    detail: down ? `upstream ${upstream} is failing (${health.lastOutcome ?? 'no call yet'}, circuit ${health.circuit}); answers carry typed errors` : `upstream ${upstream} ok`,
  };
}

/**
 * The operational side of a subgraph's HTTP front (lib/resilience/subgraph-http.ts serves
 * GraphQL): `GET /metrics`, `GET /health/live` and `GET /health/ready` are answered here (true);
 * anything else is left to the GraphQL handler (false).
 */
export function serveOperational(name: string, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET') return false;
  if (path === '/metrics') {
    void metricsText().then(({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });
    return true;
  }
  if (path === '/health/live') {
    sendJson(res, 200, { status: 'live', subgraph: name });
    return true;
  }
  if (path === '/health/ready') {
    sendJson(res, 200, subgraphReadiness(name));
    return true;
  }
  return false;
}

/**
 * Runs a GraphQL request inside a server span continuing the caller's `traceparent`, under the
 * gateway's request id when it sends one (so a subgraph's log lines join the gateway's).
 */
export function traced(name: string, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const parent = extractContext(req.headers);
  const header = req.headers['x-request-id'];
  const requestId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
  return withRequestId(requestId, () =>
    otelContext.with(parent, () =>
      tracer().startActiveSpan(`subgraph ${name}`, { kind: SpanKind.SERVER, attributes: { 'dti.subgraph': name } }, async (span) => {
        try {
          await handle();
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        } finally {
          span.end();
        }
      }),
    ),
  );
}
