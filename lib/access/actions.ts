import type { Role } from './identity.ts';

/** Everything access control decides about: a closed vocabulary (A30). */
export type Action =
  | 'unitYear:read'
  | 'plan:import'
  | 'entry:edit'
  | 'entry:review'
  | 'export:run'
  | 'catalogue:admin'
  | 'audit:read';

/** What each action needs. `unitScoped` actions also need the unit among the caller's units (administrators: all). */
export interface ActionRule {
  /** Any of these roles is enough. */
  readonly roles: readonly Role[];
  readonly unitScoped: boolean;
}

export const ACTION_RULES: Record<Action, ActionRule> = {
  'unitYear:read': { roles: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'], unitScoped: true },
  'export:run': { roles: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'], unitScoped: true },
  'plan:import': { roles: ['EDITOR'], unitScoped: true },
  'entry:edit': { roles: ['EDITOR'], unitScoped: true },
  'entry:review': { roles: ['REVIEWER'], unitScoped: true },
  'catalogue:admin': { roles: ['ADMIN'], unitScoped: false },
  'audit:read': { roles: ['ADMIN'], unitScoped: false },
};
