import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What `GET /health/ready` answers: ready only with the supergraph loaded and every subgraph answering. */
export interface GatewayReadiness {
  readonly status: 'ready' | 'not-ready';
  readonly supergraph: boolean;
  readonly subgraphs: Readonly<Record<string, { readonly ok: boolean; readonly detail: string }>>;
}

async function probe(url: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body: unknown = await res.json().catch(() => null);
    const detail = typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string' ? body.detail : `HTTP ${res.status}`;
    return { ok: res.ok, detail };
  } catch (e: unknown) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Liveness and readiness of the gateway. Liveness says only that the process serves HTTP;
 * readiness asks the runtime whether its supergraph is loaded and every subgraph's own readiness
 * endpoint, so a load balancer keeps a gateway out of rotation until it can answer.
 */
export function createGatewayHealth(runtime: GatewayRuntime, subgraphUrls: ReadonlyMap<string, string>, timeoutMs = 2000) {
  const readiness = async (): Promise<GatewayReadiness> => {
    const [supergraph, ...subs] = await Promise.all([
      Promise.resolve(runtime.fetch('http://gateway.invalid/readiness'))
        .then((r) => r.ok)
        .catch(() => false),
      ...[...subgraphUrls].map(async ([name, url]) => [name, await probe(`${url}/health/ready`, timeoutMs)] as const),
    ]);
    const subgraphs = Object.fromEntries(subs);
    const ready = supergraph && subs.every(([, s]) => s.ok);
    return { status: ready ? 'ready' : 'not-ready', supergraph, subgraphs };
  };
  return {
    /** Handles `/health/live` and `/health/ready`; false when the request is for something else. */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || (path !== '/health/live' && path !== '/health/ready')) return false;
      if (path === '/health/live') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: 'live' }));
        return true;
      }
      void readiness().then((r) => {
        res.writeHead(r.status === 'ready' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(r));
      });
      return true;
    },
    readiness,
  };
}
