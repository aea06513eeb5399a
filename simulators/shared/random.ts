/** Deterministic pseudo-random numbers, so every run of a simulator serves the same data. */

/** 32-bit FNV-1a hash of a string: turns a record key into a seed. */
export function hashSeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator with a 32-bit state; good enough for plausible seed data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded by a record key: the same key always yields the same sequence. */
export function seeded(...key: Array<string | number>): () => number {
  return prng(hashSeed(key.join('|')));
}

/** Integer in [min, max] from a generator. */
export function intBetween(rand: () => number, min: number, max: number): number {
  return Math.floor(min + rand() * (max - min + 1));
}
