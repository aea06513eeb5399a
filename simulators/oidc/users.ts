import type { Role } from '../../lib/access/index.ts';

/** A seeded person of the development provider. */
export interface SeededUser {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
}

const perProvince = (code: string, province: string): SeededUser[] => [
  { sub: `viewer-${code}`, name: `Người xem ${province}`, roles: ['VIEWER'], units: [code] },
  { sub: `editor-${code}`, name: `Người nhập ${province}`, roles: ['EDITOR'], units: [code] },
  { sub: `reviewer-${code}`, name: `Người duyệt ${province}`, roles: ['REVIEWER'], units: [code] },
];

/**
 * Seeded users: an administrator, and a viewer, an editor and a reviewer for Khánh Hòa (56) and
 * Tây Ninh (51), plus a second editor and reviewer for 56 so four-eyes flows can be tested.
 */
export const SEEDED_USERS: readonly SeededUser[] = ([
  { sub: 'admin', name: 'Quản trị viên', roles: ['ADMIN'], units: [] },
  ...perProvince('56', 'Khánh Hòa'),
  ...perProvince('51', 'Tây Ninh'),
  { sub: 'editor-56-b', name: 'Người nhập thứ hai Khánh Hòa', roles: ['EDITOR'], units: ['56'] },
  { sub: 'reviewer-56-b', name: 'Người duyệt thứ hai Khánh Hòa', roles: ['REVIEWER'], units: ['56'] },
] satisfies SeededUser[]).map((u) => ({ ...u, name: u.name.normalize('NFC') }));

export const seededUser = (sub: string): SeededUser | undefined => SEEDED_USERS.find((u) => u.sub === sub);
