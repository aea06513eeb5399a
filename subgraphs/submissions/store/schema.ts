import type { ColumnType } from 'kysely';

/** Set on insert, never changed afterwards: the compiler refuses an update of these columns. */
type Fixed<T> = ColumnType<T, T, never>;

/**
 * Tables, typed once. Timestamps are ISO-8601 text written by the application clock and JSON
 * documents are text, so the same columns read the same on PostgreSQL and SQLite.
 */
export interface EntryTable {
  id: Fixed<string>;
  unit_id: Fixed<string>;
  year: Fixed<number>;
  indicator_code: Fixed<string>;
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** JSON array of evidence items (zod-parsed on read). */
  evidence: string;
  comment: string | null;
  status: string;
  version: number;
  entered_by: string;
  entered_by_name: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  /** 1 when the reviewer's approval says the manual value overrides a connected system's figure. */
  overrides_system: number;
  /** JSON array of warning codes found when the value was saved. */
  warnings: string;
  /** JSON array of acknowledged warning codes. */
  acknowledged: string;
  justification: string | null;
  created_at: Fixed<string>;
  updated_at: string;
}

/** Append-only: every column is fixed, and a trigger refuses UPDATE and DELETE as well. */
export interface AuditEventTable {
  id: Fixed<string>;
  entry_id: Fixed<string>;
  /** The entry's version after the change. */
  entry_version: Fixed<number>;
  at: Fixed<string>;
  actor: Fixed<string>;
  actor_name: Fixed<string | null>;
  role: Fixed<string>;
  action: Fixed<string>;
  /** JSON of the entry's state before (null on create) and after. */
  before: Fixed<string | null>;
  after: Fixed<string>;
  reason: Fixed<string | null>;
}

/** Uploaded evidence files, addressed by the SHA-256 of their content. */
export interface EvidenceFileTable {
  sha256: Fixed<string>;
  name: Fixed<string>;
  size: Fixed<number>;
  content: Fixed<Uint8Array>;
  uploaded_by: Fixed<string>;
  uploaded_at: Fixed<string>;
}

/** Secrets the store keeps for itself (the check-token key), written by a migration, read-only to the code. */
export interface StoreSecretTable {
  name: Fixed<string>;
  value: Fixed<string>;
  created_at: Fixed<string>;
}

export interface Database {
  entry: EntryTable;
  audit_event: AuditEventTable;
  evidence_file: EvidenceFileTable;
  store_secret: StoreSecretTable;
}
