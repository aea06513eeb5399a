import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import type { Catalogue } from '../domain/types.ts';
import type { PlansUpstream } from './client.ts';

/**
 * The unit catalogue changes once in years (the last time on 2025-07-01), so it is fetched once
 * and kept for `ttlMs`; a failed fetch is not cached, the next request tries again.
 */
export function createCatalogueCache(upstream: PlansUpstream, ttlMs: number, now: () => number = Date.now): () => Promise<Catalogue> {
  let entry: { readonly at: number; readonly value: Promise<Catalogue> } | undefined;
  return () => {
    if (entry !== undefined && now() - entry.at < ttlMs) return entry.value;
    const value = upstream.units().then((fetched): Catalogue => {
      const byId = new Map<string, AdministrativeUnitRecord>(fetched.items.map((u) => [u.id, u]));
      return { units: fetched.items, byId, fetchedAt: fetched.fetchedAt, url: fetched.url };
    });
    const current = { at: now(), value };
    entry = current;
    value.catch(() => {
      if (entry === current) entry = undefined;
    });
    return value;
  };
}
