import { execFileSync } from 'node:child_process';
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

/** Posts a query to the gateway with a bearer token (from `tokenFor`). */
export async function gqlAs(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse & { status: number }> {
  const res = await fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...graphqlResponseSchema.parse(await res.json()) };
}

/** An access token from the running development identity provider (`npm run token`). */
export function tokenFor(sub: string, roles: readonly string[], units: readonly string[]): string {
  const args = ['scripts/token.ts', '--sub', sub, ...roles.flatMap((r) => ['--role', r]), ...units.flatMap((u) => ['--unit', u])];
  return execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
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
