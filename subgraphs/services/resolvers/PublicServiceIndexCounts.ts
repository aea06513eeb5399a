import { COLUMNS_766 } from '../upstream/schemas766.ts';
import type { PublicServiceIndexCounts as Counts } from '../upstream/loaders.ts';

/** `PublicServiceIndexCounts` fields: each count under its domain name, and the provenance. */
export const PublicServiceIndexCounts = {
  source: (c: Counts) => ({
    system: 'SERVICES',
    status: c.provenance.status,
    recordRef: c.recordRef,
    fetchedAt: c.fetchedAt,
    asOf: c.provenance.asOf,
    rolledUpFrom: c.provenance.rolledUpFrom,
    note: c.provenance.note,
  }),
  ...Object.fromEntries(Object.values(COLUMNS_766).map(([field]) => [field, (c: Counts) => c.counts[field]])),
};
