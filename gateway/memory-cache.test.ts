import { describe, expect, it } from 'vitest';
import { createSharedResponseCache } from './cache.ts';
import { BoundedMemoryCache } from './memory-cache.ts';

const quiet = { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => quiet };
const answer = (n: number): { data: { text: string } } => ({ data: { text: 'ồ'.repeat(n) } }); // 3 bytes a character in UTF-8

describe('the in-memory response cache is bounded by bytes', () => {
  it('evicts the least recently used answers once the byte bound is passed, and counts them down again', () => {
    const cache = new BoundedMemoryCache({ maxEntries: 5000, maxBytes: 100_000 });
    for (let i = 0; i < 20; i++) cache.set(`response-cache:${i}`, answer(3000)); // ≈ 9 kB each
    expect(cache.bytes).toBeLessThanOrEqual(100_000);
    expect(cache.size).toBe(11);
    expect(cache.get('response-cache:0')).toBeUndefined();
    // Reading an entry makes it recent: it outlives the next eviction, its neighbour does not.
    expect(cache.get('response-cache:9')).toEqual(answer(3000));
    cache.set('response-cache:new', answer(3000));
    expect(cache.get('response-cache:9')).toBeDefined();
    expect(cache.get('response-cache:10')).toBeUndefined();
    const before = cache.bytes;
    expect(cache.delete('response-cache:9')).toBe(true);
    expect(cache.bytes).toBeLessThan(before);
  });

  it('does not cache an entry larger than an eighth of the bound, nor keep the older value of its key', () => {
    const cache = new BoundedMemoryCache({ maxEntries: 5000, maxBytes: 100_000 });
    cache.set('response-cache:big', answer(10));
    cache.set('response-cache:big', answer(5000)); // ≈ 15 kB > 12.5 kB
    expect(cache.get('response-cache:big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('still bounds entries by count', () => {
    const cache = new BoundedMemoryCache({ maxEntries: 3, maxBytes: 1_000_000 });
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, {});
    expect(cache.getKeysByPrefix('k')).toEqual(['k2', 'k3', 'k4']);
  });

  it('expires on read by the ttl in seconds, without timers', () => {
    let now = 1_000;
    const cache = new BoundedMemoryCache({ maxEntries: 10, maxBytes: 1_000_000, now: () => now });
    cache.set('a', 'x', { ttl: 60 });
    cache.set('b', 'y');
    now += 60_000;
    expect(cache.getKeysByPrefix('')).toEqual(['b']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('y');
    expect(cache.bytes).toBe(2);
  });

  it('never evicts the invalidation generations: a retired answer cannot come back under a forgotten generation', async () => {
    const shared = await createSharedResponseCache({ redisUrl: undefined, ttlMs: 60_000, keyPrefix: 'site-a:', maxBytes: 100_000 }, quiet);
    const before = await shared.generations({ units: ['56'] });
    await shared.invalidate({ units: ['56'] }, 'test');
    const after = await shared.generations({ units: ['56'] });
    expect(after).not.toEqual(before);
    for (let i = 0; i < 100; i++) await shared.cache.set(`response-cache:${i}`, answer(3000));
    expect(await shared.generations({ units: ['56'] })).toEqual(after);
    expect((await shared.cache.getKeysByPrefix('response-cache:')).length).toBeLessThanOrEqual(11);
    await shared.close();
  });
});
