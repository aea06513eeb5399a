/** The four states of an entry. */
export const ENTRY_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** What an audit row records as its action. */
export const AUDIT_ACTIONS = ['CREATE', 'EDIT', 'SUBMIT', 'APPROVE', 'RETURN'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A person as the identity provider names them. */
export interface Person {
  readonly subject: string;
  readonly name: string | null;
}

/** One piece of evidence: at least one of its fields is set. */
export interface Evidence {
  readonly documentSymbol: string | null;
  readonly documentDate: string | null;
  readonly url: string | null;
  readonly fileId: string | null;
  readonly fileName: string | null;
  readonly fileSize: number | null;
  readonly note: string | null;
}

/** A manual value for one unit-year and catalogue item. */
export interface Entry {
  readonly id: string;
  readonly unitId: string;
  readonly year: number;
  readonly indicatorCode: string;
  /** 0–1 on the published scale (derived from numerator/denominator when those were given). */
  readonly value: number;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly evidence: readonly Evidence[];
  readonly comment: string | null;
  readonly status: EntryStatus;
  readonly version: number;
  readonly enteredBy: Person;
  readonly approvedBy: Person | null;
  readonly overridesSystem: boolean;
  readonly warnings: readonly string[];
  readonly acknowledged: readonly string[];
  readonly justification: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One row of an entry's history. */
export interface AuditEvent {
  readonly entryId: string;
  readonly entryVersion: number;
  readonly at: string;
  readonly actor: Person;
  readonly role: string;
  readonly action: AuditAction;
  /** JSON of the entry before the change (null on create) and after it. */
  readonly before: string | null;
  readonly after: string;
  readonly reason: string | null;
}

/** Every warning an editor may acknowledge. */
export const WARNING_CODES = ['YEAR_ON_YEAR_JUMP', 'SYSTEM_MISMATCH', 'SYSTEM_FIGURE_UNAVAILABLE'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A plausibility warning the editor must acknowledge, with a justification, before submitting. */
export interface Warning {
  readonly code: WarningCode;
  /** Vietnamese (what the screens show). */
  readonly message: string;
  readonly messageEn: string;
}

/** An input problem, reported in the payload (nothing is stored). */
export interface UserError {
  readonly field: string;
  readonly code: string;
  /** Vietnamese (what the screens show). */
  readonly message: string;
  readonly messageEn: string;
}
