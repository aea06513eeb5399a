import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { Pool, type Dispatcher } from 'undici';
import type { z } from 'zod';
import type { SystemName, UpstreamTarget } from '../errors/index.ts';
import { CircuitOpenError, UpstreamBadResponseError, UpstreamError, UpstreamHttpError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import { silentLogger } from '../logging/index.ts';
import { currentScope } from '../resilience/deadline.ts';
import { createLimiter } from '../resilience/limiter.ts';
import { circuitName, observeUpstreamAttempt, recordCircuit, recordCircuitRefusal } from '../telemetry/upstream.ts';
import { classifyTransportError, isTransient } from './classify.ts';
import { attemptSignal, withDeadlineRetries, withinLimiter, type BulkheadOptions } from './deadline.ts';

/** Query-string values: arrays repeat the key unless the caller joins them first. */
export type QueryValue = string | number | boolean | readonly (string | number)[];

/** A successful, parsed upstream answer with what provenance needs. */
export interface UpstreamResult<T> {
  readonly data: T;
  /** ISO timestamp of when the answer arrived. */
  readonly fetchedAt: string;
  readonly url: string;
}

export interface RetryOptions {
  /** Extra attempts after the first, for idempotent calls only. @default 2 */
  readonly maxRetries: number;
  /** First backoff delay in ms; later ones grow exponentially with jitter. @default 50 */
  readonly initialDelayMs: number;
  /** Largest backoff delay in ms. @default 1000 */
  readonly maxDelayMs: number;
}

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. @default 5 */
  readonly consecutiveFailures: number;
  /** How long the circuit stays open before one trial call, in ms. @default 5000 */
  readonly halfOpenAfterMs: number;
}

export interface UpstreamClientOptions {
  readonly system: SystemName;
  /** Base URL; its path, if any, prefixes every request path. */
  readonly baseUrl: string;
  /** undici dispatcher; defaults to a keep-alive Pool on the base URL's origin. Tests pass a MockAgent. */
  readonly dispatcher?: Dispatcher;
  /** Per-attempt deadline in ms, headers and body included. @default 5000 */
  readonly timeoutMs?: number;
  /**
   * Largest body read from the upstream, in bytes: a larger declared Content-Length is refused at
   * once, a longer stream is cut off when it passes the cap (UPSTREAM_BAD_RESPONSE). @default 32 MiB
   */
  readonly maxBodyBytes?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
  /** Calls in flight (and pooled connections) and calls waiting, per upstream. @default 16 and 64 */
  readonly bulkhead?: Partial<BulkheadOptions>;
  /** Turns the vendor's error body into a message for the error, where it has one. */
  readonly errorMessage?: (body: unknown) => string | undefined;
  readonly logger?: Logger;
  /** Clock, injectable for tests. */
  readonly now?: () => Date;
}

export interface RequestOptions<S extends z.ZodType> {
  readonly query?: Readonly<Record<string, QueryValue | undefined>>;
  /** The wire shape; the answer is parsed with it and nothing else reaches the caller. */
  readonly schema: S;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PostOptions<S extends z.ZodType> extends RequestOptions<S> {
  /** JSON body, or `{ form }` for application/x-www-form-urlencoded. */
  readonly body: { readonly json: unknown } | { readonly form: Readonly<Record<string, string>> };
  /** A POST that only reads (a batch lookup) may be retried. @default false */
  readonly idempotent?: boolean;
}

/** A typed client for one upstream system. */
export interface UpstreamClient extends AsyncDisposable {
  readonly system: SystemName;
  get<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<UpstreamResult<z.output<S>>>;
  post<S extends z.ZodType>(path: string, options: PostOptions<S>): Promise<UpstreamResult<z.output<S>>>;
  close(): Promise<void>;
}

function buildPath(prefix: string, path: string, query: RequestOptions<z.ZodType>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `${prefix}${path}${qs === '' ? '' : `?${qs}`}`;
}

/** Default cap on one upstream body: generous (the documents system's 34-province answer is ≈ 2.8 MB). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Reads a body as UTF-8 (a leading BOM dropped), counting bytes as they arrive; undefined, and the
 * stream destroyed (the connection dropped), as soon as it passes `max`.
 */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > max) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, bytes));
}

/**
 * Flattens zod issues to dotted paths. A failed union is replaced by the issues of its closest
 * branch (fewest issues, the first on a tie), so the caller sees `rows.0.HS_TRUC_TUYEN` rather
 * than "invalid input" at the union.
 */
function issuesOf(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): { path: string; message: string }[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const branches = i.errors.map((branch) => issuesOf(branch, path));
      return branches.reduce((closest, branch) => (branch.length < closest.length ? branch : closest));
    }
    return [{ path: path.map(String).join('.'), message: i.message }];
  });
}

/**
 * Creates the client every subgraph uses for its upstream: undici keep-alive pool, per-attempt
 * timeout, retries with exponential backoff and jitter on idempotent calls, a circuit breaker,
 * and zod parsing of every payload.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  const ownsDispatcher = options.dispatcher === undefined;
  const bulkhead: BulkheadOptions = { concurrency: 16, queue: 64, ...options.bulkhead };
  const limiter = createLimiter(bulkhead);
  // As many connections as calls in flight: the limiter, not undici's own unbounded queue, decides
  // who waits. Idle sockets close after 4 s so a burst's buffers are released soon after it.
  const dispatcher =
    options.dispatcher ?? new Pool(origin, { connections: bulkhead.concurrency, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 10_000, pipelining: 1 });
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const system = options.system;

  const retryOpts: RetryOptions = { maxRetries: 2, initialDelayMs: 50, maxDelayMs: 1000, ...options.retry };
  const breakerOpts: BreakerOptions = { consecutiveFailures: 5, halfOpenAfterMs: 2000, ...options.breaker };
  // Only failures of the upstream itself count against the breaker: a malformed payload means the
  // system is up but wrong, and opening the circuit would not help.
  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: breakerOpts.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(breakerOpts.consecutiveFailures),
  });
  breaker.onStateChange((state) => recordCircuit(system, circuitName(state)));

  async function attempt<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    opts: RequestOptions<S>,
    body: string | undefined,
    contentType: string | undefined,
    attemptNo = 0,
  ): Promise<UpstreamResult<z.output<S>>> {
    // Each attempt is one span and one metric sample (lib/telemetry), with traceparent sent upstream.
    return observeUpstreamAttempt({ system, method, path, attempt: attemptNo, circuit: breaker.state }, (traceHeaders) =>
      attemptOnce(method, path, opts, body, contentType, traceHeaders),
    );
  }

  async function attemptOnce<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    opts: RequestOptions<S>,
    body: string | undefined,
    contentType: string | undefined,
    traceHeaders: Record<string, string>,
  ): Promise<{ result: UpstreamResult<z.output<S>>; status: number }> {
    const fullPath = buildPath(prefix, path, opts.query);
    const target: UpstreamTarget = { url: `${origin}${fullPath}`, method };
    // The attempt ends at its own timeout or the request's deadline, whichever comes first, and
    // when the client of the request goes away.
    const { signal: deadline, timeoutMs: attemptMs } = attemptSignal(timeoutMs, { system, target });
    let status: number;
    let text: string | undefined;
    try {
      const res = await dispatcher.request({
        origin,
        path: fullPath,
        method,
        headers: { accept: 'application/json', ...(contentType === undefined ? {} : { 'content-type': contentType }), ...opts.headers, ...traceHeaders },
        ...(body === undefined ? {} : { body }),
        signal: deadline,
        headersTimeout: attemptMs,
        bodyTimeout: attemptMs,
      });
      status = res.statusCode;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBodyBytes) res.body.destroy();
      else text = await readCapped(res.body, maxBodyBytes);
    } catch (e: unknown) {
      throw classifyTransportError(e, { system, target, timeoutMs: attemptMs, timedOut: deadline.aborted });
    }
    if (text === undefined) {
      const message = `body larger than the ${maxBodyBytes}-byte limit`;
      throw new UpstreamBadResponseError({ system, target, status, issues: [{ path: '', message }], summary: `${system} sent a ${message}` });
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (e: unknown) {
      if (status >= 400) throw new UpstreamHttpError({ system, target, status, cause: e });
      throw new UpstreamBadResponseError({ system, target, status, issues: [{ path: '', message: 'body is not JSON' }], cause: e });
    }
    if (status < 200 || status >= 300) {
      const upstreamMessage = options.errorMessage?.(json);
      throw new UpstreamHttpError({ system, target, status, ...(upstreamMessage === undefined ? {} : { upstreamMessage }) });
    }
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) {
      throw new UpstreamBadResponseError({ system, target, status, issues: issuesOf(parsed.error.issues), cause: parsed.error });
    }
    return { result: { data: parsed.data, fetchedAt: now().toISOString(), url: target.url }, status };
  }

  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    opts: RequestOptions<S>,
    body: string | undefined,
    contentType: string | undefined,
    idempotent: boolean,
  ): Promise<UpstreamResult<z.output<S>>> {
    const started = performance.now();
    let attempts = 0;
    try {
      const target: UpstreamTarget = { url: `${origin}${buildPath(prefix, path, opts.query)}`, method };
      const once = (): Promise<UpstreamResult<z.output<S>>> =>
        withinLimiter(limiter, { system, target }, () => attempt(method, path, opts, body, contentType, attempts++));
      const result = await breaker.execute(() =>
        idempotent && retryOpts.maxRetries > 0 ? withDeadlineRetries(once, retryOpts) : once(),
      );
      logger.debug('upstream call', { system, method, path, ms: Math.round(performance.now() - started) });
      return result;
    } catch (e: unknown) {
      const target: UpstreamTarget = { url: `${origin}${buildPath(prefix, path, opts.query)}`, method };
      if (e instanceof BrokenCircuitError) recordCircuitRefusal(system, path);
      const error = e instanceof BrokenCircuitError ? new CircuitOpenError({ system, target, cause: e }) : e;
      if (error instanceof UpstreamError) {
        logger.warn('upstream call failed', {
          system,
          method,
          url: target.url.slice(0, 500),
          code: error.code,
          message: error.message.slice(0, 500),
          correlationId: currentScope()?.correlationId,
          ms: Math.round(performance.now() - started),
        });
      }
      throw error;
    }
  }

  const close = async (): Promise<void> => {
    if (ownsDispatcher) await dispatcher.close();
  };

  return {
    system,
    get: (path, opts) => call('GET', path, opts, undefined, undefined, true),
    post: (path, opts) => {
      const isJson = 'json' in opts.body;
      const body = 'json' in opts.body ? JSON.stringify(opts.body.json) : new URLSearchParams(opts.body.form).toString();
      const contentType = isJson ? 'application/json' : 'application/x-www-form-urlencoded';
      return call('POST', path, opts, body, contentType, opts.idempotent ?? false);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
