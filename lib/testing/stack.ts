import { z } from 'zod';
import {
  createUpstreamTokenMinter,
  GATEWAY_PUBLIC_KEY_VAR,
  generateGatewayKeys,
  type Identity,
  type UpstreamTokenMinter,
} from '../access/index.ts';
import { subgraphServerConfigFromEnv, type Subgraph } from '../subgraph/index.ts';

/** The identity a stack's requests carry by default: an administrator reads every unit. */
export const STACK_ADMIN: Identity = { subject: 'stack-admin', name: null, roles: new Set(['ADMIN']), units: [] };

let minter: Promise<UpstreamTokenMinter> | undefined;
/**
 * Plays the gateway for a subgraph started in-process: one key pair per test process, its public
 * half in the environment the subgraph reads at start, every request with a freshly minted token.
 */
export function stackMinter(): Promise<UpstreamTokenMinter> {
  minter ??= generateGatewayKeys().then((keys) => {
    process.env[GATEWAY_PUBLIC_KEY_VAR] = keys.publicJwk;
    return createUpstreamTokenMinter(keys.privateJwk);
  });
  return minter;
}

const HOST = '127.0.0.1';

/** A running simulator as the stack needs it: where it listens, and how to stop it. */
export interface StackSimulator extends AsyncDisposable {
  readonly url: string;
}

/** A GraphQL-over-HTTP response body, data left for the test's own schema. */
export const graphqlResponseSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

/** The simulator's request counters (`GET /_sim/requests`); control calls are not counted. */
export interface UpstreamRequests {
  readonly total: number;
  readonly byRoute: Readonly<Record<string, number>>;
}
const upstreamRequestsSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) });

/** A subgraph over its real simulator, both on free loopback ports; disposing closes both. */
export interface SubgraphStack extends AsyncDisposable {
  /** The subgraph's GraphQL endpoint. */
  readonly url: string;
  /** Posts an operation to the subgraph as the gateway would (as `identity`, default an administrator) and returns the JSON body as is. */
  gql(query: string, variables?: Readonly<Record<string, unknown>>, identity?: Identity | null): Promise<unknown>;
  /** Upstream API requests the simulator counted since it started or was last reset. */
  upstreamRequests(): Promise<UpstreamRequests>;
  /** Zeroes the simulator's request counters. */
  resetRequests(): Promise<void>;
  /** Sets simulator faults (`{ down }`, `{ errorRate }`, `{ malformed }`, `{ latencyMs }`). */
  fault(faults: Readonly<Record<string, unknown>>): Promise<void>;
}

/** What a stack is built from. */
export interface SubgraphStackOptions {
  /** Starts the simulator on a free port. */
  readonly startSimulator: (port: number, host: string) => Promise<StackSimulator>;
  /** Builds the subgraph against the simulator's base URL. */
  readonly createSubgraph: (upstreamUrl: string) => Subgraph;
}

async function control(url: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`simulator control call ${init.method ?? 'GET'} ${url} answered ${res.status}`);
  return res.json();
}

/** Starts a simulator and the subgraph over it: `await using stack = await startSubgraphStack(...)`. */
export async function startSubgraphStack(options: SubgraphStackOptions): Promise<SubgraphStack> {
  // Until `move()`, a failed start closes what already started.
  await using resources = new AsyncDisposableStack();
  const mint = await stackMinter();
  const sim = resources.use(await options.startSimulator(0, HOST));
  const subgraph = options.createSubgraph(sim.url);
  resources.defer(() => subgraph.close());
  const running = resources.use(await subgraph.start({ port: 0, host: HOST, server: subgraphServerConfigFromEnv(process.env) }));
  const owned = resources.move();
  return {
    url: running.url,
    gql: async (query, variables = {}, identity = STACK_ADMIN) => {
      const token = await mint(subgraph.name, identity);
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    upstreamRequests: async () => upstreamRequestsSchema.parse(await control(`${sim.url}/_sim/requests`)),
    resetRequests: async () => void (await control(`${sim.url}/_sim/requests`, { method: 'DELETE' })),
    fault: async (faults) =>
      void (await control(`${sim.url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) })),
    [Symbol.asyncDispose]: () => owned.disposeAsync(),
  };
}
