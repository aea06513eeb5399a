/** Unit of a plan target value. */
export type TargetUnit = 'percent' | 'count' | 'VND';

/** Administrative level (cấp tỉnh / cấp huyện / cấp xã). */
export type AdminLevel = 'province' | 'district' | 'commune';

/** A measurable target ("chỉ tiêu") stated in a plan. `min`/`max` are equal for a single value; one side is null for "trên 80%" / "dưới 5%". */
export interface PlanTarget {
  text: string;
  min: number | null;
  max: number | null;
  unit: TargetUnit;
  targetYear: number | null;
  /** The level the sentence names, else the issuing body's level; null only when neither is known. */
  level: AdminLevel | null;
}

/** A task ("nhiệm vụ") with its lead and cooperating agencies. Dates are ISO `YYYY-MM-DD`. */
export interface PlanTask {
  title: string;
  lead: string[];
  cooperating: string[];
  timeframe: string | null;
  timeframeFrom: string | null;
  timeframeTo: string | null;
  result: string | null;
}

/** Budget for one year, in đồng. */
export interface BudgetLine {
  year: number;
  amountVND: number;
}

/** Identification of the document itself. */
export interface PlanMetadata {
  symbol: string | null;
  issuer: string | null;
  issuedOn: string | null;
  legalBasis: string[];
}

/** Everything the parser extracts from one plan document. */
export interface ParsedPlan extends PlanMetadata {
  targets: PlanTarget[];
  tasks: PlanTask[];
  budget: BudgetLine[];
  budgetTotalVND: number | null;
}

/** Outcome of parsing: a plan with warnings, or the reasons it is not a plan plus whatever was found. */
export type PlanParseResult =
  | { ok: true; plan: ParsedPlan; warnings: string[] }
  | { ok: false; errors: string[]; partial: ParsedPlan };

/** A code from the project's list of measurable DTI inputs that a target can feed. */
export type IndicatorCode =
  | 'DOC_SIGNED_DIGITALLY_RATE'
  | 'DOC_SENT_ELECTRONICALLY_RATE'
  | 'WORK_RECORDS_ONLINE_RATE'
  | 'PS_FULLY_ONLINE_PROCEDURE_RATE'
  | 'PS_ONLINE_DOSSIER_RATE'
  | 'PS_ON_TIME_RATE'
  | 'PS_DIGITISED_DOSSIER_RATE'
  | 'PS_ONLINE_PAYMENT_RATE'
  | 'LAB_TRAINED_WORKFORCE_RATE'
  | 'LAB_DIGITAL_SKILLS_RATE'
  | 'PLAN_TASK_COMPLETION_RATE';

/** A target linked to an indicator, with the phrase that triggered the link. */
export interface IndicatorLink {
  code: IndicatorCode;
  matchedOn: string;
}
