import { GraphQLError } from 'graphql';
import type { ErrorCode } from './codes.ts';
import { AccessDeniedError, BadUserInputError, ConflictError, NotFoundError, StoreUnavailableError, UpstreamError } from './errors.ts';

/**
 * The one place errors become GraphQL errors. Upstream failures keep their `code`, `system` and
 * target; user-input errors say what was wrong; anything else is an opaque internal error.
 */
export function toGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  if (err instanceof UpstreamError) {
    return new GraphQLError(err.message, {
      originalError: err,
      extensions: {
        code: err.code satisfies ErrorCode,
        system: err.system,
        upstream: { url: err.target.url, method: err.target.method, ...(err.status === undefined ? {} : { status: err.status }) },
      },
    });
  }
  if (err instanceof BadUserInputError || err instanceof NotFoundError) {
    return new GraphQLError(err.message, {
      originalError: err,
      extensions: { code: err.code, ...(err.argument === undefined ? {} : { argument: err.argument }) },
    });
  }
  if (err instanceof AccessDeniedError) {
    return new GraphQLError(err.message, { originalError: err, extensions: { code: err.code satisfies ErrorCode } });
  }
  if (err instanceof ConflictError) {
    return new GraphQLError(err.message, {
      originalError: err,
      extensions: { code: err.code, ...(err.currentVersion === undefined ? {} : { currentVersion: err.currentVersion }) },
    });
  }
  if (err instanceof StoreUnavailableError) {
    return new GraphQLError(err.message, { originalError: err, extensions: { code: err.code satisfies ErrorCode, system: err.system } });
  }
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } });
}
