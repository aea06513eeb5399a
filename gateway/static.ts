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
 * `path.relative` so no request escapes the folder. Returns false when the request is not its own.
 */
export function createStaticHandler(options: StaticOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = resolve(options.root);
  const headers = securityHeaders(options.connectOrigins);
  const send = async (res: ServerResponse, file: string, cache: string, method: string): Promise<boolean> => {
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) return false;
    res.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': cache,
    });
    if (method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(file).pipe(res);
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
      if (await send(res, file, 'public, max-age=31536000, immutable', method)) return true;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    if (rel !== '' && (await send(res, file, 'no-cache', method))) return true;
    // Client-side routes: an HTML navigation anywhere else gets the app shell.
    if ((req.headers.accept ?? '').includes('text/html')) return send(res, join(root, 'index.html'), 'no-cache', method);
    return false;
  };
}
