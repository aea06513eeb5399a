import { findUnit, predecessorsOf, type AdministrativeUnitRecord } from '../units/index.ts';
import { ACTION_RULES, type Action } from './actions.ts';
import type { Identity } from './identity.ts';

/** The outcome of one access decision. `missing` says what was lacking, never which other units exist. */
export type Decision =
  | { readonly allow: true }
  | { readonly allow: false; readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN'; readonly missing: string };

/** Looks units up over time; built once from the unit catalogue. */
export interface UnitIndex {
  readonly units: readonly AdministrativeUnitRecord[];
  readonly byId: ReadonlyMap<string, AdministrativeUnitRecord>;
}

/** Indexes a unit catalogue for access decisions. */
export function indexUnits(units: readonly AdministrativeUnitRecord[]): UnitIndex {
  return { units, byId: new Map(units.map((u) => [u.id, u])) };
}

/**
 * The unit ids an identity's unit codes reach on `today`: each code names the unit in force that
 * day and, recursively, every unit merged into it (the team of today's 56 keeps the records of the
 * provinces merged into it). Districts and communes follow their province.
 */
export function reachableUnitIds(identity: Identity, index: UnitIndex, today: string): ReadonlySet<string> {
  const ids = new Set<string>();
  const visit = (u: AdministrativeUnitRecord): void => {
    if (ids.has(u.id)) return;
    ids.add(u.id);
    for (const p of predecessorsOf(index.units, u)) visit(p);
  };
  for (const code of identity.units) {
    const current = findUnit(index.units, code, today);
    if (current !== undefined) visit(current);
  }
  const provinces = new Set([...ids].map((id) => index.byId.get(id)?.code));
  for (const u of index.units) {
    if (u.parentCode !== null && u.level !== 'province' && provinces.has(u.parentCode)) ids.add(u.id);
  }
  return ids;
}

/** The caller's standing for one request: who, and which unit ids they reach. */
export interface AccessScope {
  readonly identity: Identity | null;
  readonly isAdmin: boolean;
  readonly unitIds: ReadonlySet<string>;
}

/** Builds the access scope of a (possibly anonymous) caller once per request. */
export function scopeOf(identity: Identity | null, index: UnitIndex, today: string): AccessScope {
  if (identity === null) return { identity, isAdmin: false, unitIds: new Set() };
  return { identity, isAdmin: identity.roles.has('ADMIN'), unitIds: reachableUnitIds(identity, index, today) };
}

/** Pure access decision: may this caller perform `action` on the unit `unitId` (null for unit-less actions)? Deny wins. */
export function decide(scope: AccessScope, action: Action, unitId: string | null, index: UnitIndex): Decision {
  const rule = ACTION_RULES[action];
  const identity = scope.identity;
  if (identity === null) return { allow: false, code: 'UNAUTHENTICATED', missing: 'a valid access token' };
  if (!rule.roles.some((r) => identity.roles.has(r))) {
    return { allow: false, code: 'FORBIDDEN', missing: `role ${rule.roles.join(' or ')}` };
  }
  if (!rule.unitScoped) return { allow: true };
  if (unitId === null) return { allow: false, code: 'FORBIDDEN', missing: 'a unit' };
  const unit = index.byId.get(unitId);
  const label = unit === undefined ? `unit ${unitId}` : `unit ${unit.code}`;
  // Administrators read every unit; writes still need the named role above (four eyes stay four eyes).
  if (scope.isAdmin && (action === 'unitYear:read' || action === 'export:run')) return { allow: true };
  if (scope.unitIds.has(unitId)) return { allow: true };
  return { allow: false, code: 'FORBIDDEN', missing: `access to ${label}` };
}
