import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type ValueNode } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AccessTokenError, clip, DEFAULT_CLAIM_PATHS, identityFromClaims, type AuditLog, type BearerVerifier, type ClaimPaths, type Identity, type Role } from '../lib/access/index.ts';
import type { Logger } from '../lib/logging/index.ts';

/** Codes that mean "refused": access control, query limits, CSRF, trusted documents, rate limit. */
const REFUSAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
  'CSRF_REFUSED',
  'RATE_LIMITED',
  'PERSISTED_QUERY_ONLY',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ID_REQUIRED',
  'METHOD_NOT_ALLOWED',
  'INTROSPECTION_DISABLED',
]);

interface Meta {
  readonly requestId: string;
  readonly origin: { readonly address: string | null; readonly origin: string | null };
}

const metaByRequest = new WeakMap<Request, Meta>();
const requestIdSchema = z.string().regex(/^[\w.:-]{1,128}$/);
const nodeReqSchema = z.object({ req: z.object({ socket: z.object({ remoteAddress: z.string().optional() }) }) });

/** The client's address as the socket saw it (the gateway binds loopback or sits behind our own proxy). */
export function clientAddress(serverContext: unknown): string | null {
  const parsed = nodeReqSchema.safeParse(serverContext);
  return parsed.success ? (parsed.data.req.socket.remoteAddress ?? null) : null;
}

/** Request id (the caller's `x-request-id` when well-formed, else a new one) and where the request came from. */
export function requestMeta(request: Request, serverContext: unknown): Meta {
  const known = metaByRequest.get(request);
  if (known !== undefined) return known;
  const header = requestIdSchema.safeParse(request.headers.get('x-request-id'));
  const meta: Meta = {
    requestId: header.success ? header.data : randomUUID(),
    origin: { address: clientAddress(serverContext), origin: clip(request.headers.get('origin') ?? '', 256) || null },
  };
  metaByRequest.set(request, meta);
  return meta;
}

/** Who acted, as an audit record names them. */
export type Actor = { subject: string | null; roles: Role[] };
const ANONYMOUS: Actor = { subject: null, roles: [] };
const actorByRequest = new WeakMap<Request, Actor>();

/** The audit actor of a verified identity (anonymous for null). */
export function actorOfIdentity(identity: Identity | null): Actor {
  return identity === null ? ANONYMOUS : { subject: identity.subject, roles: [...identity.roles] };
}

/** Names who sent a request refused before validation (the rate limit), for its refusal record. */
export function rememberActor(request: Request, actor: Actor): void {
  actorByRequest.set(request, actor);
}

/**
 * Who is acting, from the token `useJWT` verified and put on the context (`jwt.payload`), read
 * with the configured claim paths; anonymous without one. The one place to change if that moves.
 */
// Schemas built once: zod compiles each object schema, and these run on every request (issue #9).
const jwtHolderSchema = z.object({ jwt: z.object({ payload: z.unknown() }) });
const errorShapeSchema = z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional() });
const httpStatusSchema = z.object({ status: z.number().int() });

export function actorOf(context: unknown, claimPaths: ClaimPaths = DEFAULT_CLAIM_PATHS): Actor {
  // Anonymous requests (most of the public reference data) carry no verified token at all.
  if (typeof context !== 'object' || context === null || !('jwt' in context) || context.jwt === undefined) return ANONYMOUS;
  const holder = jwtHolderSchema.safeParse(context);
  if (!holder.success || holder.data.jwt.payload === undefined) return ANONYMOUS;
  try {
    const identity = identityFromClaims(holder.data.jwt.payload, claimPaths);
    return { subject: identity.subject, roles: [...identity.roles] };
  } catch {
    return ANONYMOUS;
  }
}

const UNIT_ARGS = new Set(['unitCode', 'unit', 'code']);
function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): string | null {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

/** The mutation's root fields and the unit its arguments name (literal or variable). */
function mutationTarget(document: DocumentNode, operationName: string | null | undefined, variables: Readonly<Record<string, unknown>>): { action: string; unit: string | null } | null {
  const op = getOperationAST(document, operationName ?? undefined);
  if (op?.operation !== 'mutation') return null;
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s] : []));
  let unit: string | null = null;
  for (const f of fields) for (const a of f.arguments ?? []) if (unit === null && UNIT_ARGS.has(a.name.value)) unit = valueOf(a.value, variables);
  return { action: clip(fields.map((f) => f.name.value).join(',') || 'mutation', 128), unit: unit === null ? null : clip(unit, 16) };
}

function refusalCode(error: unknown): { code: string; message: string; httpStatus: number | null } | null {
  if (!(error instanceof GraphQLError) && !(typeof error === 'object' && error !== null && 'message' in error)) return null;
  const e = errorShapeSchema.safeParse(error);
  if (!e.success) return null;
  const ext = e.data.extensions ?? {};
  const http = httpStatusSchema.safeParse(ext['http']);
  const status = http.success ? http.data.status : null;
  let code = typeof ext['code'] === 'string' ? ext['code'] : null;
  // Yoga's GET-mutation refusal says BAD_REQUEST and NoSchemaIntrospection says nothing: name them.
  if (status === 405) code = 'METHOD_NOT_ALLOWED';
  if (/introspection (has been disabled|is not allowed)/i.test(e.data.message)) code = 'INTROSPECTION_DISABLED';
  if (code === null || !REFUSAL_CODES.has(code)) return null;
  return { code, message: clip(e.data.message, 500), httpStatus: status };
}

const variablesSchema = z.record(z.string(), z.unknown());

// The runtime's Request class is its own (whatwg-node), so `instanceof Request` is false: check the shape.
function requestOf(ctx: unknown): Request | null {
  if (typeof ctx !== 'object' || ctx === null || !('request' in ctx)) return null;
  const r: unknown = ctx.request;
  return typeof r === 'object' && r !== null && 'headers' in r && 'url' in r && typeof r.url === 'string' ? (r as Request) : null;
}

/**
 * Writes every mutation (before it runs: a failed write refuses it, fail closed; and after, with
 * its outcome) and every refusal, detected from the result's error codes whichever plugin
 * produced them. A refusal whose write fails is logged and stays refused.
 */
export function useAudit(audit: AuditLog, logger: Logger, claimPaths: ClaimPaths = DEFAULT_CLAIM_PATHS): GatewayPlugin {
  return {
    // Validation runs after the token is verified: remember who sent the request for its refusal record.
    onValidate({ context }) {
      const request = requestOf(context);
      if (request !== null) actorByRequest.set(request, actorOf(context, claimPaths));
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const variables = variablesSchema.safeParse(args.variableValues ?? {});
      const target = mutationTarget(args.document, args.operationName, variables.success ? variables.data : {});
      if (target === null) return undefined;
      const ctx: unknown = args.contextValue;
      const request = requestOf(ctx);
      const meta = request === null ? { requestId: randomUUID(), origin: { address: null, origin: null } } : requestMeta(request, ctx);
      const base = { type: 'MUTATION' as const, requestId: meta.requestId, actor: actorOf(ctx, claimPaths), unit: target.unit, action: target.action, origin: meta.origin };
      try {
        await audit.record({ ...base, outcome: 'ATTEMPT', errorCodes: [] });
      } catch (e) {
        logger.error('audit write failed: mutation refused', { requestId: meta.requestId, error: String(e) });
        setResultAndStopExecution({
          errors: [new GraphQLError('the mutation was not run: its audit record could not be written', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })],
        });
        return undefined;
      }
      return {
        async onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const codes = [...new Set((result.errors ?? []).map((er) => String(er.extensions['code'] ?? 'ERROR')))].slice(0, 20);
          try {
            await audit.record({ ...base, outcome: codes.length === 0 ? 'OK' : 'ERROR', errorCodes: codes.map((c) => clip(c, 64)) });
          } catch (e) {
            logger.error('audit write failed after a mutation ran', { requestId: meta.requestId, error: String(e) });
          }
        },
      };
    },
    async onResultProcess({ request, result, serverContext }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const refusals = (result.errors ?? []).flatMap((e) => {
        const r = refusalCode(e);
        return r === null ? [] : [r];
      });
      const first = refusals[0];
      if (first === undefined) return;
      // One record per refused request: the first refusal's code, every message.
      const message = clip([...new Set(refusals.map((r) => r.message))].join(' | '), 500);
      const meta = requestMeta(request, serverContext);
      try {
        await audit.record({
          type: 'REFUSAL', requestId: meta.requestId, actor: actorByRequest.get(request) ?? ANONYMOUS, unit: null, action: 'graphql', origin: meta.origin,
          outcome: 'REFUSED', code: first.code, message, httpStatus: first.httpStatus,
        });
      } catch (e) {
        logger.error('audit write failed for a refusal (still refused)', { requestId: meta.requestId, code: first.code, error: String(e) });
      }
    },
  };
}

/** Records a refusal decided outside GraphQL execution (rate limit, export route); never throws. */
export async function recordRefusal(
  audit: AuditLog,
  logger: Logger,
  r: {
    readonly request: Request;
    readonly serverContext: unknown;
    readonly code: string;
    readonly message: string;
    readonly httpStatus: number;
    readonly action: string;
    readonly actor?: Actor;
  },
): Promise<void> {
  const meta = requestMeta(r.request, r.serverContext);
  try {
    await audit.record({
      type: 'REFUSAL', requestId: meta.requestId, actor: r.actor ?? ANONYMOUS, unit: null, action: r.action, origin: meta.origin,
      outcome: 'REFUSED', code: r.code, message: clip(r.message, 500), httpStatus: r.httpStatus,
    });
  } catch (e) {
    logger.error('audit write failed for a refusal (still refused)', { requestId: meta.requestId, code: r.code, error: String(e) });
  }
}

function nodeMeta(req: IncomingMessage): Meta {
  const header = requestIdSchema.safeParse(req.headers['x-request-id']);
  const origin = req.headers.origin;
  return {
    requestId: header.success ? header.data : randomUUID(),
    origin: { address: req.socket.remoteAddress ?? null, origin: origin === undefined ? null : clip(origin, 256) },
  };
}

/**
 * Wraps the export route: the export is recorded before it runs (a failed write answers 500 and
 * exports nothing) and again with its outcome.
 */
export function auditedExport(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  audit: AuditLog,
  logger: Logger,
  actor: (req: IncomingMessage) => { subject: string | null; roles: Role[] } = () => ({ subject: null, roles: [] }),
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const meta = nodeMeta(req);
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const format = z.enum(['csv', 'json']).safeParse(url.searchParams.get('format') ?? 'csv');
    const year = z.coerce.number().int().min(0).max(9999).safeParse(url.searchParams.get('year'));
    const base = {
      type: 'EXPORT' as const, requestId: meta.requestId, actor: actor(req), unit: clip(url.searchParams.get('unit') ?? '', 16) || null,
      action: 'export:run', origin: meta.origin, format: format.success ? format.data : null, year: year.success ? year.data : null,
    };
    try {
      await audit.record({ ...base, outcome: 'ATTEMPT' });
    } catch (e) {
      logger.error('audit write failed: export refused', { requestId: meta.requestId, error: String(e) });
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'the export was not run: its audit record could not be written' }));
      return;
    }
    await handler(req, res);
    try {
      await audit.record({ ...base, outcome: res.statusCode < 400 ? 'OK' : 'ERROR' });
    } catch (e) {
      logger.error('audit write failed after an export ran', { requestId: meta.requestId, error: String(e) });
    }
  };
}

/** Largest page of `GET /admin/audit`. */
export const AUDIT_PAGE_MAX = 500;

const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
  /** Only records about this unit (its code as recorded). */
  unit: z.string().regex(/^\d{2,5}$/, 'a unit code is 2 to 5 digits').optional(),
  /** Only records at or after this instant (ISO 8601 date or date-time). */
  since: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  /** The page before this sequence number (the previous page's `next`). */
  before: z.coerce.number().int().min(1).optional(),
});

/**
 * `GET /admin/audit?limit=&unit=&since=&before=`: audit records, newest first, for administrators
 * only, verified by the same rules as the GraphQL endpoint (issuer's JWKS, issuer, audience,
 * algorithms). No token or a bad one: 401; a token without ADMIN: 403; every refusal is itself
 * audited. Pages are bounded ({@link AUDIT_PAGE_MAX}) and follow `next` (a sequence number, stable
 * as records are appended).
 */
export function createAuditReadHandler(audit: AuditLog, logger: Logger, verify: BearerVerifier) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    const meta = nodeMeta(req);
    const refuse = async (status: number, code: string, message: string, actor: Actor, headers: Record<string, string> = {}): Promise<void> => {
      try {
        await audit.record({ type: 'REFUSAL', requestId: meta.requestId, actor, unit: null, action: 'audit:read', origin: meta.origin, outcome: 'REFUSED', code, message: clip(message, 500), httpStatus: status });
      } catch (e) {
        logger.error('audit write failed for a refusal (still refused)', { requestId: meta.requestId, code, error: String(e) });
      }
      send(status, { errors: [{ message, extensions: { code } }] }, headers);
    };
    if (req.method !== 'GET') return refuse(405, 'METHOD_NOT_ALLOWED', 'the audit log is read with GET', ANONYMOUS, { allow: 'GET' });
    let identity: Identity | null;
    try {
      identity = await verify(req.headers.authorization);
    } catch (e: unknown) {
      if (!(e instanceof AccessTokenError)) throw e;
      return refuse(401, 'UNAUTHENTICATED', `a valid access token is required: ${e.message}`, ANONYMOUS, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    if (identity === null) return refuse(401, 'UNAUTHENTICATED', 'a valid access token is required to read the audit log', ANONYMOUS, { 'www-authenticate': 'Bearer' });
    const actor = actorOfIdentity(identity);
    if (!identity.roles.has('ADMIN')) return refuse(403, 'FORBIDDEN', 'the ADMIN role is required to read the audit log', actor);
    const params = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://gateway.invalid').searchParams));
    if (!params.success) {
      return refuse(400, 'BAD_USER_INPUT', `bad query: ${params.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`, actor);
    }
    const { limit, unit, since, before } = params.data;
    const page = await audit.search({ limit, ...(unit === undefined ? {} : { unit }), ...(since === undefined ? {} : { since: new Date(since).toISOString() }), ...(before === undefined ? {} : { before }) });
    send(200, page);
  };
}
