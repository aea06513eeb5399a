import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';

// Vietnamese text is data: normalise to NFC once, at the edge.
const text = z.string().min(1).transform((s) => s.normalize('NFC'));
const note = text.nullable();
const points = z.number().nonnegative().nullable();

const pillarSchema = z.object({
  code: z.enum(['CQS', 'KTS', 'XHS']),
  nameVi: text,
  nameEn: text,
  maxPoints: points,
  confirmed: z.boolean(),
  citation: text,
  notes: note,
});

const groupSchema = z.object({
  code: z.string(),
  nameVi: text,
  nameEn: text,
  maxPoints: points,
  confirmed: z.boolean(),
  citation: text,
});

const mainIndicatorSchema = z.object({
  code: z.string().regex(/^(1726|922|405)-/),
  pillar: z.enum(['CQS', 'KTS', 'XHS']).nullable(),
  group: z.string().nullable(),
  nameVi: text,
  nameEn: text,
  /** Null where the reference does not confirm the points. */
  maxPoints: points,
  pointsConfirmed: z.boolean(),
  componentCount: z.number().int().positive().nullable(),
  /** Name and existence confirmed; points carry their own flag. */
  confirmed: z.boolean(),
  /** PARTIAL: some of our inputs feed it (as a proxy); NOT_COLLECTED: none of our systems can measure it. */
  collectionStatus: z.enum(['PARTIAL', 'NOT_COLLECTED']),
  dataHeldBy: text,
  citation: text,
  notes: note,
});

const methodologySchema = z.object({
  code: z.enum(['1726/QĐ-BTTTT', '922/QĐ-BTTTT', '405/QĐ-BKHCN']),
  issuer: text,
  issuedOn: z.iso.date(),
  dtiYears: z.array(z.number().int()).min(1),
  /** The last methodology applies to later years until a newer one is known. */
  dtiYearsOpenEnded: z.boolean().default(false),
  publishedOn: z.iso.date().nullable(),
  totalPoints: points,
  totalPointsConfirmed: z.boolean(),
  componentCount: z.number().int().positive(),
  componentCountNote: text,
  /** What the published total is a weighted sum of: pillar values (1726) or main-indicator values. */
  scoredLevel: z.enum(['pillar', 'main']),
  aggregation: z.object({ formulaVi: text, formulaEn: text, confirmed: z.boolean(), citation: text, notes: note }),
  pillars: z.array(pillarSchema).length(3),
  groups: z.array(groupSchema),
  mainIndicators: z.array(mainIndicatorSchema).min(1),
  citation: text,
  notes: note,
});

const inputSchema = z.object({
  code: z.enum([
    'DOC_SIGNED_DIGITALLY_RATE',
    'DOC_SENT_ELECTRONICALLY_RATE',
    'WORK_RECORDS_ONLINE_RATE',
    'PS_FULLY_ONLINE_PROCEDURE_RATE',
    'PS_ONLINE_DOSSIER_RATE',
    'PS_ON_TIME_RATE',
    'PS_DIGITISED_DOSSIER_RATE',
    'PS_ONLINE_PAYMENT_RATE',
    'LAB_TRAINED_WORKFORCE_RATE',
    'LAB_DIGITAL_SKILLS_RATE',
    'PLAN_TASK_COMPLETION_RATE',
    'PLAN_ADOPTED',
  ]),
  sourceSystem: z.enum(['documents', 'services', 'labour', 'plans']),
  /** fraction: 0..1; boolean: exactly 0 or 1. */
  unit: z.enum(['fraction', 'boolean']),
  nameVi: text,
  nameEn: text,
  /** Main-indicator codes (across methodologies) this input feeds; empty: evidence shown beside the assessment, scored nowhere. */
  feeds: z.array(z.string()),
  /**
   * Whether a connected system supplies the input through the graph (false: named by the methodology,
   * but no system we connect measures it yet). The submissions subgraph reads it to know which manual
   * entries a system figure checks; older catalogue versions without it mean true.
   */
  inGraph: z.boolean().default(true),
  mappingIsJudgement: z.boolean(),
  confirmed: z.boolean(),
  citation: text,
  notes: note,
});

const index766GroupSchema = z.object({
  code: z.enum(['766-G1', '766-G2', '766-G3', '766-G4', '766-G5']),
  apiKeys: z.array(z.string()),
  nameVi: text,
  nameEn: text,
  maxPoints: z.number().positive(),
  confirmed: z.boolean(),
  citation: text,
  conflicts: z.array(text),
});

const index766IndicatorSchema = z.object({
  code: z.string().regex(/^766-\d\.\d$/),
  group: index766GroupSchema.shape.code,
  nameVi: text,
  nameEn: text,
  formulaVi: text,
  unit: z.enum(['fraction', 'days']),
  maxPoints: points,
  pointsConfirmed: z.boolean(),
  /** Name and formula confirmed by a (secondary summary of the) official text. */
  confirmed: z.boolean(),
  /** Rate at or above which the indicator earns full marks (third-party). */
  fullMarksAt: z.number().positive().max(1).nullable(),
  thresholdConfirmed: z.boolean(),
  citation: text,
  notes: note,
});

const catalogueFileSchema = z.object({
  version: z.string(),
  description: text,
  methodologies: z.array(methodologySchema).min(1),
  inputs: z.array(inputSchema),
  index766: z.object({
    code: z.literal('766/QĐ-TTg'),
    issuedOn: z.iso.date(),
    totalPoints: z.number().positive(),
    totalPointsConfirmed: z.boolean(),
    citation: text,
    estimateRule: text,
    groups: z.array(index766GroupSchema).length(5),
    indicators: z.array(index766IndicatorSchema).min(1),
  }),
});

export type Catalogue = z.output<typeof catalogueFileSchema>;
export type Methodology = Catalogue['methodologies'][number];
export type MethodologyCode = Methodology['code'];
export type MainIndicator = Methodology['mainIndicators'][number];
export type Pillar = Methodology['pillars'][number];
export type DtiInputDefinition = Catalogue['inputs'][number];
export type DtiInputCode = DtiInputDefinition['code'];
export type SourceSystem = DtiInputDefinition['sourceSystem'];
export type Index766Catalogue = Catalogue['index766'];
export type Index766Group = Index766Catalogue['groups'][number];
export type Index766Indicator = Index766Catalogue['indicators'][number];

/** A weighted item of a methodology's total: a main indicator, or a pillar under 1726. */
export interface ScoredItem {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: number | null;
}

/** Parses catalogue JSON and checks its cross-references (input feeds, collection status, year overlap). */
export function parseCatalogue(json: unknown): Catalogue {
  const cat = catalogueFileSchema.parse(json);
  const mainCodes = new Set(cat.methodologies.flatMap((m) => m.mainIndicators.map((i) => i.code)));
  const fed = new Set<string>();
  for (const input of cat.inputs) {
    for (const code of input.feeds) {
      if (!mainCodes.has(code)) throw new Error(`catalogue: input ${input.code} feeds unknown main indicator ${code}`);
      fed.add(code);
    }
  }
  for (const m of cat.methodologies) {
    for (const i of m.mainIndicators) {
      if ((i.collectionStatus === 'NOT_COLLECTED') === fed.has(i.code)) {
        throw new Error(`catalogue: ${i.code} collectionStatus ${i.collectionStatus} disagrees with the input mapping`);
      }
      if (i.pointsConfirmed !== (i.maxPoints !== null)) throw new Error(`catalogue: ${i.code} points flag disagrees with maxPoints`);
    }
  }
  const years = cat.methodologies.flatMap((m) => m.dtiYears);
  if (new Set(years).size !== years.length) throw new Error('catalogue: a DTI year belongs to two methodologies');
  const groupCodes = new Set(cat.index766.groups.map((g) => g.code));
  for (const i of cat.index766.indicators) {
    if (!groupCodes.has(i.group)) throw new Error(`catalogue: 766 indicator ${i.code} in unknown group ${i.group}`);
  }
  return cat;
}

/** The committed catalogue file, relative to this module. */
export const CATALOGUE_URL = new URL('../../../schema/dti/catalogue.json', import.meta.url);

let cached: Catalogue | undefined;

/** Loads and parses `schema/dti/catalogue.json` once per process. */
export function loadCatalogue(): Catalogue {
  cached ??= parseCatalogue(JSON.parse(readFileSync(CATALOGUE_URL, 'utf8')));
  return cached;
}

/** The methodology with this code; BadUserInputError for an unknown code. */
export function methodologyByCode(code: string, catalogue: Catalogue = loadCatalogue()): Methodology {
  const m = catalogue.methodologies.find((x) => x.code === code.normalize('NFC'));
  if (m === undefined) {
    const known = catalogue.methodologies.map((x) => x.code).join(', ');
    throw new BadUserInputError(`Unknown DTI methodology "${code}"; known: ${known}`, { argument: 'methodology' });
  }
  return m;
}

/** The methodology that governs the DTI of an evaluation year (2020 → 1726, 2021–2023 → 922, 2024 on → 405). */
export function methodologyForYear(year: number, catalogue: Catalogue = loadCatalogue()): Methodology {
  const exact = catalogue.methodologies.find((m) => m.dtiYears.includes(year));
  if (exact !== undefined) return exact;
  const open = catalogue.methodologies.find((m) => m.dtiYearsOpenEnded && year > Math.max(...m.dtiYears));
  if (open !== undefined && Number.isInteger(year)) return open;
  throw new BadUserInputError(`No DTI methodology covers year ${year}; the provincial DTI starts with 2020`, { argument: 'year' });
}

/** The items whose values the methodology's total is a weighted sum of. */
export function scoredItems(methodology: Methodology): readonly ScoredItem[] {
  return methodology.scoredLevel === 'pillar' ? methodology.pillars : methodology.mainIndicators;
}

/** Input definitions that feed the given main indicator. */
export function inputsFeeding(mainIndicatorCode: string, catalogue: Catalogue = loadCatalogue()): DtiInputDefinition[] {
  return catalogue.inputs.filter((i) => i.feeds.includes(mainIndicatorCode));
}
