import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '../lib/logging/index.ts';

/**
 * A subgraph whose process is not there (connection refused, reset before an answer, name not
 * found, or a load balancer's 502/503/504 page because no replica answered) is a typed partial failure, like an upstream system that is down: without this the
 * transport's raw `connect ECONNREFUSED 127.0.0.1:4006` error reaches the runtime as an
 * unexpected exception, is masked as "Unexpected error." (`INTERNAL_SERVER_ERROR`, no system) and
 * nulls the whole enclosing entity — every other subgraph's part with it.
 *
 * The failed fetch is answered, inside the gateway, with the GraphQL error the subgraph would have
 * sent had it been able to: `SUBGRAPH_UNAVAILABLE` naming it in `extensions.system`. The planner
 * then nulls exactly the fields that subgraph owns; the rest of the answer stands. Addresses go to
 * the log only. Timeouts and aborts are not touched (the deadline path types those).
 */

/** undici/Node error codes that mean "nobody answered at that address". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED']);

/** The transport's error code, looking through `cause` chains (`fetch failed` → `connect ECONNREFUSED`). */
export function unreachableCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A proxy's own failure page in front of a subgraph (nginx's 502/503/504 when every replica it
 * tried failed): no GraphQL in it, so it means the same as a refused connection.
 */
export function isProxyFailure(response: Response): boolean {
  if (response.status !== 502 && response.status !== 503 && response.status !== 504) return false;
  const type = response.headers.get('content-type') ?? '';
  return !/json/i.test(type);
}

/** The GraphQL answer standing in for a subgraph nobody is answering for. */
export function unavailableAnswer(subgraph: string, isMutation: boolean): Response {
  const message = isMutation
    ? `${subgraph} is not reachable; the change may not have been made — read it back before retrying`
    : `${subgraph} is not reachable; its part of the answer is missing`;
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code: 'SUBGRAPH_UNAVAILABLE', system: subgraph } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** The plugin; `subgraphUrls` maps each subgraph's name to its base URL, as the transport has it. */
export function useUnreachableSubgraphs(subgraphUrls: ReadonlyMap<string, string>, logger: Logger): GatewayPlugin {
  const byOrigin = new Map([...subgraphUrls].map(([name, url]) => [new URL(url).origin, name]));
  return {
    onFetch({ url, fetchFn, setFetchFn, options }) {
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        return;
      }
      const subgraph = byOrigin.get(origin);
      if (subgraph === undefined) return;
      const isMutation = typeof options.body === 'string' && /^\s*\{?\s*"query"\s*:\s*"\s*mutation\b/.test(options.body);
      setFetchFn(async (...args) => {
        try {
          const response = await fetchFn(...args);
          if (!isProxyFailure(response)) return response;
          logger.warn('subgraph unreachable behind a proxy', { subgraph, status: response.status, url });
          await response.body?.cancel();
          return unavailableAnswer(subgraph, isMutation);
        } catch (error) {
          const code = unreachableCode(error);
          if (code === undefined) throw error;
          logger.warn('subgraph unreachable', { subgraph, code, url });
          return unavailableAnswer(subgraph, isMutation);
        }
      });
    },
  };
}
