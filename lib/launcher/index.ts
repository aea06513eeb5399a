import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../access/gateway-keys.ts';
import { GATEWAY, IDENTITY_PROVIDER, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable, type SubgraphName, type UpstreamSystem } from '../topology/index.ts';
import { containedEventSchema, restartDelayMs } from './restart.ts';
import { HOSTED_SERVICES_VAR, type HostedSpec } from './service.ts';
import { portProblems } from './ports.ts';

export { FETCH_BLOCKED_PORTS, portProblems } from './ports.ts';
export { restartDelayMs } from './restart.ts';

/** Where the system's services listen. */
export interface Ports {
  readonly host: string;
  readonly gateway: number;
  /** Port of the first subgraph; the others follow in topology order. */
  readonly subgraphBase: number;
  /** Port of the first simulator; the others follow in topology order. */
  readonly simulatorBase: number;
  /** Port of the development OpenID provider. @default 4010 */
  readonly identity?: number;
}

/** One started service. */
export interface ServiceInfo {
  readonly name: string;
  readonly kind: 'simulator' | 'subgraph' | 'gateway' | 'identity';
  readonly url: string;
  /** Pid of the first process hosting it; after a restart, ask `pidOf(name)`. */
  readonly pid: number;
}

/** What the supervisor did, for the terminal or a test. */
export type SupervisorEvent =
  | { readonly type: 'exited'; readonly name: string; readonly code: number | null; readonly signal: string | null; readonly restartInMs: number }
  | { readonly type: 'restarted'; readonly name: string; readonly pid: number }
  | { readonly type: 'not-ready'; readonly name: string; readonly reason: string }
  /** A service restarted in place inside the process hosting it, the others there kept serving (lib/launcher/contain.ts). */
  | { readonly type: 'service-crashed'; readonly name: string; readonly process: string; readonly restartInMs: number }
  | { readonly type: 'service-restarted'; readonly name: string; readonly process: string };

/** The whole system running as separate processes; dispose to stop them all. */
export interface RunningSystem extends AsyncDisposable {
  readonly services: readonly ServiceInfo[];
  readonly gatewayUrl: string;
  /** Issuer URL of the development OpenID provider. */
  readonly issuerUrl: string;
  simulatorUrl(system: string): string;
  /** Current pid of the process hosting a service (changes when it is restarted); undefined while it is down. */
  pidOf(name: string): number | undefined;
  /** Times the process hosting a service was restarted after a crash. */
  restarts(name: string): number;
  subgraphUrl(name: SubgraphName): string;
  /** The processes and the services each hosts (one per service in the `processes` layout). */
  processes(): readonly ProcessInfo[];
  /** Resolves when any child exits on its own (a crash), with its name and exit code; with `restart` it is also restarted. */
  readonly exited: Promise<{ readonly name: string; readonly code: number | null }>;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  readonly ports: Ports;
  /** Extra environment for every child (e.g. SIM_TODAY, LOG_LEVEL). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where children's stderr goes. @default 'ignore' */
  readonly stderr?: 'inherit' | 'ignore';
  /** Called as each service becomes ready. */
  readonly onReady?: (service: ServiceInfo) => void;
  /** Readiness deadline per service, ms (a loaded machine starts Node slowly). @default 120000 */
  readonly readyTimeoutMs?: number;
  /** Restart a crashed service with backoff while the others keep serving. @default true */
  readonly restart?: boolean;
  /** Crashes, restarts, services that did not come back. */
  readonly onEvent?: (event: SupervisorEvent) => void;
  /** The gateway's subgraph-signing key pair (JWK JSON); made per start when absent. Tests pass their own to play a forger. */
  readonly gatewayKeys?: { readonly privateJwk: string; readonly publicJwk: string };
  /** How services map to processes. @default 'processes' */
  readonly layout?: Layout;
}

/** The default embedded topology: gateway 4000, subgraphs 4001…, simulators 4101…, loopback. */
export const DEFAULT_PORTS: Ports = {
  host: '127.0.0.1',
  gateway: GATEWAY.defaultPort,
  subgraphBase: SUBGRAPHS[0]?.defaultPort ?? 4001,
  simulatorBase: SIMULATORS[0]?.defaultPort ?? 4101,
  identity: IDENTITY_PROVIDER.defaultPort,
};

/**
 * Young-generation cap of every child, MB per semi-space. V8 sizes it from the heap limit: on a
 * machine with a few GB free it lets it grow to 64 MB (128 MB of new space), which start-up's
 * allocation fills and idle never gives back. 16 MB (Node's old default) keeps ≈ 50 MB less
 * resident in the embedded host for the same start-up CPU. A `--max-semi-space-size` in
 * NODE_OPTIONS wins.
 */
const SEMI_SPACE_MB = 16;

/**
 * glibc malloc settings of every child (the environment's own win). MALLOC_ARENA_MAX: glibc gives
 * each thread that allocates (libuv's pool, V8's background threads) an arena of its own, up to 8
 * per core, and memory freed in one stays there; two arenas: less resident at idle. A fixed
 * MALLOC_MMAP_THRESHOLD_ (128 KiB, glibc's initial value): glibc otherwise raises it to the size of
 * the largest block freed, so once one 2–3 MB upstream body was freed the next ones come from the
 * heap and stay there fragmented: after a burst of all-province queries the documents subgraph
 * kept 1.32× its idle RSS without it, 1.14× with it; one process (`single`) 1.28× / 1.09×
 * (`npm run bench:memory -- 10 2 15 processes|single`, 30 Nov 2026). Its cost: each such block is
 * mapped afresh, ≈ 1.5–2 ms more per 3 MB buffer allocated and filled.
 */
const CHILD_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/** Node flags of every child: the watchdog makes a child exit when its supervisor dies; the young-generation cap. */
const CHILD_NODE_ARGS: readonly string[] = [
  '--import',
  fileURLToPath(new URL('./watchdog.ts', import.meta.url)),
  ...(process.env['NODE_OPTIONS']?.includes('--max-semi-space-size') === true ? [] : [`--max-semi-space-size=${SEMI_SPACE_MB}`]),
];

/** Where Node keeps compiled code between starts (git-ignored), unless NODE_COMPILE_CACHE says otherwise. */
export const COMPILE_CACHE_DIR = fileURLToPath(new URL('.cache/node-compile/', REPO_ROOT_URL));

/** Readiness probe interval, ms: a probe is one loopback request, so polling often costs little and saves start-up time. */
const PROBE_INTERVAL_MS = 20;

/** Stops a child process: `signal`, then SIGKILL if it has not exited after `killAfterMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  await gone;
  clearTimeout(timer);
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

async function waitReady(url: string, init: RequestInit, child: ChildProcess, name: string, timeoutMs: number, readyStatus: (status: number) => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready; last probe: ${lastError}`);
    }
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (res.ok || readyStatus(res.status)) return;
      lastError = `HTTP ${res.status} from ${url}`;
    } catch (e: unknown) {
      lastError = describe(e);
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms; last probe: ${lastError}`);
    await sleep(PROBE_INTERVAL_MS);
  }
}

const GRAPHQL_PING: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
};

/** One service of the system: how to start it and how to tell it is ready. */
interface ServiceSpec {
  readonly info: Omit<ServiceInfo, 'pid'>;
  readonly entry: string;
  readonly env: Record<string, string>;
  readonly probe: { readonly url: string; readonly init: RequestInit; readonly readyStatus?: (status: number) => boolean };
  /** Start order: a wave starts once the previous one is ready. */
  readonly wave: number;
  /** Node/V8 options when the service has a process of its own. */
  readonly nodeArgs?: readonly string[];
}

/** One process the supervisor keeps running: a single service, or several in the embedded host. */
interface Supervised {
  readonly name: string;
  readonly services: readonly ServiceSpec[];
  child: ChildProcess | undefined;
  startedAt: number;
  restarts: number;
  /** Consecutive quick crashes, for the backoff. */
  streak: number;
}

/** One process of a running system and the services it hosts. */
export interface ProcessInfo {
  readonly name: string;
  readonly services: readonly string[];
  /** Undefined while it is down. */
  readonly pid: number | undefined;
}

/**
 * How services map to processes.
 * - `processes`: one process per service, as in production (each its own container).
 * - `grouped`: the simulated systems and identity provider share one process, the subgraphs one, the gateway its own.
 * - `single`: everything in one process (the embedded default: modules loaded once).
 */
export type Layout = 'processes' | 'grouped' | 'single';

export const LAYOUTS = ['processes', 'grouped', 'single'] as const satisfies readonly Layout[];

/** Groups the services into processes for a layout, each group in start order. */
function groupServices(specs: readonly ServiceSpec[], layout: Layout): Array<{ readonly name: string; readonly services: ServiceSpec[] }> {
  if (layout === 'processes') return specs.map((s) => ({ name: s.info.name, services: [s] }));
  if (layout === 'single') return [{ name: 'embedded', services: [...specs] }];
  const of = (name: string, kinds: ReadonlyArray<ServiceInfo['kind']>): { name: string; services: ServiceSpec[] } => ({ name, services: specs.filter((s) => kinds.includes(s.info.kind)) });
  return [of('embedded-systems', ['simulator', 'identity']), of('embedded-subgraphs', ['subgraph']), of('gateway', ['gateway'])];
}

/**
 * Starts simulators, identity provider, subgraphs and gateway as HTTP servers on loopback, in
 * dependency order, and supervises them: a crashed process is restarted with backoff while the
 * other processes keep serving. The layout says which services share a process; every service
 * is the same `startService(env)` in any layout, and they talk HTTP to each other in all of them.
 */
export async function launchSystem(options: LaunchOptions): Promise<RunningSystem> {
  const { ports } = options;
  const problems = portProblems([
    { name: 'gateway', port: ports.gateway },
    ...SUBGRAPHS.map((s, i) => ({ name: `subgraph-${s.name}`, port: ports.subgraphBase + i })),
    ...SIMULATORS.map((s, i) => ({ name: `simulator-${s.system}`, port: ports.simulatorBase + i })),
    { name: 'identity', port: ports.identity ?? IDENTITY_PROVIDER.defaultPort },
  ]);
  if (problems.length > 0) throw new Error(`unusable ports:\n  ${problems.join('\n  ')}`);

  const supervised: Supervised[] = [];
  const hostOf = new Map<string, Supervised>();
  const services: ServiceInfo[] = [];
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const restart = options.restart ?? true;
  const emit = options.onEvent ?? ((): void => undefined);
  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();
  let reportExit: (v: { name: string; code: number | null }) => void = () => undefined;
  const exited = new Promise<{ name: string; code: number | null }>((resolve) => {
    reportExit = resolve;
  });

  let publicJwk = '';
  // What every service may share, so services hosted together need nothing but this in
  // `process.env`: the gateway's public key (each subgraph parses it from the environment it is
  // started with: lib/subgraph/main.ts).
  const sharedEnv = (): Record<string, string | undefined> => ({
    [GATEWAY_PUBLIC_KEY_VAR]: publicJwk,
    NODE_COMPILE_CACHE: COMPILE_CACHE_DIR,
    ...CHILD_MALLOC_ENV,
    ...process.env,
    ...options.env,
  });
  const spawnChild = (s: Supervised): ChildProcess => {
    const only = s.services.length === 1 ? s.services[0] : undefined;
    const entry = only === undefined ? 'lib/launcher/host.ts' : only.entry;
    const env =
      only === undefined
        ? { ...sharedEnv(), [HOSTED_SERVICES_VAR]: JSON.stringify(s.services.map((x): HostedSpec => ({ name: x.info.name, entry: x.entry, env: x.env, wave: x.wave }))) }
        : { ...sharedEnv(), ...only.env };
    const child = spawn(process.execPath, [...CHILD_NODE_ARGS, ...(only?.nodeArgs ?? []), fileURLToPath(new URL(entry, REPO_ROOT_URL))], {
      env,
      // The IPC channel is how a child learns its supervisor died (lib/launcher/watchdog.ts).
      stdio: ['ignore', 'ignore', options.stderr ?? 'ignore', 'ipc'],
    });
    s.child = child;
    s.startedAt = Date.now();
    child.on('message', (message) => {
      const event = containedEventSchema.safeParse(message);
      if (event.success) emit({ ...event.data, process: s.name });
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      s.child = undefined;
      reportExit({ name: s.name, code });
      if (!restart) {
        emit({ type: 'exited', name: s.name, code, signal, restartInMs: -1 });
        return;
      }
      // A process that ran a while before crashing starts its backoff afresh.
      s.streak = Date.now() - s.startedAt > 30_000 ? 0 : s.streak + 1;
      const delay = restartDelayMs(s.streak - 1);
      emit({ type: 'exited', name: s.name, code, signal, restartInMs: delay });
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (stopping) return;
        const again = spawnChild(s);
        s.restarts += 1;
        waitAllReady(s, again).then(
          () => emit({ type: 'restarted', name: s.name, pid: again.pid ?? -1 }),
          (e: unknown) => emit({ type: 'not-ready', name: s.name, reason: describe(e) }),
        );
      }, delay);
      timers.add(timer);
    });
    return child;
  };
  const waitAllReady = (s: Supervised, child: ChildProcess): Promise<void> =>
    Promise.all(s.services.map((x) => waitReady(x.probe.url, x.probe.init, child, x.info.name, timeoutMs, x.probe.readyStatus).then(() => onServiceReady(x, child)))).then(() => undefined);
  let initialStart = true;
  const onServiceReady = (x: ServiceSpec, child: ChildProcess): void => {
    if (!initialStart) return;
    const info: ServiceInfo = { ...x.info, pid: child.pid ?? -1 };
    services.push(info);
    options.onReady?.(info);
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    for (const t of timers) clearTimeout(t);
    await Promise.all(
      supervised.map(async ({ child }) => (child === undefined ? undefined : stopChild(child))),
    );
  };

  try {
    const gatewayUrl = `http://${ports.host}:${ports.gateway}`;
    // The key the gateway signs subgraph requests with: made per start, never written to disk;
    // subgraphs get only its public half.
    const keys = options.gatewayKeys ?? (await generateGatewayKeys());
    publicJwk = keys.publicJwk;
    const issuerUrl = `http://${ports.host}:${ports.identity ?? IDENTITY_PROVIDER.defaultPort}`;
    const simUrls = new Map(SIMULATORS.map((spec, i) => [spec.system, `http://${ports.host}:${ports.simulatorBase + i}`]));
    const subgraphEnv: Record<string, string> = Object.fromEntries(SUBGRAPHS.map((spec, i) => [subgraphUrlVariable(spec.name), `http://${ports.host}:${ports.subgraphBase + i}`]));
    const specs: ServiceSpec[] = [
      // Wave 0: the development OpenID provider and the simulated systems.
      {
        info: { name: 'identity', kind: 'identity', url: issuerUrl },
        entry: IDENTITY_PROVIDER.entry,
        env: { PORT: String(ports.identity ?? IDENTITY_PROVIDER.defaultPort), HOST: ports.host, GATEWAY_ORIGIN: gatewayUrl },
        probe: { url: `${issuerUrl}/.well-known/openid-configuration`, init: {} },
        wave: 0,
      },
      ...SIMULATORS.map((spec, i): ServiceSpec => {
        const url = simUrls.get(spec.system) ?? '';
        return {
          info: { name: `simulator-${spec.system}`, kind: 'simulator', url },
          entry: spec.entry,
          env: { PORT: String(ports.simulatorBase + i), HOST: ports.host },
          probe: { url: `${url}/_sim/health`, init: {} },
          wave: 0,
        };
      }),
      // Wave 1: the subgraphs, each over its simulator.
      ...SUBGRAPHS.map((spec, i): ServiceSpec => {
        const url = subgraphEnv[subgraphUrlVariable(spec.name)] ?? '';
        const upstream = spec.upstream === null ? {} : { UPSTREAM_URL: simUrls.get(spec.upstream) ?? '' };
        return {
          info: { name: `subgraph-${spec.name}`, kind: 'subgraph', url },
          entry: spec.entry,
          env: { PORT: String(ports.subgraphBase + i), HOST: ports.host, ...upstream },
          // A subgraph answers 401 to anyone but the gateway: any such answer means it is listening.
          probe: { url: `${url}/`, init: GRAPHQL_PING, readyStatus: (status) => status === 401 },
          wave: 1,
        };
      }),
      // Wave 2: the gateway (it reads the identity provider's discovery document as it starts).
      {
        info: { name: 'gateway', kind: 'gateway', url: `${gatewayUrl}/graphql` },
        entry: GATEWAY.entry,
        nodeArgs: GATEWAY.nodeArgs,
        env: { PORT: String(ports.gateway), HOST: ports.host, OIDC_ISSUER: issuerUrl, [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk, ...subgraphEnv },
        probe: { url: `${gatewayUrl}/graphql`, init: GRAPHQL_PING },
        wave: 2,
      },
    ];
    for (const group of groupServices(specs, options.layout ?? 'processes')) {
      const s: Supervised = { name: group.name, services: group.services, child: undefined, startedAt: 0, restarts: 0, streak: 0 };
      supervised.push(s);
      for (const x of group.services) hostOf.set(x.info.name, s);
    }
    // A process starts in the wave of its first service; processes of one wave start together.
    const waveOf = (s: Supervised): number => Math.min(...s.services.map((x) => x.wave));
    for (const wave of [...new Set(supervised.map(waveOf))].toSorted((a, b) => a - b)) {
      await Promise.all(supervised.filter((s) => waveOf(s) === wave).map((s) => waitAllReady(s, spawnChild(s))));
    }
    initialStart = false;
    return {
      services,
      gatewayUrl: `${gatewayUrl}/graphql`,
      issuerUrl,
      simulatorUrl: (system) => {
        const url = simUrls.get(system as UpstreamSystem);
        if (url === undefined) throw new Error(`no simulator for ${system}`);
        return url;
      },
      pidOf: (name) => hostOf.get(name)?.child?.pid,
      restarts: (name) => hostOf.get(name)?.restarts ?? 0,
      subgraphUrl: (name) => {
        const url = subgraphEnv[subgraphUrlVariable(name)];
        if (url === undefined) throw new Error(`no subgraph ${name}`);
        return url;
      },
      processes: () => supervised.map((s) => ({ name: s.name, services: s.services.map((x) => x.info.name), pid: s.child?.pid })),
      exited,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (e: unknown) {
    await stop();
    throw e;
  }
}
