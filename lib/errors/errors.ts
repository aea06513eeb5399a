import type { AccessErrorCode, ErrorCode, StoreErrorCode, SystemName, UpstreamErrorCode } from './codes.ts';

/** Where an upstream call went, for `extensions.upstream`. */
export interface UpstreamTarget {
  readonly url: string;
  readonly method: string;
}

interface UpstreamErrorOptions {
  readonly system: SystemName;
  readonly target: UpstreamTarget;
  readonly cause?: unknown;
}

/** Base of every upstream failure: a stable `code`, the `system` it came from, and the original `cause`. */
export abstract class UpstreamError extends Error {
  abstract readonly code: UpstreamErrorCode;
  readonly system: SystemName;
  readonly target: UpstreamTarget;
  /** HTTP status the upstream answered, where it answered at all. */
  readonly status: number | undefined;

  constructor(message: string, options: UpstreamErrorOptions & { readonly status?: number }) {
    super(message, { cause: options.cause });
    this.system = options.system;
    this.target = options.target;
    this.status = options.status;
  }
}

/** The upstream did not answer within the configured time. */
export class UpstreamTimeoutError extends UpstreamError {
  readonly code = 'UPSTREAM_TIMEOUT';
  override readonly name = 'UpstreamTimeoutError';
  constructor(options: UpstreamErrorOptions & { readonly timeoutMs: number }) {
    super(`${options.system} did not answer within ${options.timeoutMs} ms`, options);
  }
}

/** The connection failed or was reset before an HTTP answer. */
export class UpstreamUnavailableError extends UpstreamError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  override readonly name = 'UpstreamUnavailableError';
  constructor(options: UpstreamErrorOptions) {
    super(`${options.system} is unreachable`, options);
  }
}

/** The upstream answered with a non-success HTTP status. */
export class UpstreamHttpError extends UpstreamError {
  readonly code = 'UPSTREAM_HTTP_ERROR';
  override readonly name = 'UpstreamHttpError';
  constructor(options: UpstreamErrorOptions & { readonly status: number; readonly upstreamMessage?: string }) {
    super(
      `${options.system} answered HTTP ${options.status}${options.upstreamMessage === undefined ? '' : `: ${options.upstreamMessage}`}`,
      options,
    );
  }
}

/** One problem found in an upstream payload: where and what. */
export interface PayloadIssue {
  readonly path: string;
  readonly message: string;
}

/** The upstream answered, but the payload does not have the documented shape. */
export class UpstreamBadResponseError extends UpstreamError {
  readonly code = 'UPSTREAM_BAD_RESPONSE';
  override readonly name = 'UpstreamBadResponseError';
  readonly issues: readonly PayloadIssue[];
  /** `summary` replaces the default message (a body refused before its shape could be checked). */
  constructor(options: UpstreamErrorOptions & { readonly status: number; readonly issues: readonly PayloadIssue[]; readonly summary?: string }) {
    const first = options.issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`);
    super(options.summary ?? `${options.system} sent a payload that does not match its documented shape (${first.join('; ')})`, options);
    this.issues = options.issues;
  }
}

/** Calls are short-circuited because the upstream kept failing; it is retried after a pause. */
export class CircuitOpenError extends UpstreamError {
  readonly code = 'CIRCUIT_OPEN';
  override readonly name = 'CircuitOpenError';
  constructor(options: UpstreamErrorOptions) {
    super(`${options.system} is failing repeatedly; calls are paused (circuit open)`, options);
  }
}

/**
 * Refused at once because the upstream already has as many calls in flight and waiting as it is
 * allowed: waiting longer would only end past the request's deadline.
 */
export class UpstreamOverloadedError extends UpstreamError {
  readonly code = 'UPSTREAM_OVERLOADED';
  override readonly name = 'UpstreamOverloadedError';
  constructor(options: UpstreamErrorOptions) {
    super(`${options.system} is busy with other requests; try again shortly`, options);
  }
}

/** Request input that cannot be answered: the message says what was wrong. */
export class BadUserInputError extends Error {
  readonly code = 'BAD_USER_INPUT' satisfies ErrorCode;
  override readonly name = 'BadUserInputError';
  /** The argument at fault, e.g. `year`. */
  readonly argument: string | undefined;
  constructor(message: string, options: { readonly argument?: string; readonly cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.argument = options.argument;
  }
}

/** A thing the user named does not exist (an unknown unit code, say). */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND' satisfies ErrorCode;
  override readonly name = 'NotFoundError';
  readonly argument: string | undefined;
  constructor(message: string, options: { readonly argument?: string } = {}) {
    super(message);
    this.argument = options.argument;
  }
}

/**
 * Access control refused the request: `UNAUTHENTICATED` (no or bad token) or `FORBIDDEN` (a role or
 * unit missing). The message says what was missing, never which other units exist.
 */
export class AccessDeniedError extends Error {
  readonly code: AccessErrorCode;
  override readonly name = 'AccessDeniedError';
  constructor(code: AccessErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A write named a version that is no longer current: someone else saved first. */
export class ConflictError extends Error {
  readonly code = 'CONFLICT' satisfies ErrorCode;
  override readonly name = 'ConflictError';
  /** The version that is current now, for the client to re-read. */
  readonly currentVersion: number | undefined;
  constructor(message: string, options: { readonly currentVersion?: number; readonly cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.currentVersion = options.currentVersion;
  }
}

/** A subgraph's own store (not an upstream system) could not be reached; `system` names the subgraph. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE' satisfies StoreErrorCode;
  override readonly name = 'StoreUnavailableError';
  readonly system: 'submissions';
  constructor(message: string, options: { readonly system: 'submissions'; readonly cause?: unknown }) {
    super(message, { cause: options.cause });
    this.system = options.system;
  }
}

/** Normalises anything caught into an Error, keeping the original as `cause`. */
export function ensureError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : 'Non-error thrown', { cause: value });
}
