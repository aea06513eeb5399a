import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLError } from 'graphql';

/**
 * The header a non-JSON request (a GET, or a form encoding) must carry to run. Browsers cannot
 * add it cross-site without a CORS preflight, which only the configured origins pass.
 */
export const CSRF_HEADER = 'x-dti-csrf';

/** `extensions.code` of a request refused as a possible cross-site request. */
export const CSRF_CODE = 'CSRF_REFUSED';

// The message Yoga's CSRF plugin throws; it carries no code, so we add ours to the same error.
const YOGA_CSRF_MESSAGE = 'Required CSRF header(s) not present';

/** The runtime's own CSRF prevention: JSON POSTs pass (they are preflighted); form, text and bare GET need the header. */
export function csrfPreventionOptions(): { requestHeaders: string[] } {
  return { requestHeaders: [CSRF_HEADER] };
}

interface CorsAllowed {
  readonly origin: string;
  readonly credentials: true;
  readonly methods: string[];
  readonly allowedHeaders: string[];
  readonly maxAge: number;
}

/**
 * CORS for the configured origins only. The runtime's `cors` reflects any origin (with
 * credentials) when given none or an empty list, so we answer per request: an allowed origin is
 * echoed alone, anything else gets no CORS headers at all.
 */
export function corsOptions(origins: readonly string[]): false | ((request: Request) => CorsAllowed | false) {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'accept', CSRF_HEADER],
      maxAge: 600,
    };
  };
}

function isGraphQLErrorLike(e: unknown): e is GraphQLError {
  return typeof e === 'object' && e !== null && 'message' in e && 'extensions' in e;
}

/** Gives the runtime's CSRF refusal our code, so clients and the audit log recognise it. */
export function useCsrfCode(): GatewayPlugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) {
        if (isGraphQLErrorLike(error) && error.message === YOGA_CSRF_MESSAGE && error.extensions['code'] === undefined) {
          // GraphQLError.extensions is readonly in type only; the runtime serialises this object.
          Object.assign(error.extensions, { code: CSRF_CODE });
        }
      }
    },
  };
}
