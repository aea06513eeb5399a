/**
 * The services of the system and their default loopback ports: one place that the start
 * script, the composition script, the gateway and the end-to-end tests all read.
 */

/** Systems with an upstream (and so a simulator). */
export type UpstreamSystem = 'plans' | 'documents' | 'services' | 'labour';
/** Subgraphs behind the gateway. */
export type SubgraphName = UpstreamSystem | 'dti' | 'submissions';

export interface SimulatorSpec {
  readonly system: UpstreamSystem;
  /** Entry module, relative to the repository root. */
  readonly entry: string;
  readonly defaultPort: number;
}

export interface SubgraphSpec {
  readonly name: SubgraphName;
  readonly entry: string;
  /** Module exporting `createSubgraph` and `loadConfig`, relative to the repository root. */
  readonly module: string;
  readonly defaultPort: number;
  /** The upstream it wraps; null for a subgraph with no upstream of its own. */
  readonly upstream: UpstreamSystem | null;
}

export const SIMULATORS: readonly SimulatorSpec[] = [
  { system: 'plans', entry: 'simulators/plans/main.ts', defaultPort: 4101 },
  { system: 'documents', entry: 'simulators/documents/main.ts', defaultPort: 4102 },
  { system: 'services', entry: 'simulators/services/main.ts', defaultPort: 4103 },
  { system: 'labour', entry: 'simulators/labour/main.ts', defaultPort: 4104 },
];

export const SUBGRAPHS: readonly SubgraphSpec[] = [
  { name: 'plans', entry: 'subgraphs/plans/main.ts', module: 'subgraphs/plans/index.ts', defaultPort: 4001, upstream: 'plans' },
  { name: 'documents', entry: 'subgraphs/documents/main.ts', module: 'subgraphs/documents/index.ts', defaultPort: 4002, upstream: 'documents' },
  { name: 'services', entry: 'subgraphs/services/main.ts', module: 'subgraphs/services/index.ts', defaultPort: 4003, upstream: 'services' },
  { name: 'labour', entry: 'subgraphs/labour/main.ts', module: 'subgraphs/labour/index.ts', defaultPort: 4004, upstream: 'labour' },
  { name: 'dti', entry: 'subgraphs/dti/main.ts', module: 'subgraphs/dti/index.ts', defaultPort: 4005, upstream: null },
  { name: 'submissions', entry: 'subgraphs/submissions/main.ts', module: 'subgraphs/submissions/index.ts', defaultPort: 4006, upstream: null },
];

/**
 * `nodeArgs`: Node/V8 options of a process that hosts the gateway alone. A young generation of
 * at most 8 MB per semi-space: V8's default let it grow to tens of MB under load, which was most
 * of the gap in peak RSS to @apollo/gateway (issue #9 goal 5: 407 → 338 MB on bench:gateways'
 * mixed list, no more CPU per request). Dockerfile, docker-compose.yml and the Kubernetes
 * manifest start the gateway with the same options.
 */
export const GATEWAY = { entry: 'gateway/main.ts', defaultPort: 4000, nodeArgs: ['--max-semi-space-size=8'] } as const;

/** The development OpenID provider of the embedded default (a province runs its own). */
export const IDENTITY_PROVIDER = { entry: 'simulators/oidc/main.ts', defaultPort: 4010 } as const;

/** Resource indicator and `aud` of access tokens for the gateway's API. */
export const API_AUDIENCE = 'urn:dti-graph:api';

/** Environment variable through which the gateway learns a subgraph's URL, e.g. SUBGRAPH_PLANS_URL. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `SUBGRAPH_${name.toUpperCase()}_URL`;
}

/** Repository root, as a file URL ending in '/'. */
export const REPO_ROOT_URL = new URL('../../', import.meta.url);
