import { z } from 'zod';

/** Roles a person can hold, as named in tokens and in `@requiresScopes`. */
export const ROLES = ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A verified caller. `units` are administrative-unit codes as issued by the identity provider:
 * a code names the unit in force today and, through it, its predecessors.
 */
export interface Identity {
  readonly subject: string;
  readonly name: string | null;
  readonly roles: ReadonlySet<Role>;
  readonly units: readonly string[];
}

/** Where in a verified token's claims the roles, units and display name sit (providers differ). */
export interface ClaimPaths {
  /** Dot path of the roles claim, e.g. `realm_access.roles` (Keycloak) or `roles` (WSO2). @default roles */
  readonly roles: string;
  /** Dot path of the units claim, e.g. `dti_units`. @default units */
  readonly units: string;
  /** Dot path of the display name. @default name */
  readonly name: string;
}

export const DEFAULT_CLAIM_PATHS: ClaimPaths = { roles: 'roles', units: 'units', name: 'name' };

function at(claims: unknown, path: string): unknown {
  let cur: unknown = claims;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const unitCodeSchema = z.string().regex(/^\d{2,5}$/, 'a unit code is 2 to 5 digits');
// Providers send one value as a string and several as an array; unknown roles (a provider's own,
// like Keycloak's offline_access) are ignored rather than refused.
const listSchema = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v));
const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  roles: listSchema.optional().transform((v) => new Set((v ?? []).map((r) => r.toUpperCase()).filter((r): r is Role => (ROLES as readonly string[]).includes(r)))),
  units: listSchema.optional().pipe(z.array(unitCodeSchema).optional()).transform((v) => [...new Set(v ?? [])]),
  name: z.string().max(256).optional(),
});

/** Turns verified token claims into an Identity at the configured claim paths; throws a ZodError on a malformed claim. */
export function identityFromClaims(claims: unknown, paths: ClaimPaths = DEFAULT_CLAIM_PATHS): Identity {
  const parsed = claimsSchema.parse({
    sub: at(claims, 'sub'),
    roles: at(claims, paths.roles),
    units: at(claims, paths.units),
    name: at(claims, paths.name),
  });
  return { subject: parsed.sub, name: parsed.name?.normalize('NFC') ?? null, roles: parsed.roles, units: parsed.units };
}
