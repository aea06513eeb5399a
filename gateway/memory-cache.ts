import type { KeyValueCache, KeyValueCacheSetOptions } from '@graphql-mesh/types';

/** How much the in-process response cache may hold. */
export interface MemoryCacheLimits {
  /** Most entries kept (answers and the plugin's entity-index entries alike). @default 5000 */
  readonly maxEntries: number;
  /** Most bytes kept, counted as the UTF-8 length of each key and its JSON-serialized value. */
  readonly maxBytes: number;
  /** An entry larger than this is not cached at all (it would push out many others). @default maxBytes / 8 */
  readonly maxEntryBytes?: number;
  /**
   * Keys kept outside the LRU, never evicted and not counted (the invalidation generations: few,
   * one per unit at most, and losing one would bring back answers it had retired).
   */
  readonly pinned?: (key: string) => boolean;
  /** Clock in ms, injectable for tests. */
  readonly now?: () => number;
}

interface Entry {
  readonly value: unknown;
  readonly bytes: number;
  readonly expiresAt: number;
}

const sizeOf = (key: string, value: unknown): number =>
  Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : Buffer.byteLength(JSON.stringify(value) ?? ''));

/**
 * An in-process KeyValueCache bounded by entries and by bytes: least recently used entries go
 * first when either bound is passed. Expiry (the set's `ttl`, in seconds) is checked on read, no
 * timer per key.
 */
export class BoundedMemoryCache implements KeyValueCache {
  readonly #entries = new Map<string, Entry>();
  readonly #pinned = new Map<string, unknown>();
  readonly #limits: Required<MemoryCacheLimits>;
  #bytes = 0;

  constructor(limits: MemoryCacheLimits) {
    this.#limits = { maxEntryBytes: Math.floor(limits.maxBytes / 8), pinned: () => false, now: Date.now, ...limits };
  }

  /** Bytes held by the LRU entries now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** LRU entries held now (pinned keys not counted). */
  get size(): number {
    return this.#entries.size;
  }

  get(key: string): unknown {
    if (this.#limits.pinned(key)) return this.#pinned.get(key);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#limits.now()) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used last
    return entry.value;
  }

  set(key: string, value: unknown, options?: KeyValueCacheSetOptions): void {
    if (this.#limits.pinned(key)) {
      this.#pinned.set(key, value);
      return;
    }
    this.delete(key);
    const bytes = sizeOf(key, value);
    if (bytes > this.#limits.maxEntryBytes) return;
    const ttl = options?.ttl ?? 0;
    this.#entries.set(key, { value, bytes, expiresAt: ttl > 0 ? this.#limits.now() + ttl * 1000 : Infinity });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): boolean {
    if (this.#limits.pinned(key)) return this.#pinned.delete(key);
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    return true;
  }

  getKeysByPrefix(prefix: string): string[] {
    const now = this.#limits.now();
    const keys = [...this.#pinned.keys()].filter((k) => k.startsWith(prefix));
    for (const [k, e] of this.#entries) if (e.expiresAt > now && k.startsWith(prefix)) keys.push(k);
    return keys;
  }
}
