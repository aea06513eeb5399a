/**
 * Back-pressure for one upstream: at most `concurrency` calls in flight and `queue` waiting. A
 * call that finds the queue full is refused at once (the caller answers UPSTREAM_OVERLOADED)
 * rather than waiting past its deadline; a waiting call whose signal aborts leaves the queue.
 */

/** Thrown when the queue is full; the caller maps it to its typed error. */
export class LimiterFullError extends Error {
  override readonly name = 'LimiterFullError';
  readonly inFlight: number;
  readonly queued: number;
  constructor(inFlight: number, queued: number) {
    super(`limiter full: ${inFlight} in flight, ${queued} queued`);
    this.inFlight = inFlight;
    this.queued = queued;
  }
}

export interface LimiterOptions {
  /** Calls in flight at once (also the connection pool's size). */
  readonly concurrency: number;
  /** Calls allowed to wait for a slot; beyond it calls are refused. */
  readonly queue: number;
}

export interface Limiter {
  /** Runs `fn` when a slot is free; rejects with LimiterFullError, or the signal's reason if it aborts while waiting. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly inFlight: number;
  readonly queued: number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  let inFlight = 0;
  const waiting: Array<{ resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal | undefined; onAbort: () => void }> = [];

  const release = (): void => {
    inFlight -= 1;
    const next = waiting.shift();
    if (next !== undefined) {
      next.signal?.removeEventListener('abort', next.onAbort);
      inFlight += 1;
      next.resolve();
    }
  };

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (inFlight < options.concurrency) {
      inFlight += 1;
      return Promise.resolve();
    }
    if (waiting.length >= options.queue) return Promise.reject(new LimiterFullError(inFlight, waiting.length));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        resolve,
        reject,
        signal,
        onAbort: (): void => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      waiting.push(entry);
    });
  };

  return {
    async run(fn, signal) {
      await acquire(signal);
      try {
        return await fn();
      } finally {
        release();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return waiting.length;
    },
  };
}
