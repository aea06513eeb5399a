import type { Identity } from '../../lib/access/index.ts';
import type { DataYears } from '../../lib/units/index.ts';
import type { SystemsAssessment } from './assembly/assessment.ts';
import type { CatalogueStore } from './domain/catalogue-store.ts';
import type { Catalogue, PublishedResults } from './domain/index.ts';
import type { UnitCatalogue } from './domain/units.ts';
import { createWalkBudget, type WalkBudget } from './domain/walk-budget.ts';

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
  /** Administrative units over time. */
  readonly units: UnitCatalogue;
  /** ISO date the request runs on: the default `asOf`. */
  readonly today: string;
  readonly dataYears: DataYears;
  /** Units this request may still walk through predecessors/successors/children. */
  readonly walk: WalkBudget;
}

/** What the subgraph holds across requests. */
export interface DtiContextDeps {
  readonly published: PublishedResults;
  readonly catalogues: CatalogueStore;
  readonly identity: () => Identity | null;
  readonly units: UnitCatalogue;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** @default 2020 */
  readonly firstDataYear?: number;
  /** @default 5000 */
  readonly unitWalkBudget?: number;
}

/** Builds a request's context: the catalogue in force now (a version loaded since start included), today's date. */
export function createContext(deps: DtiContextDeps): DtiContext {
  const now = deps.now?.() ?? new Date();
  return {
    catalogue: deps.catalogues.latest().catalogue,
    published: deps.published,
    catalogues: deps.catalogues,
    identity: deps.identity(),
    units: deps.units,
    today: now.toISOString().slice(0, 10),
    dataYears: { first: deps.firstDataYear ?? 2020, last: now.getUTCFullYear() },
    walk: createWalkBudget(deps.unitWalkBudget ?? 5000),
    systemsAssessments: new Map(),
  };
}
