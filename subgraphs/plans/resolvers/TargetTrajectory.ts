import { findUnit, predecessorsOf, type AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { BadUserInputError, NotFoundError } from '../../../lib/errors/index.ts';
import type { PlansContext } from '../context.ts';
import { checkYear } from '../../../lib/units/index.ts';
import { plansOfUnit } from '../domain/plans.ts';
import { targetIndicator, type UnitYearFigures } from '../domain/targets.ts';
import { trajectory, worstFirst, type Trajectory } from '../domain/trajectory.ts';
import type { Plan, PlanTarget, UnitYear, UnitYearKey } from '../domain/types.ts';
import { unitYear } from '../../../lib/units/index.ts';
import type { TargetInPlan } from './Plan.ts';

/**
 * The unit-years a target's trajectory reads: its plan's unit (as on the issue date) from the
 * first data year through `through`, the target year, or the unit's last year, whichever comes
 * first. Before a merger the unit-year rolls up its predecessors, as everywhere else.
 */
function yearsOfTarget(units: readonly AdministrativeUnitRecord[], plan: Plan, target: PlanTarget, first: number, through: number): UnitYear[] {
  const unit = findUnit(units, plan.unitCode, plan.issuedOn);
  if (unit === undefined) return [];
  const last = Math.min(through, target.targetYear ?? through, unit.validTo === null ? through : Number(unit.validTo.slice(0, 4)));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => unitYear(units, unit, first + i));
}

/**
 * A figure-carrying unit-year as the planner hands it back through @requires: only the figures.
 * The selection names no field plans resolves itself (unitId, year): Cosmo's composition refuses
 * local fields in a @requires, so the figures are paired with the unit-years by position: the key's
 * unitYearKeys, which dti answered as unitYears in that order, checked against the list recomputed here.
 */
type YearRepresentation = UnitYearFigures;

function pairByPosition(
  ref: { readonly unitYearKeys?: readonly UnitYearKey[] | null; readonly unitYears?: readonly (YearRepresentation | null)[] | null },
  expected: readonly UnitYear[],
): Map<UnitYear, YearRepresentation> {
  if (!Array.isArray(ref.unitYears)) throw new BadUserInputError('representation lacks unitYears (the @requires fields)');
  // dti answered the unit-years from the key's list, in its order: it must be the list recomputed here.
  if (!Array.isArray(ref.unitYearKeys) || !sameKeys(ref.unitYearKeys, expected)) {
    throw new BadUserInputError("representation's unitYearKeys are not the unit-years this entity reads (the plans changed between the planner's waves, or the representation was not made by the gateway)");
  }
  if (ref.unitYears.length !== expected.length) {
    throw new BadUserInputError(`representation carries ${ref.unitYears.length} unit-years where this entity reads ${expected.length} (the plans changed between the planner's waves, or the representation was not made by the gateway)`);
  }
  return new Map(expected.map((y, i) => [y, ref.unitYears?.[i] ?? {}]));
}

/** The keys of unit-years, in order: what the entities' keys carry for the dti subgraph to answer. */
function keysOf(years: readonly UnitYear[]): UnitYearKey[] {
  return years.map((y) => ({ unitId: y.unitId, year: y.year }));
}

function sameKeys(keys: readonly UnitYearKey[], years: readonly UnitYear[]): boolean {
  return keys.length === years.length && keys.every((k, i) => k.unitId === years[i]?.unitId && k.year === years[i]?.year);
}

/**
 * A trajectory before the source subgraphs' figures arrive (first planner wave). Its key carries the
 * unit-years' keys, so the dti subgraph answers the unit-years (and the record scopes the sources
 * need) without the planner asking plans, and so the registry, for them first.
 */
export interface TrajectoryStub {
  readonly planId: string;
  readonly targetIndex: number;
  readonly through: number;
  readonly unitYearKeys: readonly UnitYearKey[];
}

export async function trajectoryStub(t: TargetInPlan, through: number | null | undefined, ctx: PlansContext): Promise<TrajectoryStub> {
  const last = checkYear(through ?? ctx.dataYears.last, ctx.dataYears);
  const units = (await ctx.catalogue()).units;
  return { planId: t.plan.id, targetIndex: t.index, through: last, unitYearKeys: keysOf(yearsOfTarget(units, t.plan, t, ctx.dataYears.first, last)) };
}

export const TargetTrajectory = {
  // Called once per wave with every trajectory's figures, fetched in one batch per source subgraph.
  __resolveReference: async (
    ref: { planId: string; targetIndex: number; through: number; unitYearKeys?: readonly UnitYearKey[] | null; unitYears?: readonly YearRepresentation[] | null },
    ctx: PlansContext,
  ): Promise<Trajectory & TrajectoryStub> => {
    const plan = await ctx.loaders.planById.load(ref.planId);
    const target = plan.targets[ref.targetIndex];
    if (target === undefined) throw new NotFoundError(`plan ${ref.planId} has no target #${ref.targetIndex}`);
    const code = targetIndicator(target, ctx.indicators)?.code ?? null;
    const units = (await ctx.catalogue()).units;
    const expected = yearsOfTarget(units, plan, target, ctx.dataYears.first, ref.through);
    const years = [...pairByPosition(ref, expected)].map(([y, figures]) => ({ year: y.year, figures }));
    return { ...trajectory(target, code, years), planId: ref.planId, targetIndex: ref.targetIndex, through: ref.through, unitYearKeys: keysOf(expected) };
  },
};

/** A unit's targets-at-risk list before the figures arrive: the keys of every unit-year its targets read (for dti). */
export interface TargetsAtRiskStub {
  readonly unitId: string;
  readonly through: number;
  readonly unitYearKeys: readonly UnitYearKey[];
}

/** Plans of a unit and of the units merged into it: a merged province answers for its predecessors' targets. */
async function plansFor(unit: AdministrativeUnitRecord, ctx: PlansContext): Promise<Plan[]> {
  const units = [unit, ...predecessorsOf((await ctx.catalogue()).units, unit)];
  const fetched = await ctx.loaders.plansByCode.loadMany(units.map((u) => u.code));
  return units.flatMap((u, i) => {
    const f = fetched[i];
    if (f instanceof Error) throw f;
    return f === undefined ? [] : plansOfUnit(f.items, u);
  });
}

export async function targetsAtRiskStub(unit: AdministrativeUnitRecord, through: number | null | undefined, ctx: PlansContext): Promise<TargetsAtRiskStub> {
  const last = checkYear(through ?? ctx.dataYears.last, ctx.dataYears);
  return { unitId: unit.id, through: last, unitYearKeys: keysOf(await unitYearsAtRisk(unit, last, ctx)) };
}

/** Every unit-year a unit's linked targets read, each once, in a stable order (the stub's and the reference's). */
async function unitYearsAtRisk(unit: AdministrativeUnitRecord, last: number, ctx: PlansContext): Promise<UnitYear[]> {
  const units = (await ctx.catalogue()).units;
  const byKey = new Map<string, UnitYear>();
  for (const plan of await plansFor(unit, ctx)) {
    for (const target of plan.targets) {
      if (targetIndicator(target, ctx.indicators) === null) continue;
      for (const y of yearsOfTarget(units, plan, target, ctx.dataYears.first, last)) byKey.set(`${y.unitId}|${y.year}`, y);
    }
  }
  return [...byKey.values()];
}

export const TargetsAtRisk = {
  __resolveReference: async (
    ref: { unitId: string; through: number; unitYearKeys?: readonly UnitYearKey[] | null; unitYears?: readonly YearRepresentation[] | null },
    ctx: PlansContext,
  ) => {
    const catalogue = await ctx.catalogue();
    const unit = catalogue.byId.get(ref.unitId);
    if (unit === undefined) throw new NotFoundError(`no administrative unit has id "${ref.unitId}"`);
    const unitYears = await unitYearsAtRisk(unit, ref.through, ctx);
    const paired = pairByPosition(ref, unitYears);
    const figures = new Map([...paired].map(([y, f]) => [`${y.unitId}|${y.year}`, f]));
    const assessed = (await plansFor(unit, ctx)).flatMap((plan) =>
      plan.targets.flatMap((target) => {
        const link = targetIndicator(target, ctx.indicators);
        if (link === null) return [];
        const years = yearsOfTarget(catalogue.units, plan, target, ctx.dataYears.first, ref.through).map((y) => ({
          year: y.year,
          figures: figures.get(`${y.unitId}|${y.year}`) ?? {},
        }));
        const inPlan: TargetInPlan = { ...target, plan };
        return [{ plan, target: inPlan, trajectory: trajectory(target, link.code, years) }];
      }),
    );
    return { unitId: ref.unitId, through: ref.through, unitYearKeys: keysOf(unitYears), targets: worstFirst(assessed).map((a) => ({ plan: a.plan, target: a.target, ...a.trajectory })) };
  },
};
