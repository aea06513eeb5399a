import type { ProvenanceStatus } from '../../../lib/errors/index.ts';

/** What the roll-up found for a unit-year, the input of its status. */
export interface Coverage {
  /** Record scopes the unit-year is made of. */
  readonly scopes: number;
  /** Scopes with at least one monthly record. */
  readonly scopesWithRecords: number;
  /** True when some scope's records stop before the scope ends. */
  readonly stale: boolean;
}

/**
 * Status of a unit-year's figures: MISSING when no scope has records, PARTIAL when some lack
 * them, STALE when the records stop before the period does, OK otherwise.
 */
export function deriveStatus(c: Coverage): Extract<ProvenanceStatus, 'OK' | 'PARTIAL' | 'MISSING' | 'STALE'> {
  if (c.scopesWithRecords === 0) return 'MISSING';
  if (c.scopesWithRecords < c.scopes) return 'PARTIAL';
  if (c.stale) return 'STALE';
  return 'OK';
}
