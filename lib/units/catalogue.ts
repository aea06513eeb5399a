import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Administrative level of a unit. Districts were abolished on 2025-07-01. */
export type UnitLevel = 'province' | 'district' | 'commune';

/**
 * One administrative unit as it existed over a validity interval. Codes are reused across the
 * 2025 reorganisation, so `id` (code + start of validity) is the identity, never `code` alone.
 */
export interface AdministrativeUnitRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  /** ISO date; null means in force before the period the reference data covers. */
  readonly validFrom: string | null;
  /**
   * False when the reference gives no start date (`validFrom` null): the unit existed before the
   * period researched and nothing here says since when. Such a unit must not be read as reaching
   * back forever; callers refuse dates before the first day they hold records for.
   */
  readonly startKnown: boolean;
  /** ISO date, inclusive; null means still in force. */
  readonly validTo: string | null;
  /** Codes of the units this one was formed from, in force the day before `validFrom`. */
  readonly mergedFrom: readonly string[];
  /** Code of the unit this one merged or was renamed into, in force the day after `validTo`. */
  readonly mergedInto: string | null;
  /** Caveats from the reference data, kept verbatim (they include UNCONFIRMED marks). */
  readonly notes: string | null;
  /** False where the reference data marks a fact about this unit as unconfirmed. */
  readonly confirmed: boolean;
}

const referenceUnitSchema = z.object({
  code: z.string().regex(/^\d{2,5}$/),
  name: z.string().min(1),
  level: z.enum(['province', 'district', 'commune']),
  validFrom: z.string().date().nullable(),
  validTo: z.string().date().nullable(),
  mergedInto: z.string().nullable().optional(),
  mergedFrom: z.array(z.string()).optional(),
  renamedTo: z.string().optional(),
  parentCode: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});

const referenceFileSchema = z.object({ units: z.array(referenceUnitSchema) });

/** Identity of a unit across time: its code and the first day of its validity. */
export function unitId(code: string, validFrom: string | null): string {
  return `${code}@${validFrom ?? 'origin'}`;
}

/** Parses a reference file shaped like `data/reference/admin-units.json` into unit records. */
export function parseUnitCatalogue(json: unknown): AdministrativeUnitRecord[] {
  const file = referenceFileSchema.parse(json);
  return file.units.map((u) => {
    const notes = u.notes ?? null;
    // A renamed unit (Thừa Thiên Huế → Thành phố Huế) keeps its code: its successor is itself.
    const mergedInto = u.mergedInto ?? (u.renamedTo !== undefined ? u.code : null);
    return {
      id: unitId(u.code, u.validFrom),
      code: u.code,
      name: u.name.normalize('NFC'),
      level: u.level,
      parentCode: u.parentCode ?? null,
      validFrom: u.validFrom,
      startKnown: u.validFrom !== null,
      validTo: u.validTo,
      mergedFrom: u.mergedFrom ?? [],
      mergedInto,
      notes: notes === null ? null : notes.normalize('NFC'),
      confirmed: notes === null || !/UNCONFIRMED/i.test(notes),
    };
  });
}

/** Loads and parses a unit catalogue file (reference data or simulator seed). */
export function loadUnitCatalogue(path: string | URL): AdministrativeUnitRecord[] {
  return parseUnitCatalogue(JSON.parse(readFileSync(path, 'utf8')));
}

/** The committed reference file of provinces, relative to this module. */
export const REFERENCE_UNITS_URL = new URL('../../data/reference/admin-units.json', import.meta.url);
/** Seeded districts of the seed-plan provinces (codes unconfirmed, marked so in each record). */
export const SEED_DISTRICTS_URL = new URL('../../data/reference/districts-seed.json', import.meta.url);
