import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Plugin } from '@envelop/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  AccessTokenError,
  createAuditLog,
  createFileAuditSink,
  DEFAULT_CLAIM_PATHS,
  type AuditLog,
  type BearerVerifier,
  type ClaimPaths,
  type Identity,
} from '../lib/access/index.ts';
import type { Logger } from '../lib/logging/index.ts';
import { actorOf, actorOfIdentity, auditedExport, clientAddress, createAuditReadHandler, recordRefusal, rememberActor, useAudit, type Actor } from './audit.ts';
import { corsOptions, csrfPreventionOptions, useCsrfCode } from './csrf.ts';
import { queryLimitPlugins } from './limits.ts';
import { createMemoryRateLimitStore, rateLimitedResponse, useRateLimit, type RateLimitIdentify, type RateLimitStore } from './rate-limit.ts';
import type { SecurityConfig } from './security-config.ts';
import { persistedDocumentsOptions } from './trusted-documents.ts';

/** What the hardening needs of access control: whether tokens are verified, and a verifier for the routes beside GraphQL. */
export interface RequestAuthenticator {
  /** False when the gateway runs without authentication (the benchmark switch, or a test). */
  readonly enabled: boolean;
  /** null without a token; throws when the token is not valid. */
  readonly verifyBearer: BearerVerifier;
}

// Without access control nobody is verified: rate limits key on the client address, and nobody
// can read the audit log.
const NO_AUTH: RequestAuthenticator = { enabled: false, verifyBearer: async () => null };

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

const subjectSchema = z.object({ jwt: z.object({ payload: z.object({ sub: z.string().min(1).max(256) }) }) });

/**
 * Who a request counts against for the rate limit: its verified token's subject, else its client
 * address; null for the gateway's own in-process calls (no socket). A request with a token is
 * keyed once the JWT plugin has verified it (it put `jwt.payload` on the context), so an invalid
 * token is refused as such (401) and never charged to someone else's bucket.
 */
export function rateLimitIdentify(auth: Pick<RequestAuthenticator, 'enabled'>): RateLimitIdentify {
  const hasToken = (request: Request): boolean => (request.headers.get('authorization') ?? '') !== '';
  return {
    early(request, serverContext) {
      const address = clientAddress(serverContext);
      if (address === null || (auth.enabled && hasToken(request))) return null;
      return `addr:${address}`;
    },
    verified(request, context) {
      const address = clientAddress(context);
      if (address === null || !auth.enabled || !hasToken(request)) return null;
      const verified = subjectSchema.safeParse(context);
      return verified.success ? `sub:${verified.data.jwt.payload.sub}` : `addr:${address}`;
    },
  };
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
  const claimPaths = deps.claimPaths ?? DEFAULT_CLAIM_PATHS;
  const rateLimited = async (request: Request, serverContext: unknown, action: string, actor?: Actor): Promise<void> =>
    recordRefusal(audit, logger, { request, serverContext, code: 'RATE_LIMITED', message: 'rate limit exceeded', httpStatus: 429, action, ...(actor === undefined ? {} : { actor }) });
  /** The export route's caller: verified once for its rate-limit key and its audit records. */
  const callerOf = async (req: IncomingMessage): Promise<{ identity: Identity | null }> => {
    try {
      return { identity: await auth.verifyBearer(req.headers.authorization) };
    } catch (e: unknown) {
      if (e instanceof AccessTokenError) return { identity: null };
      throw e;
    }
  };
  const callers = new WeakMap<IncomingMessage, Identity | null>();
  return {
    runtimeOptions: {
      csrfPrevention: csrfPreventionOptions(),
      cors: corsOptions(config.corsOrigins),
      persistedDocuments: persistedDocumentsOptions(config.trustedDocumentsPath, config.profile),
      ...(config.introspection ? {} : { disableIntrospection: {} }),
    },
    plugins: () => [
      useRateLimit({
        store,
        identify: rateLimitIdentify(auth),
        onLimitedEarly: (request, ctx) => rateLimited(request, ctx, 'graphql'),
        // The audit plugin records this refusal from its code; it needs to know who was refused.
        onLimitedVerified: (request, ctx) => rememberActor(request, actorOf(ctx, claimPaths)),
      }),
      useCsrfCode(),
      useAudit(audit, logger, claimPaths),
      ...queryLimitPlugins(config.limits, { hideSuggestions: !config.introspection }),
    ],
    audit,
    wrapExport(handler) {
      const audited = auditedExport(handler, audit, logger, (req) => actorOfIdentity(callers.get(req) ?? null));
      return async (req, res) => {
        const request = new Request(`http://gateway.invalid${req.url ?? '/'}`, { headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])) });
        const { identity } = await callerOf(req);
        callers.set(req, identity);
        const address = req.socket.remoteAddress ?? null;
        const key = identity !== null ? `sub:${identity.subject}` : address === null ? null : `addr:${address}`;
        const decision = key === null ? ({ allowed: true } as const) : store.take(key, Date.now());
        if (!decision.allowed) {
          await rateLimited(request, { req }, 'export:run', actorOfIdentity(identity));
          const r = rateLimitedResponse(decision.retryAfterSeconds);
          res.writeHead(r.status, r.headers);
          res.end(r.body);
          return;
        }
        await audited(req, res);
      };
    },
    readAudit: createAuditReadHandler(audit, logger, auth.verifyBearer),
  };
}
