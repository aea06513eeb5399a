import { inject } from 'vitest';
import { z } from 'zod';
import { graphqlResponseSchema } from '../../lib/testing/index.ts';

export type GraphQLResponse = z.output<typeof graphqlResponseSchema>;

/** Posts a query to the gateway under test. */
export async function gql(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse & { status: number }> {
  const res = await fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...graphqlResponseSchema.parse(await res.json()) };
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
