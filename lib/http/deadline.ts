import { setTimeout as sleep } from 'node:timers/promises';
import type { SystemName, UpstreamTarget } from '../errors/index.ts';
import { UpstreamOverloadedError, UpstreamTimeoutError } from '../errors/index.ts';
import { currentScope, remainingMs } from '../resilience/deadline.ts';
import { LimiterFullError, type Limiter } from '../resilience/limiter.ts';
import { isTransient } from './classify.ts';

/** Bounds of one upstream's back-pressure. */
export interface BulkheadOptions {
  /** Calls in flight at once; also the connection pool's size. */
  readonly concurrency: number;
  /** Calls waiting for a slot; a call beyond it is refused with UPSTREAM_OVERLOADED. */
  readonly queue: number;
}

interface Where {
  readonly system: SystemName;
  readonly target: UpstreamTarget;
}

/** Below this many ms left, another attempt cannot usefully start. */
const MIN_ATTEMPT_MS = 50;

/**
 * The signal and timeout of one attempt: its own per-attempt timeout, cut to what is left of the
 * request's deadline, and aborted with the request (client gone). Throws UPSTREAM_TIMEOUT at once
 * when nothing is left.
 */
export function attemptSignal(timeoutMs: number, where: Where): { readonly signal: AbortSignal; readonly timeoutMs: number } {
  const left = Math.floor(remainingMs());
  if (left <= 0 || currentScope()?.signal.aborted === true) throw new UpstreamTimeoutError({ ...where, timeoutMs: Math.max(0, left) });
  const ms = Math.max(1, Math.min(timeoutMs, left));
  const own = AbortSignal.timeout(ms);
  const scope = currentScope();
  return { signal: scope === undefined ? own : AbortSignal.any([own, scope.signal]), timeoutMs: ms };
}

/** Runs one attempt in the upstream's bulkhead; a full queue is a fast UPSTREAM_OVERLOADED, a deadline while queued a timeout. */
export async function withinLimiter<T>(limiter: Limiter, where: Where, fn: () => Promise<T>): Promise<T> {
  const scope = currentScope();
  try {
    return await limiter.run(fn, scope?.signal);
  } catch (e: unknown) {
    if (e instanceof LimiterFullError) throw new UpstreamOverloadedError({ ...where, cause: e });
    if (scope !== undefined && scope.signal.aborted && e === scope.signal.reason) {
      throw new UpstreamTimeoutError({ ...where, timeoutMs: Math.max(0, Math.floor(remainingMs())), cause: e });
    }
    throw e;
  }
}

/**
 * Retries transient failures with exponential backoff and jitter, but only while another attempt
 * fits in what is left of the request's deadline: the backoff never outlasts the budget, and the
 * last real error (not a bare "deadline") reaches the caller.
 */
export async function withDeadlineRetries<T>(
  fn: () => Promise<T>,
  opts: { readonly maxRetries: number; readonly initialDelayMs: number; readonly maxDelayMs: number },
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await fn();
    } catch (e: unknown) {
      if (!isTransient(e) || retry >= opts.maxRetries) throw e;
      const base = Math.min(opts.maxDelayMs, opts.initialDelayMs * 2 ** retry);
      const delay = Math.round(base * (0.5 + Math.random() / 2));
      if (remainingMs() - delay < MIN_ATTEMPT_MS) throw e;
      const scope = currentScope();
      try {
        await sleep(delay, undefined, scope === undefined ? {} : { signal: scope.signal });
      } catch {
        throw e;
      }
    }
  }
}
