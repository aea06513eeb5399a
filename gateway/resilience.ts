import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { durationMsSchema, parseEnv } from '../lib/config/index.ts';
import type { Logger } from '../lib/logging/index.ts';
import { CORRELATION_HEADER, correlationIdFrom } from '../lib/resilience/deadline.ts';
import { clip } from '../lib/resilience/subgraph-http.ts';

/**
 * The gateway's side of "one deadline per request": each client request gets a deadline here
 * (longer for the export operations), every subgraph fetch carries what it may spend inside the
 * token the gateway signs for it (`budgetOf`, read by the access plugin), and errors leave as code + system + short message + correlation id, with the
 * details (subgraph URL, request body, echoed input) going to the log only.
 */

export interface ResilienceConfig {
  /** Whole-request deadline, ms. */
  readonly deadlineMs: number;
  /** Longer deadline for the named operations (the exports). */
  readonly operationDeadlines: ReadonlyMap<string, number>;
  /**
   * Share of what is left that one subgraph fetch may spend: the rest is kept for the query plan's
   * later waves (dti after the sources) and for writing the answer.
   */
  readonly fetchShare: number;
}

const envSchema = z.object({
  DTI_DEADLINE_MS: durationMsSchema.default(8000),
  DTI_EXPORT_DEADLINE_MS: durationMsSchema.default(60_000),
});

/** Operations that get the export deadline. */
export const EXPORT_OPERATIONS = ['DtiExportUnit', 'DtiExportUnits', 'DtiExportUnitList'] as const;

export function resilienceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ResilienceConfig {
  const e = parseEnv(envSchema, env);
  return {
    deadlineMs: e.DTI_DEADLINE_MS,
    operationDeadlines: new Map(EXPORT_OPERATIONS.map((op) => [op, e.DTI_EXPORT_DEADLINE_MS])),
    fetchShare: 0.7,
  };
}

// The timeout error is made with the runtime's copy of graphql: the CommonJS one, which Node's own
// `import 'graphql'` also loads. Vite (the tests) resolves our import to the ESM copy, whose errors the
// planner's runtime does not recognise as GraphQL errors: they were wrapped and masked as "Unexpected error.".
const { GraphQLError: RuntimeGraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

interface RequestState {
  readonly started: number;
  deadline: number;
  readonly correlationId: string;
}

/** Extensions a client may see (`http` is the status hint yoga strips before sending); the rest (request, serviceName, stack) goes to the log. */
const PUBLIC_EXTENSIONS = ['code', 'system', 'argument', 'currentVersion', 'upstream', 'field', 'missing', 'messageEn', 'http'] as const;
const SYSTEMS = new Set(['plans', 'documents', 'services', 'labour']);
const MAX_MESSAGE = 300;

/** Replaces URLs and host:port pairs in a message; those are for operators. */
export function redact(message: string): string {
  return message
    .replace(/\bhttps?:\/\/[^\s"')]+/g, '<internal>')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}:\d{2,5}\b/g, '<internal>')
    .replace(/\[?::1\]?:\d{2,5}/g, '<internal>');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The client-facing form of one error. */
export function publicError(error: GraphQLFormattedError | GraphQLError, correlationId: string): GraphQLError {
  const ext: Record<string, unknown> = isRecord(error.extensions) ? error.extensions : {};
  const code = typeof ext['code'] === 'string' ? ext['code'] : 'INTERNAL_SERVER_ERROR';
  const subgraph = typeof ext['serviceName'] === 'string' ? ext['serviceName'] : undefined;
  const out: Record<string, unknown> = {};
  for (const key of PUBLIC_EXTENSIONS) if (ext[key] !== undefined) out[key] = ext[key];
  if (isRecord(out['upstream'])) {
    const { method, status } = out['upstream'];
    out['upstream'] = { ...(method === undefined ? {} : { method }), ...(status === undefined ? {} : { status }) };
  }
  let message = error.message;
  if (code === 'GATEWAY_TIMEOUT' || (code === 'INTERNAL_SERVER_ERROR' && /timeout|aborted/i.test(message))) {
    // The gateway's last-resort timer fired: same meaning as a subgraph's own typed timeout.
    out['code'] = 'UPSTREAM_TIMEOUT';
    // A part that timed out is a partial answer (HTTP 200 with the rest), never a whole-request 504.
    delete out['http'];
    const who = subgraph ?? 'a subgraph';
    if (subgraph !== undefined && SYSTEMS.has(subgraph)) out['system'] = subgraph;
    message = `${who} did not answer within the request's deadline`;
  } else if (subgraph !== undefined && out['system'] === undefined && SYSTEMS.has(subgraph) && code !== 'BAD_USER_INPUT') {
    out['system'] = subgraph;
  }
  out['code'] ??= code;
  out['correlationId'] = correlationId;
  const short = redact(message);
  const clipped = short.length > MAX_MESSAGE ? `${short.slice(0, MAX_MESSAGE)}… (truncated; full text in the gateway log under this correlationId)` : short;
  return new GraphQLError(clipped, {
    ...(error.path === undefined ? {} : { path: error.path }),
    extensions: out,
  });
}

function isExecutionResult(v: unknown): v is ExecutionResult {
  return isRecord(v) && ('data' in v || 'errors' in v);
}

/** The Hive Gateway plugin (with the gateway's own timer on every subgraph fetch), and what each fetch may spend. */
export function createResilience(config: ResilienceConfig, logger: Logger) {
  // Keyed by the request object itself. Not `instanceof Request`: the runtime's requests come from
  // its own fetch implementation (@whatwg-node), not Node's global Request, so that test failed on
  // every subgraph fetch and neither the correlation id nor the time left reached the subgraphs.
  const states = new WeakMap<object, RequestState>();

  const stateOf = (request: object | undefined): RequestState | undefined => (request === undefined ? undefined : states.get(request));
  const requestOf = (context: unknown): object | undefined => {
    if (!isRecord(context)) return undefined;
    const r = context['request'];
    return typeof r === 'object' && r !== null ? r : undefined;
  };
  const fetchBudget = (state: RequestState | undefined): number => {
    const left = state === undefined ? config.deadlineMs : state.deadline - Date.now();
    return Math.max(1, Math.floor(left * config.fetchShare));
  };

  /**
   * The gateway's own timer per subgraph fetch: the subgraph's budget plus a grace for the
   * answer to travel, so in the normal case the subgraph's typed partial error arrives first.
   */
  const fetchTimeoutMs = (context: unknown): number => fetchBudget(stateOf(requestOf(context))) + 1500;

  /** Each running subgraph execution's abort, for its fetch (keyed by the execution request the fetch names). */
  const fetchControllers = new WeakMap<object, AbortController>();

  const plugin: GatewayPlugin = {
    // The gateway's own timer per subgraph execution, in place of the runtime's `upstreamTimeout`:
    // that one made an `AbortSignal.timeout` per execution and another per fetch, joined each to
    // the request's signal through weak references and finalization registries, and the timers,
    // kept alive by their listeners, fired seconds after their fetch had answered (issue #9: CPU
    // per request on the mixed workload, bench/gateway-cpu.ts, figures in the commit). Here: one
    // plain timer, cleared when the execution settles, and one AbortController that aborts the
    // fetch when the timer fires (or the client's request is aborted). The error is the runtime's:
    // GATEWAY_TIMEOUT, which `publicError` turns into UPSTREAM_TIMEOUT naming the system.
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      setExecutor((executionRequest) => {
        const outer = executionRequest.signal;
        if (outer?.aborted === true) return executor(executionRequest);
        const ctrl = new AbortController();
        const onOuterAbort = (): void => ctrl.abort(outer?.reason);
        outer?.addEventListener('abort', onOuterAbort, { once: true });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new RuntimeGraphQLError('The operation was aborted due to timeout', { extensions: { code: 'GATEWAY_TIMEOUT', serviceName: subgraphName, http: { status: 504 } } });
            // Rejected before the abort: the aborted fetch settles too, and the race must see this first.
            reject(error);
            ctrl.abort(error);
          }, fetchTimeoutMs(executionRequest.context));
        });
        const settle = (): void => {
          fetchControllers.delete(executionRequest);
          clearTimeout(timer);
          outer?.removeEventListener('abort', onOuterAbort);
        };
        // The fetch gets the signal in onFetch, not the executor: handed a signal, the HTTP executor
        // joins it to its own long-lived one and adds a listener to that per fetch, a list walked on
        // every add until the garbage collector prunes it.
        fetchControllers.set(executionRequest, ctrl);
        const result = (() => {
          try {
            return executor(executionRequest);
          } catch (e) {
            settle();
            throw e;
          }
        })();
        // A thenable, not only a native promise: the runtime's own are not always.
        if (typeof (result as { then?: unknown }).then !== 'function') {
          settle();
          return result;
        }
        return Promise.race([result, timedOut]).finally(settle);
      });
    },
    onRequest({ request }) {
      const now = Date.now();
      states.set(request, { started: now, deadline: now + config.deadlineMs, correlationId: correlationIdFrom(request.headers.get(CORRELATION_HEADER)) });
    },
    onParams({ request, params }) {
      const state = states.get(request);
      const op = params.operationName;
      const longer = op === undefined || op === null ? undefined : config.operationDeadlines.get(op);
      if (state !== undefined && longer !== undefined) state.deadline = state.started + longer;
    },
    onFetch({ context, executionRequest, options, setOptions }) {
      const ctrl = executionRequest === undefined ? undefined : fetchControllers.get(executionRequest);
      const state = stateOf(requestOf(context));
      if (state === undefined && ctrl === undefined) return;
      setOptions({
        ...options,
        ...(ctrl === undefined ? {} : { signal: ctrl.signal }),
        ...(state === undefined ? {} : { headers: { ...options.headers, [CORRELATION_HEADER]: state.correlationId } }),
      });
    },
    onResultProcess({ request, result, setResult }) {
      const state = states.get(request);
      const correlationId = state?.correlationId ?? correlationIdFrom(undefined);
      const clean = (r: ExecutionResult): ExecutionResult => {
        if (r.errors === undefined || r.errors.length === 0) return r;
        for (const e of r.errors) {
          logger.warn('graphql error', {
            correlationId,
            message: clip(e.message, 2000),
            extensions: clip(JSON.stringify(e.extensions ?? {}), 2000),
          });
        }
        return { ...r, errors: r.errors.map((e) => publicError(e, correlationId)) };
      };
      if (Array.isArray(result)) setResult(result.map((r) => (isExecutionResult(r) ? clean(r) : r)));
      else if (isExecutionResult(result)) setResult(clean(result));
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state !== undefined) response.headers.set(CORRELATION_HEADER, state.correlationId);
    },
  };

  /** What one subgraph fetch of this request may spend, ms: the access plugin signs it into the subgraph's token. */
  const budgetOf = (context: unknown): number => fetchBudget(stateOf(requestOf(context)));

  return { plugin, budgetOf };
}
