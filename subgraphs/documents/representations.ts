import { z } from 'zod';
import { BadUserInputError } from '../../lib/errors/index.ts';
import type { TaskAgencyKey, UnitYearKey } from './upstream/loaders.ts';

const recordScope = z.object({
  unitId: z.string().min(1),
  code: z.string().min(1),
  name: z.string().transform((s) => s.normalize('NFC')),
  from: z.iso.date(),
  to: z.iso.date(),
});

const unitYearRepresentation = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  recordScopes: z.array(recordScope),
});

/** Reads the UnitYear representation the router sends (key plus required recordScopes) into a loader key. */
export function unitYearKeyOf(representation: unknown): UnitYearKey {
  const parsed = unitYearRepresentation.safeParse(representation);
  if (!parsed.success) {
    throw new BadUserInputError(`UnitYear representation lacks its record scopes: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      argument: 'representations',
    });
  }
  return parsed.data;
}

const agencyRepresentation = z.object({ code: z.string().min(1) });
const unitRepresentation = z.object({ id: z.string().min(1) });

/** The `code` of an Agency representation. */
export function agencyCodeOf(representation: unknown): string {
  const parsed = agencyRepresentation.safeParse(representation);
  if (!parsed.success) throw new BadUserInputError('Agency representation lacks its code', { argument: 'representations' });
  return parsed.data.code;
}

/** The `id` of an AdministrativeUnit representation. */
export function unitIdOf(representation: unknown): string {
  const parsed = unitRepresentation.safeParse(representation);
  if (!parsed.success) throw new BadUserInputError('AdministrativeUnit representation lacks its id', { argument: 'representations' });
  return parsed.data.id;
}

const taskAgencyRepresentation = z.object({
  name: z.string().min(1).transform((s) => s.normalize('NFC')),
  unitId: z.string().min(1),
  onDate: z.iso.date(),
});

/** Reads a TaskAgency representation (a plan's agency mention, its unit and date) into a loader key. */
export function taskAgencyKeyOf(representation: unknown): TaskAgencyKey {
  const parsed = taskAgencyRepresentation.safeParse(representation);
  if (!parsed.success) {
    throw new BadUserInputError(`TaskAgency representation is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      argument: 'representations',
    });
  }
  return parsed.data;
}
