import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files the build writes pre-compressed copies of (web/vite.config.ts): `name.br`, `name.gz` beside `name`. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);
/** Content codings we have copies for, in order of preference, with the copy's suffix. */
const CODINGS: ReadonlyArray<readonly [coding: string, suffix: string]> = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/**
 * The content codings an `Accept-Encoding` header accepts among ours (q > 0), in our order of
 * preference. `*` stands for any coding the header does not name; `q=0` refuses one.
 */
export function acceptedCodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name === '') continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  return CODINGS.map(([c]) => c).filter((c) => (q.get(c) ?? star ?? 0) > 0);
}

/** Options of the workspace's static handler. */
export interface StaticOptions {
  /** The built workspace (web/dist). */
  readonly root: string;
  /** Origins the page may talk to besides itself (the OpenID provider), for the CSP. */
  readonly connectOrigins: readonly string[];
}

/** Security headers of every workspace response: every asset is local; only the provider is contacted besides the gateway. */
function securityHeaders(connectOrigins: readonly string[]): Record<string, string> {
  const connect = ["'self'", ...connectOrigins].join(' ');
  return {
    'content-security-policy': `default-src 'self'; connect-src ${connect}; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self' ${connectOrigins.join(' ')}`.trim(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Serves the built workspace on purpose (A43): explicit Content-Type, immutable caching for hashed
 * assets and none for index.html, SPA fallback for HTML navigations, and containment by
 * `path.relative` so no request escapes the folder; a text file goes as the build's brotli or gzip
 * copy when the client accepts it (`Vary: Accept-Encoding`). Returns false when the request is not its own.
 */
export function createStaticHandler(options: StaticOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = resolve(options.root);
  const headers = securityHeaders(options.connectOrigins);
  const isFile = async (path: string) => {
    const info = await stat(path).catch(() => null);
    return info !== null && info.isFile() ? info : null;
  };
  const send = async (req: IncomingMessage, res: ServerResponse, file: string, cache: string, method: string): Promise<boolean> => {
    const info = await isFile(file);
    if (info === null) return false;
    const compressible = COMPRESSIBLE.has(extname(file));
    // The pre-compressed copy of the first coding the client accepts that the build wrote; else the file itself.
    let body = { path: file, size: info.size, coding: null as string | null };
    if (compressible) {
      for (const coding of acceptedCodings(req.headers['accept-encoding'])) {
        const suffix = CODINGS.find(([c]) => c === coding)?.[1] ?? '';
        const copy = await isFile(file + suffix);
        if (copy !== null) {
          body = { path: file + suffix, size: copy.size, coding };
          break;
        }
      }
    }
    res.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(body.size),
      'cache-control': cache,
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
      ...(body.coding === null ? {} : { 'content-encoding': body.coding }),
    });
    if (method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(body.path).pipe(res);
    return true;
  };
  return async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://gateway.invalid').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path');
      return true;
    }
    const file = join(root, pathname);
    const rel = relative(root, file);
    if (rel.startsWith('..') || rel.includes(`..${sep}`) || pathname.includes('\0')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    if (pathname.startsWith('/assets/')) {
      if (await send(req, res, file, 'public, max-age=31536000, immutable', method)) return true;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    if (rel !== '' && (await send(req, res, file, 'no-cache', method))) return true;
    // Client-side routes: an HTML navigation anywhere else gets the app shell.
    if ((req.headers.accept ?? '').includes('text/html')) return send(req, res, join(root, 'index.html'), 'no-cache', method);
    return false;
  };
}
