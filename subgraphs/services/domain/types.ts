import type { RecordScope } from '../../../lib/units/index.ts';
import type { Provenance } from '../../../lib/subgraph/index.ts';

export type { RecordScope };

/** Procedure catalogue counts: a stock, valid at the month's cut-off. */
export interface ProcedureCounts {
  /** Thủ tục hành chính thuộc thẩm quyền. */
  readonly total: number;
  /** Published (công khai) on the portal. */
  readonly published: number;
  /** Offered as dịch vụ công trực tuyến toàn trình. */
  readonly fullyOnline: number;
  /** Offered as dịch vụ công trực tuyến một phần. */
  readonly partlyOnline: number;
}

/** Dossier and satisfaction counts: flows over the month. */
export interface DossierCounts {
  readonly received: number;
  readonly online: number;
  readonly resolved: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  readonly digitised: number;
  readonly withFees: number;
  readonly paidOnline: number;
  readonly satisfactionVotes: number;
  readonly satisfiedVotes: number;
}

/** One province's monthly statistics, translated to the official unit code. */
export interface MonthlyServiceRecord {
  /** Official province code the portal filed the month under. */
  readonly code: string;
  /** The portal's internal province id. */
  readonly portalId: string;
  /** Province name as the portal spelt it (NFC). */
  readonly name: string;
  readonly year: number;
  readonly month: number;
  /** ISO date the month's figures are closed at. */
  readonly cutOff: string;
  readonly procedures: ProcedureCounts;
  readonly dossiers: DossierCounts;
}

/** Rates the DTI needs, as fractions 0..1. */
export interface ServiceRates {
  readonly fullyOnlineProcedureRate: number | null;
  readonly onlineDossierRate: number | null;
  readonly onTimeRate: number | null;
  readonly digitisedDossierRate: number | null;
  readonly onlinePaymentRate: number | null;
  readonly satisfactionRate: number | null;
}

/** Provenance of a rolled-up figure set, before the fetch metadata is attached. */
export type RollupProvenance = Omit<Provenance, 'system' | 'recordRef' | 'fetchedAt'>;

/** A unit-year's public-service figures; every figure null when no record backs it. */
export interface PublicServiceFigures {
  readonly procedures: { readonly [K in keyof ProcedureCounts]: number | null };
  readonly dossiers: { readonly [K in keyof DossierCounts]: number | null };
  readonly rates: ServiceRates;
  readonly provenance: RollupProvenance;
}
