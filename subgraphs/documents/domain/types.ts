import type { ProvenanceStatus } from '../../../lib/errors/index.ts';
import type { RecordScope } from '../../../lib/units/index.ts';
import type { Provenance as SharedProvenance } from '../../../lib/subgraph/index.ts';

export type { ProvenanceStatus, RecordScope };

/** Kind of government body, as exposed in the graph. */
export type AgencyKind = 'DEPARTMENT' | 'PEOPLE_COMMITTEE' | 'OFFICE' | 'INSPECTORATE';

/** A government body from the document system's organ directory. */
export interface Agency {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: AgencyKind;
  /** Code of the administrative unit the agency belongs to. */
  readonly unitCode: string;
  /** Identity of that unit across time (code@validFrom, see lib/units unitId). */
  readonly unitId: string;
  /** ISO date, null when in force before the system's records begin. */
  readonly validFrom: string | null;
  /** ISO date, inclusive; null while in force. */
  readonly validTo: string | null;
}

/** One agency's document counts for one month, as the upstream filed them. */
export interface MonthlyDocumentRow {
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly unitCode: string;
  readonly year: number;
  readonly month: number;
  readonly incoming: number;
  readonly outgoing: number;
  readonly outgoingSigned: number;
  readonly sentViaAxis: number;
  readonly receivedViaAxis: number;
  readonly workRecords: number;
  readonly workRecordsOnline: number;
}

/** All monthly rows of one upstream answer, with what provenance needs. */
export interface StatsSnapshot {
  readonly rows: readonly MonthlyDocumentRow[];
  /** ISO date the upstream says its figures are valid for; null when nothing had to be fetched. */
  readonly asOf: string | null;
  /** ISO timestamp of the fetch. */
  readonly fetchedAt: string;
}

/** Summable counts of a period. */
export interface DocumentCounts {
  readonly incomingCount: number;
  readonly outgoingCount: number;
  readonly outgoingSignedDigitallyCount: number;
  readonly sentViaAxisCount: number;
  readonly receivedViaAxisCount: number;
  readonly workRecordsCount: number;
  readonly workRecordsOnlineCount: number;
}

/** Counts plus the DTI rates (fractions 0..1), each null when it cannot be computed. */
export type DocumentFigures = { readonly [K in keyof DocumentCounts]: number | null } & {
  readonly exchangedElectronicallyCount: number | null;
  readonly signedDigitallyRate: number | null;
  readonly sentElectronicallyRate: number | null;
  readonly workRecordsOnlineRate: number | null;
};

/** Figures of one month. */
export type MonthFigures = DocumentFigures & { readonly year: number; readonly month: number };

/** Figures of one agency over the period. */
export type AgencyFigures = DocumentFigures & { readonly agencyCode: string; readonly agencyName: string };

/** Where the figures came from, matching the shared `Provenance` type. */
export type Provenance = SharedProvenance<'DOCUMENTS'>;

/** A unit's or agency's document statistics for a year. */
export type DocumentStats = DocumentFigures & {
  readonly year: number;
  readonly source: Provenance;
  readonly months: readonly MonthFigures[];
  readonly agencies: readonly AgencyFigures[];
};
