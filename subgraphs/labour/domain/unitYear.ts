import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { UnitYearRef } from './types.ts';

const isoDate = z.iso.date();

const representationSchema = z.object({
  unitId: z.string().min(1),
  year: z.number().int().min(1900).max(2200),
  recordScopes: z
    .array(z.object({ unitId: z.string(), code: z.string(), name: z.string().transform((n) => n.normalize('NFC')), from: isoDate, to: isoDate }))
    .optional(),
});

/** Parses a `UnitYear` representation from the gateway; `recordScopes` arrive through `@requires`. */
export function parseUnitYearRef(representation: unknown): UnitYearRef {
  const parsed = representationSchema.safeParse(representation);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new BadUserInputError(`Invalid UnitYear representation: ${issues}`, { argument: 'representations', cause: parsed.error });
  }
  return { unitId: parsed.data.unitId, year: parsed.data.year, recordScopes: parsed.data.recordScopes ?? [] };
}

/** DataLoader cache key of a unit-year: same year and scopes, same answer. */
export function unitYearKey(ref: UnitYearRef): string {
  return `${ref.year}|${ref.recordScopes.map((s) => `${s.code}:${s.from}:${s.to}`).join(',')}`;
}
