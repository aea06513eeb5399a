import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { RecordScope } from './types.ts';

/** What the loader needs of a `UnitYear` representation: its year and the record scopes plans provided. */
export interface UnitYearKey {
  readonly unitId: string;
  readonly year: number;
  readonly scopes: readonly RecordScope[];
}

const isoDate = z.iso.date();
const representationSchema = z.object({
  unitId: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  recordScopes: z.array(z.object({ unitId: z.string(), code: z.string(), name: z.string(), from: isoDate, to: isoDate })),
});

/** Parses a `UnitYear` representation (request input from the router) into a loader key. */
export function toUnitYearKey(representation: unknown): UnitYearKey {
  const parsed = representationSchema.safeParse(representation);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BadUserInputError(`UnitYear representation is invalid: ${first === undefined ? '' : `${first.path.join('.')}: ${first.message}`}`, {
      argument: 'representations',
      cause: parsed.error,
    });
  }
  const r = parsed.data;
  return { unitId: r.unitId, year: r.year, scopes: r.recordScopes.map((s) => ({ ...s, name: s.name.normalize('NFC') })) };
}
