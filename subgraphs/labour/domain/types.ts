import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import type { RecordScope } from '../../../lib/units/index.ts';
import type { Provenance } from '../../../lib/subgraph/index.ts';

export type { ProvenanceStatus, RecordScope };

/** Figures of one yearly report; counts are persons, `underemploymentRate` a fraction the upstream gives without counts. */
export interface LabourFigures {
  readonly labourForce: number | null;
  readonly employed: number | null;
  readonly unemployed: number | null;
  readonly trainedWorkers: number | null;
  readonly digitallySkilledWorkers: number | null;
  readonly jobSeekers: number | null;
  readonly vacancies: number | null;
  readonly underemploymentRate: number | null;
}

/** One yearly labour-market report as the upstream filed it, in domain terms. */
export interface LabourReport {
  /** Upstream report id (MaBaoCao). */
  readonly reportId: string;
  /** Unit code the report is filed under. */
  readonly code: string;
  readonly name: string;
  readonly year: number;
  /** ISO dates, inclusive: the days the figures cover. */
  readonly from: string;
  readonly to: string;
  /** Codes whose territory the report covers (a province formed mid-year reports for its predecessors too). */
  readonly coveredCodes: readonly string[];
  /** ISO timestamp of the upstream's last update. */
  readonly updatedAt: string;
  /** True when the upstream marks its figures as synthetic. */
  readonly synthetic: boolean;
  readonly note: string | null;
  readonly figures: LabourFigures;
}

/** A unit-year as the dti subgraph hands it over: whose records make it up. */
export interface UnitYearRef {
  readonly unitId: string;
  readonly year: number;
  readonly recordScopes: readonly RecordScope[];
}

/** Provenance of the labour figures of one unit-year (the shared `Provenance` type). */
export type LabourProvenance = Provenance<'LABOUR'>;

/** Labour statistics of one unit-year: counts, rates recomputed from counts (fractions 0..1), provenance. */
export interface LabourStats {
  readonly source: LabourProvenance;
  readonly synthetic: boolean;
  readonly labourForce: number | null;
  readonly employed: number | null;
  readonly unemployed: number | null;
  readonly unemploymentRate: number | null;
  readonly trainedWorkers: number | null;
  readonly trainedWorkforceRate: number | null;
  readonly digitallySkilledWorkers: number | null;
  readonly digitalSkillsRate: number | null;
  readonly jobSeekers: number | null;
  readonly vacancies: number | null;
  readonly underemploymentRate: number | null;
}
