import type { Catalogue, PublishedResults } from './domain/index.ts';

/** What every resolver gets: the reference data, parsed once at start-up (no I/O per request). */
export interface DtiContext {
  readonly catalogue: Catalogue;
  readonly published: PublishedResults;
}

/** Builds a request's context. */
export function createContext(deps: DtiContext): DtiContext {
  return { catalogue: deps.catalogue, published: deps.published };
}
