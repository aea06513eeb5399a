import type { SystemName, UpstreamTarget } from '../errors/index.ts';
import { UpstreamError, UpstreamHttpError, UpstreamTimeoutError, UpstreamUnavailableError } from '../errors/index.ts';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function codeOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

/** Maps a transport-level failure (undici error, abort) to the upstream error taxonomy. */
export function classifyTransportError(
  e: unknown,
  ctx: { readonly system: SystemName; readonly target: UpstreamTarget; readonly timeoutMs: number; readonly timedOut: boolean },
): UpstreamError {
  if (e instanceof UpstreamError) return e;
  const code = codeOf(e);
  if (ctx.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new UpstreamTimeoutError({ system: ctx.system, target: ctx.target, timeoutMs: ctx.timeoutMs, cause: e });
  }
  return new UpstreamUnavailableError({ system: ctx.system, target: ctx.target, cause: e });
}

/** Transient failures worth another attempt on an idempotent call. */
export function isTransient(e: unknown): boolean {
  if (e instanceof UpstreamTimeoutError || e instanceof UpstreamUnavailableError) return true;
  if (e instanceof UpstreamHttpError) return e.status !== undefined && (e.status >= 500 || e.status === 429);
  return false;
}
