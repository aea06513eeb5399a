import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord, RecordScope } from '../../../lib/units/index.ts';

/** A plan as the registry holds it (metadata; targets and tasks come with the parser). */
export interface Plan {
  readonly id: string;
  readonly symbol: string;
  readonly title: string | null;
  readonly issuer: string;
  /** ISO date. */
  readonly issuedOn: string;
  /** Code of the unit that issued it, as the unit was on `issuedOn`. */
  readonly unitCode: string;
  readonly legalBasis: readonly string[];
  readonly documentFile: string | null;
}

/** The unit catalogue as fetched from the registry. */
export interface Catalogue {
  readonly units: readonly AdministrativeUnitRecord[];
  readonly byId: ReadonlyMap<string, AdministrativeUnitRecord>;
  readonly fetchedAt: string;
  readonly url: string;
}

/** One unit and one calendar year, with whose records make it up. */
export interface UnitYear {
  readonly unitId: string;
  readonly year: number;
  readonly unit: AdministrativeUnitRecord;
  readonly recordScopes: readonly RecordScope[];
}

/** Provenance of a figure, as the shared `Provenance` GraphQL type spells it. */
export interface Provenance {
  readonly system: 'PLANS' | 'DOCUMENTS' | 'SERVICES' | 'LABOUR';
  readonly status: ProvenanceStatus;
  readonly recordRef: string | null;
  readonly fetchedAt: string;
  readonly asOf: string | null;
  readonly rolledUpFrom: readonly RecordScope[];
  readonly note: string | null;
}

/** Plans that bear on a unit-year: those its record units had issued by the year's end. */
export interface PlanYearSummary {
  readonly plans: readonly Plan[];
  readonly planCount: number;
  readonly source: Provenance;
}
