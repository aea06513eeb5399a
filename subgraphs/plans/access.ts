import { z } from 'zod';
import { accessUnitIndex, stringField, type AccessRules } from '../../lib/access/index.ts';
import { findUnit } from '../../lib/units/index.ts';

const today = (): string => new Date().toISOString().slice(0, 10);
const unitAt = (code: unknown, date: string): string | null =>
  typeof code === 'string' ? (findUnit(accessUnitIndex().units, code, date)?.id ?? null) : null;
const targetSchema = z.object({ plan: z.object({ unitCode: z.string(), issuedOn: z.string() }) });

/** The unit a target's plan was filed under, as in force on its issue date. */
function planUnit(parent: unknown): string | null {
  const t = targetSchema.safeParse(parent);
  return t.success ? unitAt(t.data.plan.unitCode, t.data.plan.issuedOn) : null;
}

/**
 * The unit a plan is filed under: the one in force today under that code, or else the last that
 * bore it (72, merged into 80: the team of today's 80 files Tây Ninh's old plans).
 */
function filingUnit(code: unknown): string | null {
  return (
    unitAt(code, today()) ??
    ([...accessUnitIndex().units].filter((u) => u.code === code).sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'))[0]?.id ?? null)
  );
}

/**
 * Who may read and change what in the plans subgraph (A35): every field here carries `@policy`
 * in the SDL. `TargetActual`'s and `TargetTrajectory`'s figures are reached only through
 * `PlanTarget.actual` / `.trajectory` and `AdministrativeUnit.targetsAtRisk`, ruled here.
 */
export const accessRules: AccessRules = {
  'UnitYear.plans': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'unitId') },
  'PlanTarget.actual': { action: 'unitYear:read', unit: (_args, parent) => planUnit(parent) },
  'PlanTarget.trajectory': { action: 'unitYear:read', unit: (_args, parent) => planUnit(parent) },
  'AdministrativeUnit.targetsAtRisk': { action: 'unitYear:read', unit: (_args, parent) => stringField(parent, 'id') },
  'Mutation.importPlan': { action: 'plan:import', unit: (args) => filingUnit(args['unitCode']) },
  // Reading a document as the import would is the import's right: an editor of the unit.
  'Query.previewPlan': { action: 'plan:import', unit: (args) => filingUnit(args['unitCode']) },
};
