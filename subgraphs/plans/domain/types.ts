import type { AdministrativeUnitRecord, UnitYearScopes } from '../../../lib/units/index.ts';
import type { Provenance as SharedProvenance } from '../../../lib/subgraph/index.ts';

/** A measurable target a plan sets (chỉ tiêu). Values in `unit`; `min`/`max` equal for a single value. */
export interface PlanTarget {
  /** Position in the plan, stable: part of the target's identity. */
  readonly index: number;
  readonly text: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly unit: 'percent' | 'count' | 'VND';
  readonly targetYear: number | null;
  readonly level: 'province' | 'district' | 'commune' | null;
}

/** A task a plan assigns (nhiệm vụ). */
export interface PlanTask {
  readonly title: string;
  readonly lead: readonly string[];
  readonly cooperating: readonly string[];
  /** As written, e.g. "Quý III/2024". */
  readonly timeframe: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly result: string | null;
}

/** Budget for one year, in đồng. */
export interface BudgetLine {
  readonly year: number;
  readonly amountVND: number;
}

/** A plan as the registry holds it. */
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
  readonly targets: readonly PlanTarget[];
  readonly tasks: readonly PlanTask[];
  readonly budget: readonly BudgetLine[];
  readonly budgetTotalVND: number | null;
}

/** The unit catalogue as fetched from the registry. */
export interface Catalogue {
  readonly units: readonly AdministrativeUnitRecord[];
  readonly byId: ReadonlyMap<string, AdministrativeUnitRecord>;
  readonly fetchedAt: string;
  readonly url: string;
}

/** One unit and one calendar year, with whose records make it up. */
/** A unit-year's key (UnitYear's @key fields): what the target entities carry for the dti subgraph to answer. */
export interface UnitYearKey {
  readonly unitId: string;
  readonly year: number;
}

export type UnitYear = UnitYearScopes;

/** Provenance of a figure, as the shared `Provenance` GraphQL type spells it. */
export type Provenance = SharedProvenance;

/** Plans that bear on a unit-year: those its record units had issued by the year's end. */
export interface PlanYearSummary {
  readonly plans: readonly Plan[];
  readonly planCount: number;
  readonly source: Provenance;
}
