import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/** The answer for one request: go ahead, or wait this many seconds. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Where buckets live; in-process for the embedded default, Redis with the operations issue. */
export interface RateLimitStore {
  take(key: string, now: number): RateDecision;
}

/**
 * A token bucket per key, in this process: `burst` requests at once, refilled at `perSecond`.
 * Idle buckets are dropped once full again, so memory follows the active keys.
 */
export function createMemoryRateLimitStore(options: { readonly burst: number; readonly perSecond: number }): RateLimitStore {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = 0;
  const fullAfterMs = (options.burst / options.perSecond) * 1000;
  return {
    take(key, now) {
      if (now - sweptAt > fullAfterMs) {
        for (const [k, b] of buckets) if (now - b.at >= fullAfterMs) buckets.delete(k);
        sweptAt = now;
      }
      const b = buckets.get(key) ?? { tokens: options.burst, at: now };
      b.tokens = Math.min(options.burst, b.tokens + ((now - b.at) / 1000) * options.perSecond);
      b.at = now;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / options.perSecond)) };
    },
  };
}

/**
 * Who a request counts against, asked twice: `early` before the request is parsed (a request with
 * no token is keyed by its client address and refused before any work), `verified` once the JWT
 * plugin has verified the token (keyed by its subject). Each returns null to skip: `early` for a
 * request that carries a token (wait for its verification), both for the gateway's own
 * in-process calls (the export route, limited at its own door).
 */
export interface RateLimitIdentify {
  early(request: Request, serverContext: unknown): string | null;
  verified(request: Request, context: unknown): string | null;
}

/** `extensions.code` of a request refused by the rate limit. */
export const RATE_LIMITED_CODE = 'RATE_LIMITED';

const limitedMessage = (retryAfterSeconds: number): string => `rate limit exceeded: retry after ${retryAfterSeconds} s`;

/** The body and headers of a 429 answer (shared by the GraphQL endpoint and the export route). */
export function rateLimitedResponse(retryAfterSeconds: number): { status: 429; headers: Record<string, string>; body: string } {
  return {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
    body: JSON.stringify({
      errors: [{ message: limitedMessage(retryAfterSeconds), extensions: { code: RATE_LIMITED_CODE, retryAfterSeconds } }],
    }),
  };
}

/** The same refusal as a GraphQL error: Yoga answers 429 with `Retry-After` from its `http` extension. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(limitedMessage(retryAfterSeconds), {
    extensions: { code: RATE_LIMITED_CODE, retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
  });
}

/**
 * Refuses a request over its identity's rate with 429 and `Retry-After`: an anonymous request
 * before it is parsed, a request with a token once the token is verified (`onParams` runs after
 * the JWT plugin's `onRequestParse`), so two people behind one address have their own buckets and
 * one person on two addresses has one. The ecosystem's rate-limit plugins (`@envelop/rate-limiter`,
 * Mesh's) limit per field from directives and answer with a GraphQL error, not 429 per identity.
 */
export function useRateLimit(options: {
  readonly store: RateLimitStore;
  readonly identify: RateLimitIdentify;
  readonly now?: () => number;
  /** Called for a refusal answered before parsing (the audit plugin does not see those). */
  readonly onLimitedEarly?: (request: Request, serverContext: unknown, key: string) => void | Promise<void>;
  /** Called for a refusal after verification, before its result is processed (and audited). */
  readonly onLimitedVerified?: (request: Request, context: unknown, key: string) => void;
}): GatewayPlugin {
  const now = options.now ?? Date.now;
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const key = options.identify.early(request, serverContext);
      if (key === null) return;
      const decision = options.store.take(key, now());
      if (decision.allowed) return;
      await options.onLimitedEarly?.(request, serverContext, key);
      const r = rateLimitedResponse(decision.retryAfterSeconds);
      endResponse(new fetchAPI.Response(r.body, { status: r.status, headers: r.headers }));
    },
    onParams({ request, context, setResult }) {
      const key = options.identify.verified(request, context);
      if (key === null) return;
      const decision = options.store.take(key, now());
      if (decision.allowed) return;
      options.onLimitedVerified?.(request, context, key);
      setResult({ errors: [rateLimitedError(decision.retryAfterSeconds)] });
    },
  };
}
