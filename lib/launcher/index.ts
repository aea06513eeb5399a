import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../access/index.ts';
import { GATEWAY, IDENTITY_PROVIDER, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../topology/index.ts';
import { portProblems } from './ports.ts';

export { FETCH_BLOCKED_PORTS, portProblems } from './ports.ts';

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
  /** Pid of the first process; after a restart, ask `pidOf(name)`. */
  readonly pid: number;
}

/** What the supervisor did, for the terminal or a test. */
export type SupervisorEvent =
  | { readonly type: 'exited'; readonly name: string; readonly code: number | null; readonly signal: string | null; readonly restartInMs: number }
  | { readonly type: 'restarted'; readonly name: string; readonly pid: number }
  | { readonly type: 'not-ready'; readonly name: string; readonly reason: string };

/** The whole system running as separate processes; dispose to stop them all. */
export interface RunningSystem extends AsyncDisposable {
  readonly services: readonly ServiceInfo[];
  readonly gatewayUrl: string;
  /** Issuer URL of the development OpenID provider. */
  readonly issuerUrl: string;
  simulatorUrl(system: string): string;
  /** Current pid of a service (changes when it is restarted); undefined while it is down. */
  pidOf(name: string): number | undefined;
  /** Times a service was restarted after a crash. */
  restarts(name: string): number;
  subgraphUrl(name: SubgraphName): string;
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
}

/** The default embedded topology: gateway 4000, subgraphs 4001…, simulators 4101…, loopback. */
export const DEFAULT_PORTS: Ports = {
  host: '127.0.0.1',
  gateway: GATEWAY.defaultPort,
  subgraphBase: SUBGRAPHS[0]?.defaultPort ?? 4001,
  simulatorBase: SIMULATORS[0]?.defaultPort ?? 4101,
  identity: IDENTITY_PROVIDER.defaultPort,
};

/** Node flags of every child: the watchdog makes a child exit when its supervisor dies. */
const CHILD_NODE_ARGS: readonly string[] = ['--import', fileURLToPath(new URL('./watchdog.ts', import.meta.url))];

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
      if (res.ok || readyStatus(res.status)) return;
      lastError = `HTTP ${res.status} from ${url}`;
    } catch (e: unknown) {
      lastError = describe(e);
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms; last probe: ${lastError}`);
    await sleep(100);
  }
}

const GRAPHQL_PING: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
};

/** One service the supervisor keeps running. */
interface Supervised {
  readonly info: Omit<ServiceInfo, 'pid'>;
  readonly entry: string;
  readonly env: Record<string, string>;
  readonly probe: { readonly url: string; readonly init: RequestInit; readonly readyStatus?: (status: number) => boolean };
  child: ChildProcess | undefined;
  startedAt: number;
  restarts: number;
  /** Consecutive quick crashes, for the backoff. */
  streak: number;
}

/** Backoff before restart n of a quick-crash streak: 250 ms doubling, at most 10 s. */
export function restartDelayMs(streak: number): number {
  return Math.min(10_000, 250 * 2 ** Math.max(0, streak));
}

/**
 * Starts simulators, subgraphs and gateway as separate Node processes talking HTTP over
 * loopback, in dependency order, each waited for before the next wave, and supervises them: a
 * crashed service is restarted with backoff while the others keep serving.
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

  const supervised = new Map<string, Supervised>();
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

  const spawnChild = (s: Supervised): ChildProcess => {
    const child = spawn(process.execPath, [...CHILD_NODE_ARGS, fileURLToPath(new URL(s.entry, REPO_ROOT_URL))], {
      env: { ...process.env, ...options.env, ...s.env },
      // The IPC channel is how a child learns its supervisor died (lib/launcher/watchdog.ts).
      stdio: ['ignore', 'ignore', options.stderr ?? 'ignore', 'ipc'],
    });
    s.child = child;
    s.startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (stopping) return;
      s.child = undefined;
      reportExit({ name: s.info.name, code });
      if (!restart) {
        emit({ type: 'exited', name: s.info.name, code, signal, restartInMs: -1 });
        return;
      }
      // A service that ran a while before crashing starts its backoff afresh.
      s.streak = Date.now() - s.startedAt > 30_000 ? 0 : s.streak + 1;
      const delay = restartDelayMs(s.streak - 1);
      emit({ type: 'exited', name: s.info.name, code, signal, restartInMs: delay });
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (stopping) return;
        const again = spawnChild(s);
        s.restarts += 1;
        waitReady(s.probe.url, s.probe.init, again, s.info.name, timeoutMs, s.probe.readyStatus).then(
          () => emit({ type: 'restarted', name: s.info.name, pid: again.pid ?? -1 }),
          (e: unknown) => emit({ type: 'not-ready', name: s.info.name, reason: describe(e) }),
        );
      }, delay);
      timers.add(timer);
    });
    return child;
  };

  const start = async (s: Supervised): Promise<void> => {
    supervised.set(s.info.name, s);
    const child = spawnChild(s);
    await waitReady(s.probe.url, s.probe.init, child, s.info.name, timeoutMs, s.probe.readyStatus);
    const info: ServiceInfo = { ...s.info, pid: child.pid ?? -1 };
    services.push(info);
    options.onReady?.(info);
  };

  const supervise = (info: Supervised['info'], entry: string, env: Record<string, string>, probe: Supervised['probe']): Supervised => ({
    info,
    entry,
    env,
    probe,
    child: undefined,
    startedAt: 0,
    restarts: 0,
    streak: 0,
  });

  const stop = async (): Promise<void> => {
    stopping = true;
    for (const t of timers) clearTimeout(t);
    await Promise.all(
      [...supervised.values()].map(async ({ child }) => {
        if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
        const gone = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }),
    );
  };

  try {
    const gatewayUrl = `http://${ports.host}:${ports.gateway}`;
    // The key the gateway signs subgraph requests with: made per start, never written to disk;
    // subgraphs get only its public half.
    const keys = options.gatewayKeys ?? (await generateGatewayKeys());
    const issuerUrl = `http://${ports.host}:${ports.identity ?? IDENTITY_PROVIDER.defaultPort}`;
    // Wave 1 (alongside the simulators): the development OpenID provider.
    const idpReady = start(
      supervise({ name: 'identity', kind: 'identity', url: issuerUrl }, IDENTITY_PROVIDER.entry, {
        PORT: String(ports.identity ?? IDENTITY_PROVIDER.defaultPort),
        HOST: ports.host,
        GATEWAY_ORIGIN: gatewayUrl,
      }, { url: `${issuerUrl}/.well-known/openid-configuration`, init: {} }),
    );
    // Its failure is awaited before the gateway; keep it from surfacing as unhandled meanwhile.
    idpReady.catch(() => undefined);
    const simUrls = new Map<string, string>();
    // Wave 1: the simulated systems.
    await Promise.all(
      SIMULATORS.map(async (spec, i) => {
        const port = ports.simulatorBase + i;
        const url = `http://${ports.host}:${port}`;
        const name = `simulator-${spec.system}`;
        await start(supervise({ name, kind: 'simulator', url }, spec.entry, { PORT: String(port), HOST: ports.host }, { url: `${url}/_sim/health`, init: {} }));
        simUrls.set(spec.system, url);
      }),
    );
    // Wave 2: the subgraphs, each over its simulator.
    const subgraphEnv: Record<string, string> = {};
    await Promise.all(
      SUBGRAPHS.map(async (spec, i) => {
        const port = ports.subgraphBase + i;
        const url = `http://${ports.host}:${port}`;
        const upstream = spec.upstream === null ? {} : { UPSTREAM_URL: simUrls.get(spec.upstream) ?? '' };
        const name = `subgraph-${spec.name}`;
        // A subgraph answers 401 to anyone but the gateway: any such answer means it is listening.
        await start(
          supervise({ name, kind: 'subgraph', url }, spec.entry, { PORT: String(port), HOST: ports.host, [GATEWAY_PUBLIC_KEY_VAR]: keys.publicJwk, ...upstream }, {
            url: `${url}/`,
            init: GRAPHQL_PING,
            readyStatus: (status) => status === 401,
          }),
        );
        subgraphEnv[subgraphUrlVariable(spec.name)] = url;
      }),
    );
    await idpReady;
    // Wave 3: the gateway.
    await start(
      supervise(
        { name: 'gateway', kind: 'gateway', url: `${gatewayUrl}/graphql` },
        GATEWAY.entry,
        { PORT: String(ports.gateway), HOST: ports.host, OIDC_ISSUER: issuerUrl, [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk, ...subgraphEnv },
        { url: `${gatewayUrl}/graphql`, init: GRAPHQL_PING },
      ),
    );
    return {
      services,
      gatewayUrl: `${gatewayUrl}/graphql`,
      issuerUrl,
      simulatorUrl: (system) => {
        const url = simUrls.get(system);
        if (url === undefined) throw new Error(`no simulator for ${system}`);
        return url;
      },
      pidOf: (name) => supervised.get(name)?.child?.pid,
      restarts: (name) => supervised.get(name)?.restarts ?? 0,
      subgraphUrl: (name) => {
        const url = subgraphEnv[subgraphUrlVariable(name)];
        if (url === undefined) throw new Error(`no subgraph ${name}`);
        return url;
      },
      exited,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (e: unknown) {
    await stop();
    throw e;
  }
}
