import { inject } from 'vitest';
import { z } from 'zod';
import { graphqlResponseSchema } from '../../lib/testing/index.ts';

export type GraphQLResponse = z.output<typeof graphqlResponseSchema>;

/** Options of one request: `cache: true` lets the gateway's shared response cache answer; `headers` are added. */
export interface GqlOptions {
  readonly cache?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Posts a query to the gateway under test. Tests observe the system itself, so by default the
 * request asks for a fresh answer (`Cache-Control: no-cache` bypasses the response cache).
 */
export async function gql(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<GraphQLResponse & { status: number }> {
  const res = await gqlRaw(query, variables, options);
  return { status: res.status, ...graphqlResponseSchema.parse(await res.json()) };
}

/** Like `gql`, but the raw response (headers, body unread). */
export async function gqlRaw(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<Response> {
  return fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(options.cache === true ? {} : { 'cache-control': 'no-cache' }),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
}

/** GET on the gateway's origin (metrics, health, the IDE), outside GraphQL. */
export async function gatewayGet(path: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(new URL(path, inject('gatewayUrl')), { headers });
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
