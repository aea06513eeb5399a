import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * One deadline per request. The gateway sets it, sends what is left to each subgraph in
 * `x-dti-budget-ms`, and the subgraph runs the request inside a {@link RequestScope} that every
 * upstream call reads through AsyncLocalStorage: resolvers and DataLoader batches need no extra
 * argument, and a request whose client left or whose deadline passed aborts its upstream calls.
 */

/** Remaining budget of the request, in ms, as the gateway sends it to a subgraph. */
export const BUDGET_HEADER = 'x-dti-budget-ms';
/**
 * Shared secret proving the budget header came from the gateway. Interim: the signed
 * gateway→subgraph token (access-control work) should carry the budget instead.
 */
export const GATEWAY_SECRET_HEADER = 'x-dti-gateway-secret';
/** Correlation id of the client request, carried to every hop and shown in client-facing errors. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** What every piece of work done for one request can read. */
export interface RequestScope {
  /** Epoch ms after which the work is pointless: the answer would arrive too late. */
  readonly deadline: number;
  /** Aborts when the client goes away or the deadline passes. */
  readonly signal: AbortSignal;
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` visible to everything it starts (promises, timers, DataLoader batches). */
export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, if any (none in unit tests that call a client directly). */
export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Milliseconds left before the current request's deadline; Infinity outside a request. */
export function remainingMs(now: number = Date.now()): number {
  const scope = storage.getStore();
  return scope === undefined ? Number.POSITIVE_INFINITY : scope.deadline - now;
}

/** A correlation id from a header if it is a sane token, else a fresh one. */
export function correlationIdFrom(value: string | readonly string[] | undefined | null): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(v) ? v : randomUUID();
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Is the peer address loopback (IPv4, IPv6, or IPv4-mapped IPv6)? */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** How a subgraph decides the budget of an incoming request. */
export interface BudgetPolicy {
  /** Budget when no trusted header is present (a direct call, not through the gateway). */
  readonly defaultMs: number;
  /** Upper bound on any budget, trusted or not. */
  readonly maxMs: number;
  /**
   * Shared secret the gateway sends in `x-dti-gateway-secret`. When set, the budget header is
   * trusted only with it; when unset, only from a loopback peer.
   */
  readonly gatewaySecret?: string | undefined;
}

/**
 * The budget the subgraph works to. A header from anyone but the gateway is ignored (a client
 * cannot buy itself a longer budget, only the default).
 */
export function budgetFor(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  remoteAddress: string | undefined,
  policy: BudgetPolicy,
): number {
  const raw = headers[BUDGET_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return policy.defaultMs;
  const secret = headers[GATEWAY_SECRET_HEADER];
  const trusted =
    policy.gatewaySecret === undefined || policy.gatewaySecret === ''
      ? isLoopback(remoteAddress)
      : typeof secret === 'string' && sameSecret(secret, policy.gatewaySecret);
  if (!trusted) return policy.defaultMs;
  return Math.min(Number(value), policy.maxMs);
}

/**
 * Time a subgraph keeps for itself to serialise and send its answer: the typed partial error must
 * reach the gateway before the gateway's own budget for the call ends.
 */
export function answerMarginMs(budgetMs: number): number {
  return Math.min(250, Math.max(20, Math.round(budgetMs * 0.05)));
}
