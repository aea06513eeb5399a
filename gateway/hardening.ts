import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Plugin } from '@envelop/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuditLog, createFileAuditSink, DEFAULT_CLAIM_PATHS, type AuditLog, type ClaimPaths, type Role } from '../lib/access/index.ts';
import type { Logger } from '../lib/logging/index.ts';
import { auditedExport, clientAddress, createAuditReadHandler, recordRefusal, useAudit } from './audit.ts';
import { corsOptions, csrfPreventionOptions, useCsrfCode } from './csrf.ts';
import { queryLimitPlugins } from './limits.ts';
import { createMemoryRateLimitStore, rateLimitedResponse, useRateLimit, type RateLimitStore } from './rate-limit.ts';
import type { SecurityConfig } from './security-config.ts';
import { persistedDocumentsOptions } from './trusted-documents.ts';

/** What access control provides once merged: the verified subject/roles of a request, or null. */
export interface RequestAuthenticator {
  subjectOf(request: Request): string | null;
  identityOfNode(req: IncomingMessage): Promise<{ subject: string; roles: readonly Role[] } | null>;
}

// Until access control lands, nobody is verified: rate limits key on the client address, and
// nobody can read the audit log.
const NO_AUTH: RequestAuthenticator = { subjectOf: () => null, identityOfNode: async () => null };

/** The hardening around the gateway (issue #12): options for the runtime, plugins, and the routes beside it. */
export interface Hardening {
  readonly runtimeOptions: {
    readonly csrfPrevention: { requestHeaders: string[] };
    readonly cors: ReturnType<typeof corsOptions>;
    readonly persistedDocuments: ReturnType<typeof persistedDocumentsOptions>;
    readonly disableIntrospection?: Record<string, never>;
  };
  readonly plugins: () => Array<GatewayPlugin | Plugin>;
  readonly audit: AuditLog;
  /** Wraps the export route: rate limit and audit. */
  wrapExport(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `GET /admin/audit` for administrators. */
  readonly readAudit: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * Who a request counts against for the rate limit: its verified token subject, else the client
 * address. The one function to change when the identity moves.
 */
export function rateLimitKey(auth: RequestAuthenticator, request: Request, serverContext: unknown): string | null {
  const subject = auth.subjectOf(request);
  if (subject !== null) return `sub:${subject}`;
  const address = clientAddress(serverContext);
  return address === null ? null : `addr:${address}`;
}

/** Builds the hardening from configuration; the audit log and rate-limit store can be injected (tests, Redis later). */
export function createHardening(
  config: SecurityConfig,
  logger: Logger,
  deps: { readonly audit?: AuditLog; readonly rateStore?: RateLimitStore; readonly auth?: RequestAuthenticator; readonly claimPaths?: ClaimPaths } = {},
): Hardening {
  const audit = deps.audit ?? createAuditLog({ sink: createFileAuditSink(config.auditLogPath), now: () => new Date() });
  const store = deps.rateStore ?? createMemoryRateLimitStore(config.rateLimit);
  const auth = deps.auth ?? NO_AUTH;
  const rateLimited = async (request: Request, serverContext: unknown, action: string): Promise<void> =>
    recordRefusal(audit, logger, { request, serverContext, code: 'RATE_LIMITED', message: 'rate limit exceeded', httpStatus: 429, action });
  return {
    runtimeOptions: {
      csrfPrevention: csrfPreventionOptions(),
      cors: corsOptions(config.corsOrigins),
      persistedDocuments: persistedDocumentsOptions(config.trustedDocumentsPath, config.profile),
      ...(config.introspection ? {} : { disableIntrospection: {} }),
    },
    plugins: () => [
      useRateLimit({ store, identify: (request, ctx) => rateLimitKey(auth, request, ctx), onLimited: (request, ctx) => rateLimited(request, ctx, 'graphql') }),
      useCsrfCode(),
      useAudit(audit, logger, deps.claimPaths ?? DEFAULT_CLAIM_PATHS),
      ...queryLimitPlugins(config.limits, { hideSuggestions: !config.introspection }),
    ],
    audit,
    wrapExport(handler) {
      const audited = auditedExport(handler, audit, logger, () => ({ subject: null, roles: [] }));
      return async (req, res) => {
        const request = new Request(`http://gateway.invalid${req.url ?? '/'}`, { headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])) });
        const key = rateLimitKey(auth, request, { req });
        const decision = key === null ? ({ allowed: true } as const) : store.take(key, Date.now());
        if (!decision.allowed) {
          await rateLimited(request, { req }, 'export:run');
          const r = rateLimitedResponse(decision.retryAfterSeconds);
          res.writeHead(r.status, r.headers);
          res.end(r.body);
          return;
        }
        await audited(req, res);
      };
    },
    readAudit: createAuditReadHandler(audit, (req) => auth.identityOfNode(req)),
  };
}
