import { describe, expect, it } from 'vitest';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../units/index.ts';
import { identityFromClaims, type Identity } from './identity.ts';
import { decide, indexUnits, scopeOf } from './policy.ts';

const index = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
const TODAY = '2026-11-29';
const who = (roles: string[], units: string[]): Identity => identityFromClaims({ sub: 'u1', roles, units, name: 'Nguyễn Văn A' });

describe('identityFromClaims', () => {
  it('reads roles and units at configured paths (Keycloak realm roles), ignoring unknown roles', () => {
    const id = identityFromClaims({ sub: 's', realm_access: { roles: ['viewer', 'offline_access'] }, dti: { units: '56 51' } }, {
      roles: 'realm_access.roles',
      units: 'dti.units',
      name: 'name',
    });
    expect([...id.roles]).toEqual(['VIEWER']);
    expect(id.units).toEqual(['56', '51']);
    expect(id.name).toBeNull();
  });
  it('refuses a malformed unit claim and a missing subject', () => {
    expect(() => identityFromClaims({ sub: 's', units: ['56; drop'] })).toThrow(/unit code/);
    expect(() => identityFromClaims({ units: ['56'] })).toThrow();
  });
});

describe('decide', () => {
  it('a viewer of today\'s 56 reads 56 and the provinces merged into it, not 51', () => {
    const scope = scopeOf(who(['VIEWER'], ['56']), index, TODAY);
    expect(decide(scope, 'unitYear:read', '56@2025-07-01', index)).toEqual({ allow: true });
    expect(decide(scope, 'unitYear:read', '56@origin', index)).toEqual({ allow: true });
    expect(decide(scope, 'unitYear:read', '58@origin', index)).toEqual({ allow: true });
    expect(decide(scope, 'unitYear:read', '568@origin', index)).toEqual({ allow: true });
    expect(decide(scope, 'unitYear:read', '51@2025-07-01', index)).toEqual({ allow: false, code: 'FORBIDDEN', missing: 'access to unit 51' });
  });
  it('anonymous callers are unauthenticated; roles are checked before units', () => {
    expect(decide(scopeOf(null, index, TODAY), 'unitYear:read', '56@origin', index).allow).toBe(false);
    expect(decide(scopeOf(null, index, TODAY), 'unitYear:read', '56@origin', index)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(decide(scopeOf(who(['VIEWER'], ['56']), index, TODAY), 'plan:import', '56@origin', index)).toEqual({
      allow: false,
      code: 'FORBIDDEN',
      missing: 'role EDITOR',
    });
  });
  it('administrators read every unit but need the named role to write', () => {
    const admin = scopeOf(who(['ADMIN'], []), index, TODAY);
    expect(decide(admin, 'unitYear:read', '01@origin', index)).toEqual({ allow: true });
    expect(decide(admin, 'entry:review', '01@origin', index)).toMatchObject({ allow: false, missing: 'role REVIEWER' });
    expect(decide(admin, 'catalogue:admin', null, index)).toEqual({ allow: true });
  });
  it('an editor of 51 cannot import for 56', () => {
    const scope = scopeOf(who(['EDITOR'], ['51']), index, TODAY);
    expect(decide(scope, 'plan:import', '56@2025-07-01', index)).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    expect(decide(scope, 'plan:import', '51@origin', index)).toEqual({ allow: true });
  });
});
