import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { context as otelContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
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

const MAX_BODY_BYTES = 50 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
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
 * The subgraph's HTTP server: GraphQL on `/` through Apollo's `executeHTTPGraphQLRequest` (each
 * request inside a server span continuing the caller's `traceparent`), plus `GET /metrics`,
 * `GET /health/live` and `GET /health/ready`.
 */
export async function serveSubgraphHttp<C extends BaseContext>(
  name: string,
  server: ApolloServer<C>,
  buildContext: (req: IncomingMessage) => Promise<C>,
  listen: { readonly port: number; readonly host: string },
): Promise<{ url: string; server: Server }> {
  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if ((headers.get('content-type') ?? '').includes('json')) {
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          sendJson(res, 400, { errors: [{ message: 'body is not valid JSON' }] });
          return;
        }
      } else body = text;
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => buildContext(req),
    });
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://subgraph.invalid');
    if (req.method === 'GET' && url.pathname === '/metrics') {
      void metricsText().then(({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/health/live') return sendJson(res, 200, { status: 'live', subgraph: name });
    if (req.method === 'GET' && url.pathname === '/health/ready') return sendJson(res, 200, subgraphReadiness(name));
    const parent = extractContext(req.headers);
    // The gateway's request id when it sends one, so a subgraph's log lines join the gateway's.
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
    void withRequestId(requestId, () => otelContext.with(parent, () =>
      tracer().startActiveSpan(`subgraph ${name}`, { kind: SpanKind.SERVER, attributes: { 'dti.subgraph': name } }, async (span) => {
        try {
          await handleGraphQL(req, res, url);
          span.setAttribute('http.response.status_code', res.statusCode);
        } catch (e: unknown) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          if (!res.headersSent) sendJson(res, 400, { errors: [{ message: e instanceof Error ? e.message : 'bad request' }] });
          else res.destroy();
        } finally {
          span.end();
        }
      }),
    ));
  });
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return { url: `http://${listen.host}:${port}`, server: http };
}
