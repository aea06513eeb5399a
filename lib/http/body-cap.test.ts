import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpstreamBadResponseError } from '../errors/index.ts';
import { createUpstreamClient } from './index.ts';

const CAP = 64 * 1024;
const schema = z.object({ items: z.array(z.string()) });

/** A loopback upstream: `/small` fits, `/chunked` streams without end or length, `/declared` announces too much. */
let server: Server;
let baseUrl: string;
let droppedBy: 'client' | null | undefined;
const hits = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    res.setHeader('content-type', 'application/json');
    if (req.url === '/small') {
      res.end(JSON.stringify({ items: ['Hòa'] }));
    } else if (req.url === '/chunked') {
      // Streams without end, 16 KB at a time: only the client dropping the connection stops it.
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      res.write('{"items":[');
      res.once('close', () => (droppedBy = res.writableEnded ? null : 'client'));
      const more = (): void => {
        if (res.destroyed) return;
        if (res.write(chunk)) setImmediate(more);
        else res.once('drain', more);
      };
      more();
    } else {
      res.setHeader('content-length', String(CAP * 100));
      res.flushHeaders();
      res.write('{"items":[');
      // Never finishes on its own: the client must not wait for it.
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client() {
  return createUpstreamClient({ system: 'documents', baseUrl, maxBodyBytes: CAP, timeoutMs: 5000, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 } });
}

describe('upstream body cap', () => {
  it('reads a body under the cap', async () => {
    await using c = client();
    expect((await c.get('/small', { schema })).data.items).toEqual(['Hòa']);
  });

  it('cuts off a chunked body once it passes the cap: UPSTREAM_BAD_RESPONSE naming the system, not the URL, no retry', async () => {
    await using c = client();
    const err = await c.get('/chunked', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    const e = err as UpstreamBadResponseError;
    expect(e.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(e.system).toBe('documents');
    expect(e.message).toBe(`documents sent a body larger than the ${CAP}-byte limit`);
    expect(e.message).not.toContain('127.0.0.1');
    // The endless stream was cut: the client dropped the connection rather than draining it.
    await expect.poll(() => droppedBy).toBe('client');
    expect(hits.get('/chunked')).toBe(1);
  });

  it('refuses a declared Content-Length above the cap without reading (or waiting for) the body', async () => {
    await using c = client();
    const started = performance.now();
    const err = await c.get('/declared', { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    expect((err as UpstreamBadResponseError).message).toBe(`documents sent a body larger than the ${CAP}-byte limit`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
