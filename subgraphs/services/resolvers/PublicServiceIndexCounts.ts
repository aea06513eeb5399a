import { COLUMNS_766 } from '../upstream/schemas766.ts';
import type { PublicServiceIndexCounts as Counts } from '../upstream/loaders.ts';
import { portalSource } from './source.ts';

/** `PublicServiceIndexCounts` fields: each count under its domain name, and the provenance. */
export const PublicServiceIndexCounts = {
  source: (c: Counts) => portalSource(c),
  ...Object.fromEntries(Object.values(COLUMNS_766).map(([field]) => [field, (c: Counts) => c.counts[field]])),
};
