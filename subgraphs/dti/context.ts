import type { Identity } from '../../lib/access/index.ts';
import type { SystemsAssessment } from './assembly/assessment.ts';
import type { CatalogueStore } from './domain/catalogue-store.ts';
import type { Catalogue, PublishedResults } from './domain/index.ts';

/** What every resolver gets: the reference data, parsed once at start-up (no I/O per request). */
export interface DtiContext {
  /** The latest catalogue version (what-if scoring, the catalogue query). */
  readonly catalogue: Catalogue;
  readonly published: PublishedResults;
  readonly catalogues: CatalogueStore;
  /** The caller, until the auth branch's ctx.access lands; null when unknown. */
  readonly identity: Identity | null;
  /**
   * This request's assessments of the systems' figures, by unit-year ("unitId/year"): UnitYear.dti and
   * UnitYear.systemFigures both start from it, so a request asking both assesses a unit-year once.
   * Within one request the router hands every field of a unit-year the same source figures.
   */
  readonly systemsAssessments: Map<string, SystemsAssessment>;
}

/** What the subgraph holds across requests. */
export interface DtiContextDeps {
  readonly published: PublishedResults;
  readonly catalogues: CatalogueStore;
  readonly identity: () => Identity | null;
}

/** Builds a request's context: the catalogue in force now (a version loaded since start included). */
export function createContext(deps: DtiContextDeps): DtiContext {
  return { catalogue: deps.catalogues.latest().catalogue, published: deps.published, catalogues: deps.catalogues, identity: deps.identity(), systemsAssessments: new Map() };
}
