import { BadUserInputError } from '../../../lib/errors/index.ts';
import { methodologyByCode, methodologyForYear } from '../domain/index.ts';
import type { Catalogue, DtiInputDefinition, MainIndicator, Methodology, SourceSystem } from '../domain/index.ts';

type Upper<S extends string> = Uppercase<S>;

const SOURCE_SYSTEM_ENUM: Record<SourceSystem, Upper<SourceSystem>> = { documents: 'DOCUMENTS', services: 'SERVICES', labour: 'LABOUR', plans: 'PLANS' };

/** GraphQL `SourceSystem` value of a domain system name. */
export function toSourceSystemEnum(system: SourceSystem): Upper<SourceSystem> {
  return SOURCE_SYSTEM_ENUM[system];
}

/** `DtiInputDefinition` as the schema shows it. */
export interface InputDefinitionView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: 'FRACTION' | 'BOOLEAN';
  readonly sourceSystem: Upper<SourceSystem>;
  readonly feeds: readonly string[];
  readonly mappingIsJudgement: boolean;
  readonly confirmed: boolean;
  readonly citation: string;
  readonly notes: string | null;
}

/** A catalogue input for the schema (Vietnamese name as `name`, enums upper-case). */
export function inputDefinitionView(def: DtiInputDefinition): InputDefinitionView {
  return {
    code: def.code,
    name: def.nameVi,
    nameEn: def.nameEn,
    unit: def.unit === 'boolean' ? 'BOOLEAN' : 'FRACTION',
    sourceSystem: toSourceSystemEnum(def.sourceSystem),
    feeds: def.feeds,
    mappingIsJudgement: def.mappingIsJudgement,
    confirmed: def.confirmed,
    citation: def.citation,
    notes: def.notes,
  };
}

function mainIndicatorDefinitionView(m: MainIndicator, catalogue: Catalogue) {
  return {
    code: m.code,
    pillar: m.pillar,
    group: m.group,
    name: m.nameVi,
    nameEn: m.nameEn,
    maxPoints: m.maxPoints,
    pointsConfirmed: m.pointsConfirmed,
    componentCount: m.componentCount,
    confirmed: m.confirmed,
    status: m.collectionStatus,
    dataHeldBy: m.dataHeldBy,
    citation: m.citation,
    notes: m.notes,
    inputs: catalogue.inputs.filter((i) => i.feeds.includes(m.code)).map(inputDefinitionView),
  };
}

/** A methodology for the schema, with its pillars, groups and main indicators (and the inputs feeding each). */
export function methodologyView(m: Methodology, catalogue: Catalogue) {
  return {
    code: m.code,
    issuer: m.issuer,
    issuedOn: m.issuedOn,
    dtiYears: m.dtiYears,
    dtiYearsOpenEnded: m.dtiYearsOpenEnded,
    publishedOn: m.publishedOn,
    totalPoints: m.totalPoints,
    totalPointsConfirmed: m.totalPointsConfirmed,
    componentCount: m.componentCount,
    componentCountNote: m.componentCountNote,
    scoredLevel: m.scoredLevel === 'pillar' ? 'PILLAR' : 'MAIN_INDICATOR',
    aggregation: {
      formula: m.aggregation.formulaVi,
      formulaEn: m.aggregation.formulaEn,
      confirmed: m.aggregation.confirmed,
      citation: m.aggregation.citation,
      notes: m.aggregation.notes,
    },
    pillars: m.pillars.map((p) => ({ code: p.code, name: p.nameVi, nameEn: p.nameEn, maxPoints: p.maxPoints, confirmed: p.confirmed, citation: p.citation, notes: p.notes })),
    groups: m.groups.map((g) => ({ code: g.code, name: g.nameVi, nameEn: g.nameEn, maxPoints: g.maxPoints, confirmed: g.confirmed, citation: g.citation })),
    mainIndicators: m.mainIndicators.map((i) => mainIndicatorDefinitionView(i, catalogue)),
    citation: m.citation,
    notes: m.notes,
  } as const;
}

/** The 766 part of the catalogue for the schema. */
export function index766DefinitionView(catalogue: Catalogue) {
  const c = catalogue.index766;
  return {
    code: c.code,
    issuedOn: c.issuedOn,
    totalPoints: c.totalPoints,
    totalPointsConfirmed: c.totalPointsConfirmed,
    citation: c.citation,
    estimateRule: c.estimateRule,
    groups: c.groups.map((g) => ({ code: g.code, name: g.nameVi, nameEn: g.nameEn, maxPoints: g.maxPoints, confirmed: g.confirmed, citation: g.citation, conflicts: g.conflicts })),
    indicators: c.indicators.map((i) => ({
      code: i.code,
      group: i.group,
      name: i.nameVi,
      nameEn: i.nameEn,
      formula: i.formulaVi,
      unit: i.unit === 'days' ? 'DAYS' : 'FRACTION',
      maxPoints: i.maxPoints,
      pointsConfirmed: i.pointsConfirmed,
      confirmed: i.confirmed,
      fullMarksAt: i.fullMarksAt,
      thresholdConfirmed: i.thresholdConfirmed,
      citation: i.citation,
      notes: i.notes,
    })),
  } as const;
}

/** The whole catalogue, or the methodologies selected, for the schema. */
export function catalogueView(catalogue: Catalogue, methodologies: readonly Methodology[]) {
  return {
    version: catalogue.version,
    description: catalogue.description,
    methodologies: methodologies.map((m) => methodologyView(m, catalogue)),
    inputs: catalogue.inputs.map(inputDefinitionView),
    index766: index766DefinitionView(catalogue),
  } as const;
}

/** Methodologies a catalogue query asks for: by code, by DTI year, both (which must agree), or all. */
export function selectMethodologies(catalogue: Catalogue, args: { readonly methodology?: string | null; readonly year?: number | null }): Methodology[] {
  const byCode = args.methodology === undefined || args.methodology === null ? null : methodologyByCode(args.methodology, catalogue);
  const byYear = args.year === undefined || args.year === null ? null : methodologyForYear(args.year, catalogue);
  if (byCode !== null && byYear !== null && byCode.code !== byYear.code) {
    throw new BadUserInputError(`DTI ${args.year ?? ''} is assessed under ${byYear.code}, not ${byCode.code}; give one of methodology or year, or a matching pair`, {
      argument: 'methodology',
    });
  }
  const one = byCode ?? byYear;
  return one === null ? [...catalogue.methodologies] : [one];
}
