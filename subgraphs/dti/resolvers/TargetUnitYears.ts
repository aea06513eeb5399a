import { z } from 'zod';
import { BadUserInputError, NotFoundError } from '../../../lib/errors/index.ts';
import { checkYear, unitYear } from '../../../lib/units/index.ts';
import type { DtiContext } from '../context.ts';
import type { UnitYearRecord } from '../domain/units.ts';

// The plans subgraph's target entities carry the keys of the unit-years they read (computed from its
// registry's plans); dti answers the unit-years themselves, with their record scopes, from those keys.
// The plan is then plans (targets and keys) → dti (unit-years, record scopes; no upstream) → the sources
// → plans (the comparison): no plans fetch of its own only to name the unit-years.

const unitYearKey = z.object({ unitId: z.string().min(1), year: z.number().int() });
type UnitYearKey = z.infer<typeof unitYearKey>;

const actualRef = z.object({ planId: z.string(), targetIndex: z.number().int(), year: z.number().int(), unitYearKey });
const trajectoryRef = z.object({ planId: z.string(), targetIndex: z.number().int(), through: z.number().int(), unitYearKeys: z.array(unitYearKey) });
const atRiskRef = z.object({ unitId: z.string(), through: z.number().int(), unitYearKeys: z.array(unitYearKey) });

function parsed<T>(schema: z.ZodType<T>, typename: string, ref: unknown): T {
  const r = schema.safeParse(ref);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new BadUserInputError(`${typename} representation does not match its key: ${issues.join('; ')}`, { argument: 'representations', cause: r.error });
  }
  return r.data;
}

/** The unit-year a key names, or undefined when dti does not know the unit. */
function unitYearOf(key: UnitYearKey, ctx: DtiContext): UnitYearRecord | undefined {
  const unit = ctx.units.byId.get(key.unitId);
  return unit === undefined ? undefined : unitYear(ctx.units.units, unit, checkYear(key.year, ctx.dataYears));
}

/** Every unit-year of a list, in the key's order (plans pairs the figures with them by position). */
function unitYearsOf(keys: readonly UnitYearKey[], ctx: DtiContext): UnitYearRecord[] {
  return keys.map((key) => {
    const y = unitYearOf(key, ctx);
    if (y === undefined) throw new NotFoundError(`no administrative unit has id "${key.unitId}"`);
    return y;
  });
}

export const TargetActual = {
  __resolveReference: (ref: unknown) => parsed(actualRef, 'TargetActual', ref),
  unitYear: (t: z.infer<typeof actualRef>, _: unknown, ctx: DtiContext): UnitYearRecord | null => unitYearOf(t.unitYearKey, ctx) ?? null,
};

export const TargetTrajectory = {
  __resolveReference: (ref: unknown) => parsed(trajectoryRef, 'TargetTrajectory', ref),
  unitYears: (t: z.infer<typeof trajectoryRef>, _: unknown, ctx: DtiContext): UnitYearRecord[] => unitYearsOf(t.unitYearKeys, ctx),
};

export const TargetsAtRisk = {
  __resolveReference: (ref: unknown) => parsed(atRiskRef, 'TargetsAtRisk', ref),
  unitYears: (t: z.infer<typeof atRiskRef>, _: unknown, ctx: DtiContext): UnitYearRecord[] => unitYearsOf(t.unitYearKeys, ctx),
};
