import { decide, type AccessScope, type Action, type UnitIndex } from '../../lib/access/index.ts';
import { AccessDeniedError } from '../../lib/errors/index.ts';

/**
 * The only place this subgraph names actions: which action each guarded field needs. Where the
 * unit is in the arguments, the gateway refuses early too; where only the data knows it (an
 * entry's unit), the service reads it first and asks here. Resolvers check nothing themselves.
 * `UnitYear.approvedEntries` is read by the planner for `UnitYear.dti` (through `@requires`) as the
 * same caller, under the same rule as `dti` itself.
 */
export const ACCESS_RULES = {
  'Mutation.saveEntry': 'entry:edit',
  'Mutation.saveEntries': 'entry:edit',
  'Mutation.uploadEvidenceFile': 'entry:edit',
  'Mutation.submitEntries': 'entry:edit',
  'Mutation.reviewEntry': 'entry:review',
  'UnitYear.selfAssessment': 'unitYear:read',
  'UnitYear.approvedEntries': 'unitYear:read',
  'UnitYear.submissionChecks': 'unitYear:read',
} as const satisfies Record<string, Action>;

export type GuardedField = keyof typeof ACCESS_RULES;

/** The caller's standing in this request and the unit index decisions are made against. */
export interface AccessGate {
  readonly scope: AccessScope;
  readonly units: UnitIndex;
}

/** Throws UNAUTHENTICATED / FORBIDDEN unless the caller may use `field` on `unitId`. */
export function authorize(gate: AccessGate, field: GuardedField, unitId: string | null): void {
  const action = ACCESS_RULES[field];
  const decision = decide(gate.scope, action, unitId, gate.units);
  if (!decision.allow) throw new AccessDeniedError(decision.code, `${field} needs ${decision.missing}.`);
}

/** The role an action is performed in, as the audit trail records it. */
export const ROLE_OF_FIELD: Record<'Mutation.saveEntry' | 'Mutation.submitEntries' | 'Mutation.reviewEntry', 'EDITOR' | 'REVIEWER'> = {
  'Mutation.saveEntry': 'EDITOR',
  'Mutation.submitEntries': 'EDITOR',
  'Mutation.reviewEntry': 'REVIEWER',
};
