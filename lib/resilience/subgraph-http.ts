import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { durationMsSchema, parseEnv } from '../config/index.ts';
import type { Logger } from '../logging/index.ts';
import { serveOperational, traced } from '../subgraph/http.ts';
import { answerMarginMs, budgetFor, CORRELATION_HEADER, correlationIdFrom, runInScope, type BudgetPolicy, type RequestScope } from './deadline.ts';

/**
 * The subgraphs' HTTP front, in place of Apollo's standalone server: every request runs inside
 * its {@link RequestScope} (deadline from the gateway, abort when the client leaves), a body too
 * large or not JSON gets a JSON GraphQL error rather than an HTML stack trace with file paths, and
 * nothing internal reaches the client.
 */

/** Thrown as the scope's abort reason when the request's budget is spent. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}
/** Thrown as the scope's abort reason when the client closed the connection first. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/** What admission grants one request before it is read: the context's input and the deadline budget. */
export interface Admitted<A> {
  readonly access: A;
  /** Budget granted by the gateway's verified token, ms; null: the policy's default. */
  readonly budgetMs: number | null;
}

export interface SubgraphHttpOptions<C extends BaseContext, A> {
  readonly name: string;
  /**
   * Verifies the caller before the body is read (the gateway's token); a thrown error carrying
   * `extensions.http.status` (401) is answered with that status and its code.
   */
  readonly admit: (req: IncomingMessage) => Promise<Admitted<A>>;
  readonly context: (req: IncomingMessage, access: A) => Promise<C>;
  readonly logger: Logger;
  readonly budget: BudgetPolicy;
  /** Largest request body accepted, bytes. @default 16 MiB */
  readonly maxBodyBytes?: number;
}

const envSchema = z.object({
  /** Budget of a request that did not come through the gateway. */
  REQUEST_BUDGET_MS: durationMsSchema.default(15_000),
  /** Longest budget the gateway may grant (exports). */
  REQUEST_BUDGET_MAX_MS: durationMsSchema.default(120_000),
});

/** The budget policy from the environment. */
export function budgetPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): BudgetPolicy {
  const e = parseEnv(envSchema, env);
  return { defaultMs: e.REQUEST_BUDGET_MS, maxMs: e.REQUEST_BUDGET_MAX_MS };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendError(res: ServerResponse, status: number, code: string, message: string, correlationId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', [CORRELATION_HEADER]: correlationId });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, correlationId } }] }));
}

/** Truncates text bound for the logs, so one request cannot flood them. */
export function clip(text: string, max = 2000): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** The status, code and message of an admission refusal (a GraphQLError with `extensions.http.status`), or null for any other failure. */
function refusalOf(e: unknown): { status: number; code: string; message: string } | null {
  if (typeof e !== 'object' || e === null || !('extensions' in e) || !(e instanceof Error)) return null;
  const ext = z.object({ code: z.string(), http: z.object({ status: z.number().int().min(400).max(499) }) }).safeParse(e.extensions);
  return ext.success ? { status: ext.data.http.status, code: ext.data.code, message: e.message } : null;
}

/** Serves `server` on `host:port`; `close` stops Apollo and drops open connections. */
export async function serveSubgraph<C extends BaseContext, A>(
  server: ApolloServer<C>,
  options: SubgraphHttpOptions<C, A>,
  listen: { readonly port: number; readonly host: string },
): Promise<{ readonly url: string; readonly httpServer: Server; close(): Promise<void> }> {
  await server.start();
  const limit = options.maxBodyBytes ?? 16 * 1024 * 1024;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    let admitted: Admitted<A>;
    try {
      admitted = await options.admit(req);
    } catch (e: unknown) {
      const refusal = refusalOf(e);
      req.resume();
      if (refusal !== null) return sendError(res, refusal.status, refusal.code, refusal.message, correlationId);
      options.logger.error('admission failed', { subgraph: options.name, correlationId, error: clip(e instanceof Error ? (e.stack ?? e.message) : String(e)) });
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', correlationId);
    }
    const budgetMs = budgetFor(admitted.budgetMs, options.budget);
    const workMs = Math.max(1, budgetMs - answerMarginMs(budgetMs));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DeadlineExceeded(`budget of ${budgetMs} ms spent`)), workMs);
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new ClientGone('client closed the connection'));
    });
    const scope: RequestScope = { deadline: Date.now() + workMs, signal: controller.signal, correlationId };
    try {
      let body: unknown;
      if (req.method === 'POST') {
        let text: string;
        try {
          text = await readBody(req, limit);
        } catch (e: unknown) {
          if (e instanceof BodyTooLarge) return sendError(res, 413, 'BAD_REQUEST', `request body larger than ${limit} bytes`, correlationId);
          throw e;
        }
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON', correlationId);
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = new URL(req.url ?? '/', 'http://subgraph.invalid');
      const answer = await runInScope(scope, () =>
        server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
          context: () => options.context(req, admitted.access),
        }),
      );
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.setHeader(CORRELATION_HEADER, correlationId);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e: unknown) {
      options.logger.error('request failed', {
        subgraph: options.name,
        correlationId,
        error: clip(e instanceof Error ? (e.stack ?? e.message) : String(e)),
      });
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', correlationId);
    } finally {
      clearTimeout(timer);
    }
  };

  const httpServer = createServer((req, res) => {
    if (serveOperational(options.name, req, res)) return;
    void traced(options.name, req, res, () => handle(req, res));
  });
  // Idle keep-alive sockets from the gateway go after 5 s, so a burst's buffers do not stay.
  httpServer.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    });
    await server.stop();
  };
  return { url: `http://${host}:${port}`, httpServer, close };
}
