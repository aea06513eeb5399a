import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedCodings, createStaticHandler } from './static.ts';

const JS = 'export const a = 1;\n'.repeat(200);
const HTML = '<!doctype html><title>Không gian làm việc</title>'.repeat(20);
let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dti-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), JS);
  writeFileSync(join(root, 'assets', 'app.js.br'), brotliCompressSync(JS));
  writeFileSync(join(root, 'assets', 'app.js.gz'), gzipSync(JS));
  writeFileSync(join(root, 'assets', 'plain.css'), 'body{}'); // no copies: served as it is
  writeFileSync(join(root, 'assets', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'index.html'), HTML);
  writeFileSync(join(root, 'index.html.gz'), gzipSync(HTML)); // gzip only
  const handle = createStaticHandler({ root, connectOrigins: [] });
  server = createServer((req, res) => {
    void handle(req, res).then((mine) => {
      if (!mine) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET (node:http does not decode), so the bytes on the wire are what is checked. */
function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('acceptedCodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip, deflate, br', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0.1, br;q=0', ['gzip']],
    ['GZIP;Q=1', ['gzip']],
    ['x-gzip', ['gzip']],
    ['br;q=nonsense', []],
  ])('%j → %j', (header, expected) => {
    expect(acceptedCodings(header)).toEqual(expected);
  });
});

describe('the workspace static files, compressed when the client accepts it', () => {
  it('serves the brotli copy to a client that accepts br, with its length and Vary', async () => {
    const r = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['cache-control']).toContain('immutable');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(JS.length);
    expect(brotliDecompressSync(r.body).toString()).toBe(JS);
  });

  it('serves the gzip copy when br is not accepted', async () => {
    const r = await get('/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toBe(JS);
  });

  it('serves the file itself to a client that accepts no coding (or refuses them with q=0), still with Vary', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const r = await get('/assets/app.js', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers['vary']).toBe('Accept-Encoding');
      expect(r.body.toString()).toBe(JS);
    }
  });

  it('falls back to the next coding, or to the file, where the build wrote no copy', async () => {
    const html = await get('/', { 'accept-encoding': 'br, gzip', accept: 'text/html' });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(html.body).toString()).toBe(HTML);
    const css = await get('/assets/plain.css', { 'accept-encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{}');
  });

  it('gives the SPA fallback (a client-side route) the compressed shell too', async () => {
    const r = await get('/scorecard/56%402025-07-01/2025', { 'accept-encoding': 'gzip', accept: 'text/html' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toBe(HTML);
  });

  it('does not negotiate binary files (no Vary, no coding)', async () => {
    const r = await get('/assets/icon.png', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['vary']).toBeUndefined();
  });

  it('answers HEAD with the headers of the copy it would send, and no body', async () => {
    const r = await get('/assets/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(brotliCompressSync(JS).length);
    expect(r.body.length).toBe(0);
  });

  it('still refuses a path out of the folder, whatever the client accepts', async () => {
    expect((await get('/assets/..%2f..%2fetc%2fpasswd', { 'accept-encoding': 'br' })).status).toBe(404);
  });
});
