import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultsPatchSchema, NO_FAULTS, type Faults } from './faults.ts';
import { prng } from './random.ts';

/** Upstream systems the project simulates. */
export type SystemName = 'plans' | 'documents' | 'services' | 'labour';

/** What a route handler sees of a request. */
export interface SimRequest {
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  /** Raw body text ('' when none). */
  readonly body: string;
  /** True when the malformed fault is on: the handler answers with a payload that breaks its shape. */
  readonly malformed: boolean;
}

/** What a route handler answers. `json` is serialised as UTF-8 JSON; `text` is sent as is. */
export type SimResponse =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  /** `text` may be the body already encoded (UTF-8), for a large answer served again and again. */
  | { readonly status: number; readonly text: string | Uint8Array; readonly contentType: string };

/** One API route. `path` may hold `:name` segments. `name` keys the request counters. */
export interface SimRoute {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: (req: SimRequest) => SimResponse | Promise<SimResponse>;
}

/** How a system spells its 5xx answers (each vendor differs). */
export type ErrorBody = (status: number, message: string) => SimResponse;

export interface SimulatorOptions {
  readonly system: SystemName;
  readonly routes: readonly SimRoute[];
  readonly errorBody: ErrorBody;
  /** Seed of the error-rate draw, so a given errorRate fails the same requests every run. @default 1 */
  readonly faultSeed?: number;
}

/** A running simulator; dispose to close it. */
export interface RunningSimulator extends AsyncDisposable {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

function compile(path: string): (pathname: string) => Record<string, string> | null {
  const names: string[] = [];
  const source = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const re = new RegExp(`^${source}/?$`);
  return (pathname) => {
    const m = re.exec(pathname);
    if (m === null) return null;
    const params: Record<string, string> = {};
    names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1] ?? '');
    });
    return params;
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, r: SimResponse): void {
  if ('json' in r) {
    res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...r.headers });
    res.end(JSON.stringify(r.json));
  } else {
    res.writeHead(r.status, { 'content-type': r.contentType });
    res.end(r.text);
  }
}

/** Sends an answer the way a failing network would: reset half-way, or dripped slowly. */
async function sendFaulty(res: ServerResponse, r: SimResponse, faults: Faults): Promise<void> {
  const bytes = 'json' in r ? Buffer.from(JSON.stringify(r.json), 'utf8') : typeof r.text === 'string' ? Buffer.from(r.text, 'utf8') : Buffer.from(r.text);
  const contentType = 'json' in r ? 'application/json; charset=utf-8' : r.contentType;
  res.writeHead(r.status, { 'content-type': contentType, 'content-length': String(bytes.length), ...('json' in r ? r.headers : {}) });
  if (faults.reset) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Let the half reach the wire, then drop the connection mid-body.
    await sleep(10);
    res.socket?.resetAndDestroy();
    return;
  }
  const pieces = 20;
  const size = Math.max(1, Math.ceil(bytes.length / pieces));
  for (let at = 0; at < bytes.length; at += size) {
    if (res.destroyed) return;
    res.write(bytes.subarray(at, at + size));
    await sleep(Math.round(faults.dripMs / pieces));
  }
  res.end();
}

/**
 * Builds a simulator: the system's API routes plus the control surface every simulator shares
 * (`GET /_sim/requests`, `POST|DELETE /_sim/faults`, `{"crash": true}` among the faults). Control
 * calls are never counted.
 */
export function createSimulatorServer(options: SimulatorOptions): Server {
  const routes = options.routes.map((r) => ({ ...r, match: compile(r.path) }));
  let faults: Faults = NO_FAULTS;
  let total = 0;
  const byRoute: Record<string, number> = {};
  let draw = prng(options.faultSeed ?? 1);

  const control = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname === '/_sim/requests' && req.method === 'GET') {
      send(res, { status: 200, json: { system: options.system, total, byRoute } });
    } else if (url.pathname === '/_sim/requests' && req.method === 'DELETE') {
      total = 0;
      for (const k of Object.keys(byRoute)) delete byRoute[k];
      send(res, { status: 200, json: { system: options.system, total, byRoute } });
    } else if (url.pathname === '/_sim/faults' && req.method === 'POST') {
      let patch: unknown;
      try {
        patch = JSON.parse(await readBody(req));
      } catch {
        send(res, { status: 400, json: { error: 'body must be JSON' } });
        return;
      }
      const parsed = faultsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        send(res, { status: 400, json: { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) } });
        return;
      }
      const { crash, ...patchFaults } = parsed.data;
      faults = { ...faults, ...Object.fromEntries(Object.entries(patchFaults).filter(([, v]) => v !== undefined)) };
      send(res, { status: 200, json: { system: options.system, faults, ...(crash === true ? { crashing: true } : {}) } });
      if (crash === true) {
        setTimeout(() => {
          throw new Error(`simulator-${options.system} told to crash (POST /_sim/faults {"crash": true})`);
        }, 10);
      }
    } else if (url.pathname === '/_sim/faults' && req.method === 'DELETE') {
      faults = NO_FAULTS;
      draw = prng(options.faultSeed ?? 1);
      send(res, { status: 200, json: { system: options.system, faults } });
    } else if (url.pathname === '/_sim/faults' && req.method === 'GET') {
      send(res, { status: 200, json: { system: options.system, faults } });
    } else if (url.pathname === '/_sim/health') {
      send(res, { status: 200, json: { system: options.system, ok: true } });
    } else {
      send(res, { status: 404, json: { error: `no control route ${req.method} ${url.pathname}` } });
    }
  };

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    // Probes for an orchestrator: alive and ready whatever faults are set (faults simulate the system, not the process).
    if (req.method === 'GET' && (url.pathname === '/health/live' || url.pathname === '/health/ready')) {
      send(res, { status: 200, json: { system: options.system, status: url.pathname === '/health/live' ? 'live' : 'ready', faults } });
      return;
    }
    if (url.pathname.startsWith('/_sim/')) {
      void control(req, res, url).catch(() => res.destroy());
      return;
    }
    const handle = async (): Promise<void> => {
      const method = req.method ?? 'GET';
      let route: (typeof routes)[number] | undefined;
      let params: Record<string, string> | null = null;
      for (const r of routes) {
        if (r.method !== method) continue;
        params = r.match(url.pathname);
        if (params !== null) {
          route = r;
          break;
        }
      }
      total += 1;
      const key = route?.name ?? 'unmatched';
      byRoute[key] = (byRoute[key] ?? 0) + 1;
      if (faults.down) {
        // A refused system: the connection drops without an HTTP answer.
        req.socket.destroy();
        return;
      }
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (faults.errorRate > 0 && draw() < faults.errorRate) {
        send(res, options.errorBody(503, 'Hệ thống đang bảo trì, vui lòng thử lại sau'));
        return;
      }
      if (route === undefined || params === null) {
        send(res, options.errorBody(404, `Không tìm thấy đường dẫn ${method} ${url.pathname}`));
        return;
      }
      const body = method === 'POST' ? await readBody(req) : '';
      const answer = await route.handler({ method, url, params, headers: req.headers, body, malformed: faults.malformed });
      if (faults.reset || faults.dripMs > 0) await sendFaulty(res, answer, faults);
      else send(res, answer);
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent) send(res, options.errorBody(500, e instanceof Error ? e.message : 'internal error'));
      else res.destroy();
    });
  });
}

/** Starts a simulator on `host:port` (port 0 picks a free one). */
export async function startSimulator(options: SimulatorOptions, port = 0, host = '127.0.0.1'): Promise<RunningSimulator> {
  const server = createSimulatorServer(options);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, url: `http://${host}:${address.port}`, close, [Symbol.asyncDispose]: close };
}
