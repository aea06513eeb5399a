import type { RollupProvenance } from '../domain/types.ts';

/** The `source` of a portal figure: the services system, the roll-up's provenance and the fetch metadata. */
export function portalSource(x: { readonly provenance: RollupProvenance; readonly recordRef: string | null; readonly fetchedAt: string }) {
  return {
    system: 'SERVICES',
    status: x.provenance.status,
    recordRef: x.recordRef,
    fetchedAt: x.fetchedAt,
    asOf: x.provenance.asOf,
    rolledUpFrom: x.provenance.rolledUpFrom,
    note: x.provenance.note,
  };
}
