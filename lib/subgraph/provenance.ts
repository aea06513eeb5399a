import { gql } from 'graphql-tag';
import type { ProvenanceStatus } from '../errors/index.ts';
import type { RecordScope } from '../units/index.ts';

/** The `SourceSystem` enum values. */
export type SourceSystemValue = 'PLANS' | 'DOCUMENTS' | 'SERVICES' | 'LABOUR';

/** A figure's provenance as every subgraph returns it for the shared `Provenance` type. */
export interface Provenance<S extends SourceSystemValue = SourceSystemValue> {
  readonly system: S;
  readonly status: ProvenanceStatus;
  readonly recordRef: string | null;
  readonly fetchedAt: string;
  readonly asOf: string | null;
  readonly rolledUpFrom: readonly RecordScope[];
  readonly note: string | null;
}

/** The `SourceSystem` enum's SDL, for a subgraph that names systems without the rest of the shared types (submissions). */
export const sourceSystemTypeDefs = `
  "The upstream systems behind the graph."
  enum SourceSystem {
    PLANS
    DOCUMENTS
    SERVICES
    LABOUR
    "An approved manual entry of the DTI team (the submissions subgraph), not a connected system."
    MANUAL
  }
`;

/**
 * Value types every source subgraph shares (identical SDL, `@shareable`): provenance of each
 * figure, and the record scopes `UnitYear` carries from the dti subgraph so a source system
 * can roll a merged unit's figures up from its predecessors' records. The including subgraph
 * links federation once and imports `@shareable`.
 */
export const sharedTypeDefs = gql`

  "Where a figure stands: present, missing, late, or its source down."
  enum ProvenanceStatus {
    "Every record the figure needs was found."
    OK
    "Some of the records (e.g. one predecessor of a merged unit) are missing; the figure covers the rest."
    PARTIAL
    "The source holds no record for this unit and period."
    MISSING
    "The source's latest record is older than the period asks for."
    STALE
    "The source could not be reached or answered garbage; see the error with extensions.system."
    SOURCE_UNAVAILABLE
    "No connected system collects this figure."
    NOT_COLLECTED
  }

  ${sourceSystemTypeDefs}

  "Whose records make up a unit's figures for part of a period (a merged unit's predecessors, before it existed)."
  type RecordScope @shareable {
    "Identity of the unit whose records these are (code@validFrom)."
    unitId: ID!
    "Code the upstream systems file those records under."
    code: String!
    name: String!
    "First day covered (ISO date)."
    from: String!
    "Last day covered (ISO date, inclusive)."
    to: String!
  }

  "Where a figure came from and how fresh it is."
  type Provenance @shareable {
    system: SourceSystem!
    status: ProvenanceStatus!
    "Upstream record reference(s), in the upstream's own identifiers."
    recordRef: String
    "When the gateway's subgraph fetched it (ISO timestamp)."
    fetchedAt: String!
    "The date the upstream says its figures are valid for (ISO date)."
    asOf: String
    "Units whose records were summed into this figure, when it was rolled up from predecessors."
    rolledUpFrom: [RecordScope!]!
    "Why the status is not OK, or how the figure was derived."
    note: String
  }
`;
