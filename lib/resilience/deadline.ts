import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * One deadline per request. The gateway sets it, sends what is left to each subgraph inside the
 * token it signs for that request (`bud`, lib/access/upstream-token.ts), and the subgraph runs the request inside a {@link RequestScope} that every
 * upstream call reads through AsyncLocalStorage: resolvers and DataLoader batches need no extra
 * argument, and a request whose client left or whose deadline passed aborts its upstream calls.
 */

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

/** How a subgraph decides the budget of an incoming request. */
export interface BudgetPolicy {
  /** Budget when the gateway's token grants none (verification off, or an older gateway). */
  readonly defaultMs: number;
  /** Upper bound on any budget. */
  readonly maxMs: number;
}

/**
 * The budget the subgraph works to: what the gateway's verified token grants (capped), else the
 * default. Only a signed token grants one, so a client cannot buy itself a longer budget.
 */
export function budgetFor(grantedMs: number | null, policy: BudgetPolicy): number {
  if (grantedMs === null || !Number.isInteger(grantedMs) || grantedMs < 1) return policy.defaultMs;
  return Math.min(grantedMs, policy.maxMs);
}

/**
 * Time a subgraph keeps for itself to serialise and send its answer: the typed partial error must
 * reach the gateway before the gateway's own budget for the call ends.
 */
export function answerMarginMs(budgetMs: number): number {
  return Math.min(250, Math.max(20, Math.round(budgetMs * 0.05)));
}
