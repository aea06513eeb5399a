import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../access/index.ts';
import { GATEWAY, IDENTITY_PROVIDER, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable } from '../topology/index.ts';

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
  readonly pid: number;
}

/** The whole system running as separate processes; dispose to stop them all. */
export interface RunningSystem extends AsyncDisposable {
  readonly services: readonly ServiceInfo[];
  readonly gatewayUrl: string;
  /** Issuer URL of the development OpenID provider. */
  readonly issuerUrl: string;
  simulatorUrl(system: string): string;
  /** Resolves when any child exits on its own (a crash), with its name and exit code. */
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
  /** Readiness deadline per service, ms. @default 30000 */
  readonly readyTimeoutMs?: number;
  /** The gateway's subgraph-signing key pair; made per start when absent (tests pass one to run a second gateway). */
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

async function waitReady(url: string, init: RequestInit, child: ChildProcess, name: string, timeoutMs: number, readyStatus: (status: number) => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(1000) });
      if (res.ok || readyStatus(res.status)) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const GRAPHQL_PING: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
};

/**
 * Starts simulators, subgraphs and gateway as separate Node processes talking HTTP over
 * loopback, in dependency order, each waited for before the next wave.
 */
export async function launchSystem(options: LaunchOptions): Promise<RunningSystem> {
  const { ports } = options;
  const children: Array<{ name: string; child: ChildProcess }> = [];
  const services: ServiceInfo[] = [];
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  let stopping = false;
  let reportExit: (v: { name: string; code: number | null }) => void = () => undefined;
  const exited = new Promise<{ name: string; code: number | null }>((resolve) => {
    reportExit = resolve;
  });

  const spawnService = (name: string, entry: string, env: Record<string, string>): ChildProcess => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(entry, REPO_ROOT_URL))], {
      env: { ...process.env, ...options.env, ...env },
      stdio: ['ignore', 'ignore', options.stderr ?? 'ignore'],
    });
    child.once('exit', (code) => {
      if (!stopping) reportExit({ name, code });
    });
    children.push({ name, child });
    return child;
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    await Promise.all(
      children.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const gone = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }),
    );
  };

  const ready = (info: ServiceInfo): void => {
    services.push(info);
    options.onReady?.(info);
  };

  try {
    const gatewayUrl = `http://${ports.host}:${ports.gateway}`;
    // The key the gateway signs subgraph requests with: made per start, never written to disk;
    // subgraphs get only its public half.
    const keys = options.gatewayKeys ?? (await generateGatewayKeys());
    const issuerUrl = `http://${ports.host}:${ports.identity ?? IDENTITY_PROVIDER.defaultPort}`;
    const idp = spawnService('identity', IDENTITY_PROVIDER.entry, {
      PORT: String(ports.identity ?? IDENTITY_PROVIDER.defaultPort),
      HOST: ports.host,
      GATEWAY_ORIGIN: gatewayUrl,
    });
    const idpReady = waitReady(`${issuerUrl}/.well-known/openid-configuration`, {}, idp, 'identity', timeoutMs).then(
      () => {
        ready({ name: 'identity', kind: 'identity', url: issuerUrl, pid: idp.pid ?? -1 });
        return null;
      },
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
    const simUrls = new Map<string, string>();
    await Promise.all(
      SIMULATORS.map(async (spec, i) => {
        const port = ports.simulatorBase + i;
        const url = `http://${ports.host}:${port}`;
        const child = spawnService(`simulator-${spec.system}`, spec.entry, { PORT: String(port), HOST: ports.host });
        await waitReady(`${url}/_sim/health`, {}, child, `simulator-${spec.system}`, timeoutMs);
        simUrls.set(spec.system, url);
        ready({ name: `simulator-${spec.system}`, kind: 'simulator', url, pid: child.pid ?? -1 });
      }),
    );
    const subgraphEnv: Record<string, string> = {};
    await Promise.all(
      SUBGRAPHS.map(async (spec, i) => {
        const port = ports.subgraphBase + i;
        const url = `http://${ports.host}:${port}`;
        const upstream = spec.upstream === null ? {} : { UPSTREAM_URL: simUrls.get(spec.upstream) ?? '' };
        const child = spawnService(`subgraph-${spec.name}`, spec.entry, {
          PORT: String(port),
          HOST: ports.host,
          [GATEWAY_PUBLIC_KEY_VAR]: keys.publicJwk,
          ...upstream,
        });
        // A subgraph answers 401 to anyone but the gateway: any HTTP answer means it is listening.
        await waitReady(`${url}/`, GRAPHQL_PING, child, `subgraph-${spec.name}`, timeoutMs, (status) => status === 401);
        subgraphEnv[subgraphUrlVariable(spec.name)] = url;
        ready({ name: `subgraph-${spec.name}`, kind: 'subgraph', url, pid: child.pid ?? -1 });
      }),
    );
    const idpError = await idpReady;
    if (idpError !== null) throw idpError;
    const gw = spawnService('gateway', GATEWAY.entry, {
      PORT: String(ports.gateway),
      HOST: ports.host,
      OIDC_ISSUER: issuerUrl,
      [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk,
      ...subgraphEnv,
    });
    await waitReady(`${gatewayUrl}/graphql`, GRAPHQL_PING, gw, 'gateway', timeoutMs);
    ready({ name: 'gateway', kind: 'gateway', url: `${gatewayUrl}/graphql`, pid: gw.pid ?? -1 });
    return {
      services,
      gatewayUrl: `${gatewayUrl}/graphql`,
      issuerUrl,
      simulatorUrl: (system) => {
        const url = simUrls.get(system);
        if (url === undefined) throw new Error(`no simulator for ${system}`);
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
