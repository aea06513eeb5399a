import { inject } from 'vitest';
import { z } from 'zod';
import { graphqlResponseSchema } from '../../lib/testing/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../../simulators/oidc/config.ts';
import { requestDevToken, type DevTokenRequest } from '../../simulators/oidc/dev-token.ts';

export type GraphQLResponse = z.output<typeof graphqlResponseSchema>;

/** A seeded user of the development provider (see simulators/oidc/users.ts). */
export type SeededUserId =
  | 'admin'
  | 'viewer-56' | 'editor-56' | 'reviewer-56' | 'editor-56-b' | 'reviewer-56-b'
  | 'viewer-51' | 'editor-51' | 'reviewer-51';

const SEEDED: Record<SeededUserId, Omit<DevTokenRequest, 'sub'>> = {
  admin: { roles: ['ADMIN'], units: [] },
  'viewer-56': { roles: ['VIEWER'], units: ['56'] },
  'editor-56': { roles: ['EDITOR'], units: ['56'] },
  'reviewer-56': { roles: ['REVIEWER'], units: ['56'] },
  'editor-56-b': { roles: ['EDITOR'], units: ['56'] },
  'reviewer-56-b': { roles: ['REVIEWER'], units: ['56'] },
  'viewer-51': { roles: ['VIEWER'], units: ['51'] },
  'editor-51': { roles: ['EDITOR'], units: ['51'] },
  'reviewer-51': { roles: ['REVIEWER'], units: ['51'] },
};

/** Asks the running development provider for a token with any subject, roles, units and lifetime. */
export function token(req: DevTokenRequest): Promise<string> {
  return requestDevToken(inject('issuerUrl'), process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, req);
}

const seededTokens = new Map<SeededUserId, Promise<string>>();
/** A token of a seeded user, fetched once per test file. */
export function tokenOf(user: SeededUserId): Promise<string> {
  let t = seededTokens.get(user);
  if (t === undefined) {
    t = token({ sub: user, ...SEEDED[user], ttlS: 3600 });
    seededTokens.set(user, t);
  }
  return t;
}

/** Who a request is made as: a seeded user, a raw token (or any Authorization value), or nobody. */
export type Caller = SeededUserId | { readonly token: string } | { readonly authorization: string } | null;

async function authorizationOf(as: Caller): Promise<Record<string, string>> {
  if (as === null) return {};
  if (typeof as === 'string') return { authorization: `Bearer ${await tokenOf(as)}` };
  if ('token' in as) return { authorization: `Bearer ${as.token}` };
  return { authorization: as.authorization };
}

/** Any HTTP request to the gateway (its origin, e.g. `/exports/dti?…`) as `as`; the raw response. */
export async function gatewayFetch(path: string, as: Caller = 'admin', init: RequestInit = {}): Promise<Response> {
  const origin = new URL(inject('gatewayUrl')).origin;
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(await authorizationOf(as))) headers.set(k, v);
  return fetch(`${origin}${path}`, { ...init, headers });
}

/** Options of one request: `as` who asks (default the administrator); `cache: true` lets the gateway's shared response cache answer; `headers` are added. */
export interface GqlOptions {
  readonly as?: Caller;
  readonly cache?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Posts a query to the gateway under test, as the administrator unless `options.as` says
 * otherwise. Tests observe the system itself, so by default the request asks for a fresh answer
 * (`Cache-Control: no-cache` bypasses the response cache).
 */
export async function gql(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<GraphQLResponse & { status: number }> {
  const res = await gqlRaw(query, variables, options);
  return { status: res.status, ...graphqlResponseSchema.parse(await res.json()) };
}

/** Posts a query to the gateway under test as `as` (a seeded user, a token, or nobody). */
export function gqlAs(as: Caller, query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<GraphQLResponse & { status: number }> {
  return gql(query, variables, { ...options, as });
}

/** Like `gql`, but the raw response (headers, body unread). */
export async function gqlRaw(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<Response> {
  return fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(options.cache === true ? {} : { 'cache-control': 'no-cache' }),
      ...(await authorizationOf(options.as === undefined ? 'admin' : options.as)),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
}

/** GET on the gateway's origin (metrics, health, the IDE), outside GraphQL. */
export async function gatewayGet(path: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(new URL(path, inject('gatewayUrl')), { headers });
}

/** A raw HTTP answer, for tests that check status codes and headers. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GraphQLResponse | null;
}

/**
 * Sends any HTTP request to the gateway under test (or to `gatewayUrl`, a second gateway a test
 * started): method, headers and body as given; the body is parsed when it is GraphQL JSON.
 */
export async function rawRequest(init: {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly search?: string;
  readonly path?: string;
  readonly gatewayUrl?: string;
}): Promise<RawResponse> {
  const url = new URL(init.gatewayUrl ?? inject('gatewayUrl'));
  if (init.path !== undefined) url.pathname = init.path;
  if (init.search !== undefined) url.search = init.search;
  const res = await fetch(url, { method: init.method ?? 'POST', headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await res.text();
  let body: GraphQLResponse | null = null;
  try {
    const parsed = graphqlResponseSchema.safeParse(JSON.parse(text));
    body = parsed.success ? parsed.data : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body };
}

/** Posts a query (or a `documentId`) as JSON to a gateway, by default the one under test. */
export async function gqlAt(gatewayUrl: string | undefined, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    ...(gatewayUrl === undefined ? {} : { gatewayUrl }),
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(payload),
  });
}

const requestsSchema = z.object({ system: z.string(), total: z.number(), byRoute: z.record(z.string(), z.number()) });

/** Control surface of one simulator. */
export const sim = {
  url: (system: string): string => {
    const url = inject('simulatorUrls')[system];
    if (url === undefined) throw new Error(`no simulator ${system}`);
    return url;
  },
  requests: async (system: string) => requestsSchema.parse(await (await fetch(`${sim.url(system)}/_sim/requests`)).json()),
  resetRequests: async (system: string): Promise<void> => {
    await fetch(`${sim.url(system)}/_sim/requests`, { method: 'DELETE' });
  },
  faults: async (system: string, faults: Record<string, unknown>): Promise<void> => {
    const res = await fetch(`${sim.url(system)}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    if (!res.ok) throw new Error(`setting faults on ${system} failed: ${res.status}`);
  },
  clearFaults: async (system: string): Promise<void> => {
    await fetch(`${sim.url(system)}/_sim/faults`, { method: 'DELETE' });
  },
};

/** Follows a path of keys into a JSON value. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
