import { assessSystems, assessUnitYear } from '../assembly/assessment.ts';
import type { DtiAssessmentView, SystemsAssessment } from '../assembly/assessment.ts';
import { publicServiceIndex766 } from '../assembly/index766-view.ts';
import type { PublicServiceIndex766View } from '../assembly/index766-view.ts';
import { unitYearFactsOf } from '../assembly/representation.ts';
import { systemFigures, type SystemFigureView } from '../assembly/system-figures.ts';
import type { UnitYearFacts } from '../assembly/representation.ts';
import { requiresFieldMissingError } from '../assembly/contract.ts';
import type { Catalogue } from '../domain/index.ts';
import type { DtiContext } from '../context.ts';
import { predecessorYears, type UnitYearRecord } from '../domain/units.ts';
import { versionView } from './versions.ts';

/** The systems' assessment of a unit-year, computed once per request (dti and systemFigures both read it). */
function systemsAssessment(y: UnitYearFacts, catalogue: Catalogue, ctx: DtiContext): SystemsAssessment {
  const key = `${y.unitId}/${y.year}`;
  let assessed = ctx.systemsAssessments.get(key);
  if (assessed === undefined) {
    assessed = assessSystems(y, { catalogue });
    ctx.systemsAssessments.set(key, assessed);
  }
  return assessed;
}

// Every representation is resolved from what the router sent and the reference data: no I/O, so a
// batch of _entities is one pass over the list.
export const UnitYear = {
  __resolveReference: (ref: unknown, ctx: DtiContext): UnitYearFacts | null => unitYearFactsOf(ref, ctx.units, ctx.dataYears),

  unit: (y: UnitYearRecord) => y.unit,

  rolledUp: (y: UnitYearRecord): boolean => y.recordScopes.some((s) => s.unitId !== y.unitId),

  predecessorYears: (y: UnitYearRecord, _: unknown, ctx: DtiContext): UnitYearRecord[] => predecessorYears(ctx.units.units, y.unit, y.year),

  // Each year is scored by the catalogue version governing it, and says which.
  dti: (y: UnitYearFacts, _: unknown, ctx: DtiContext): DtiAssessmentView & { catalogueVersion: ReturnType<typeof versionView> } => {
    if (y.missing.dti.length > 0) throw requiresFieldMissingError('UnitYear.dti', y.missing.dti);
    const version = ctx.catalogues.forYear(y.year);
    const data = { ...ctx, catalogue: version.catalogue };
    return { ...assessUnitYear(y, data, systemsAssessment(y, version.catalogue, ctx)), catalogueVersion: versionView(version) };
  },

  // The connected systems' figures alone, by the catalogue version governing the year (as dti).
  systemFigures: (y: UnitYearFacts, _: unknown, ctx: DtiContext): SystemFigureView[] => {
    if (y.missing.systemFigures.length > 0) throw requiresFieldMissingError('UnitYear.systemFigures', y.missing.systemFigures);
    const { catalogue } = ctx.catalogues.forYear(y.year);
    return systemFigures(systemsAssessment(y, catalogue, ctx), catalogue);
  },

  publicServiceIndex766: (y: UnitYearFacts, _: unknown, ctx: DtiContext): PublicServiceIndex766View => {
    if (y.missing.publicServiceIndex766.length > 0) throw requiresFieldMissingError('UnitYear.publicServiceIndex766', y.missing.publicServiceIndex766);
    return publicServiceIndex766(y, ctx.catalogue);
  },
};
