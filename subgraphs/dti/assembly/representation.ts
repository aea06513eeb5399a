import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { checkYear, unitYear, type AdministrativeUnitRecord, type DataYears } from '../../../lib/units/index.ts';
import { predecessorYears as predecessorYearsOf, type UnitCatalogue, type UnitYearRecord } from '../domain/units.ts';
import { COUNTS_766_FIELDS, DTI_REQUIRES, INDEX766_REQUIRES, SYSTEM_REQUIRES, UNIT_YEAR_OWNERS } from '../schema.ts';
import { missingRequires, requiresSelection, type MissingField } from './contract.ts';

// The representation is request input (the router builds it from the other subgraphs' answers):
// parsed once here. `null` means the owning subgraph answered null (it failed) and the router
// passed the null on; `undefined` means the router did not send the field. The router sends only
// the union of the @requires of the fields asked, so absence is judged per field (`missing`,
// checked by each resolver: contract.ts), never read as an outage.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const text = z.string().transform((s) => s.normalize('NFC'));

const recordScopeSchema = z.object({
  unitId: z.string().min(1),
  code: z.string().min(1),
  name: text,
  from: z.string(),
  to: z.string(),
});

const provenanceSchema = z.object({
  system: z.enum(['PLANS', 'DOCUMENTS', 'SERVICES', 'LABOUR']),
  status: z.enum(['OK', 'PARTIAL', 'MISSING', 'STALE', 'SOURCE_UNAVAILABLE', 'NOT_COLLECTED']),
  recordRef: nullable(z.string()),
  fetchedAt: z.string(),
  asOf: nullable(z.string()),
  note: nullable(text),
  rolledUpFrom: z.array(recordScopeSchema).default([]),
});

const rate = nullable(z.number());
const count = nullable(z.number().int());

const documentsSchema = z.object({
  source: provenanceSchema,
  signedDigitallyRate: rate,
  sentElectronicallyRate: rate,
  workRecordsOnlineRate: rate,
});

const publicServicesSchema = z.object({
  source: provenanceSchema,
  fullyOnlineProcedureRate: rate,
  onlineDossierRate: rate,
  onTimeRate: rate,
  digitisedDossierRate: rate,
  onlinePaymentRate: rate,
  proceduresTotal: count,
  proceduresPublished: count,
  proceduresFullyOnline: count,
  proceduresPartlyOnline: count,
  dossiersReceived: count,
  dossiersOnline: count,
  dossiersResolved: count,
  dossiersResolvedOnTime: count,
  dossiersDigitised: count,
  dossiersWithFees: count,
  dossiersPaidOnline: count,
});

const counts766Schema = z.object({
  source: provenanceSchema,
  ...(Object.fromEntries(COUNTS_766_FIELDS.map((f) => [f, f === 'totalProcessingDays' ? nullable(z.number().nonnegative()) : count])) as {
    [K in (typeof COUNTS_766_FIELDS)[number]]: typeof count;
  }),
});

const labourSchema = z.object({
  source: provenanceSchema,
  trainedWorkforceRate: rate,
  digitalSkillsRate: rate,
  synthetic: z.boolean().default(false),
});

const plansSchema = z.object({
  source: provenanceSchema,
  planCount: z.number().int().nonnegative(),
});

// A unit-year's key and record scopes are dti's own (reference data): the router sends the key, and for each
// predecessor's year only the figures, in the order of predecessorYears.
const figuresSchema = z.object({
  documents: documentsSchema.nullish(),
  publicServices: publicServicesSchema.nullish(),
  publicServiceIndexCounts: counts766Schema.nullish(),
  labour: labourSchema.nullish(),
  plans: plansSchema.nullish(),
});
const unitYearSchema = figuresSchema.extend({ unitId: z.string().min(1), year: z.number().int() });

const personSchema = z.object({ subject: z.string().min(1), name: nullable(text) });
const approvedEntrySchema = z.object({
  id: z.string().min(1),
  indicatorCode: text,
  value: z.number().min(0).max(1),
  overridesSystemValue: z.boolean(),
  approvedAt: z.string(),
  evidence: z.array(
    z.object({
      documentSymbol: nullable(text),
      documentDate: nullable(z.string()),
      url: nullable(z.string()),
      fileId: nullable(z.string()),
      fileName: nullable(text),
      fileSize: nullable(z.number().int()),
      note: nullable(text),
    }),
  ),
  enteredBy: personSchema,
  approvedBy: personSchema,
});

// Predecessors' years carry the same figures, one level deep (a predecessor's own predecessors are not asked for).
// Approved manual entries (the submissions subgraph) are read for the unit-year itself only.
const representationSchema = unitYearSchema.extend({
  predecessorYears: z.array(figuresSchema).nullish(),
  approvedEntries: z.array(approvedEntrySchema).nullish(),
});

/** An approved manual entry, as the submissions subgraph hands it over. */
export type ApprovedEntryFacts = z.output<typeof approvedEntrySchema>;

/** Provenance of a source figure, as the shared `Provenance` type carries it. */
export type SourceProvenance = z.output<typeof provenanceSchema>;
/** A record scope (whose records make up part of a unit-year). */
export type RecordScopeFacts = z.output<typeof recordScopeSchema>;
export type DocumentsFacts = z.output<typeof documentsSchema>;
export type PublicServicesFacts = z.output<typeof publicServicesSchema>;
export type Counts766Facts = z.output<typeof counts766Schema>;
export type LabourFacts = z.output<typeof labourSchema>;
export type PlansFacts = z.output<typeof plansSchema>;

/** A source's figures: the object, null when its subgraph failed, undefined when not sent (not asked, or a contract break refused before use). */
export type Figures<T> = T | null | undefined;

/** What the dti subgraph knows of a unit-year: its key, unit and record scopes (reference data), and the source figures the router sent. */
export interface UnitYearFacts extends UnitYearRecord {
  readonly code: string;
  readonly validFrom: string | null;
  readonly documents: Figures<DocumentsFacts>;
  readonly publicServices: Figures<PublicServicesFacts>;
  /** The portal's 766 counts; undefined unless the 766 estimate asked for them. */
  readonly publicServiceIndexCounts?: Figures<Counts766Facts>;
  readonly labour: Figures<LabourFacts>;
  readonly plans: Figures<PlansFacts>;
  /**
   * The same year of each unit merged into this one, with its own figures (empty for a unit not formed by a
   * merger); null when the router passed a null on, undefined when not sent. Always undefined on a predecessor.
   */
  readonly predecessorYears: Figures<readonly UnitYearFacts[]>;
  /** Approved manual entries: null when the submissions subgraph failed, undefined when not sent (and on a predecessor). */
  readonly approvedEntries: Figures<readonly ApprovedEntryFacts[]>;
  /** What each field's @requires asks for that the representation lacks (empty on a predecessor: checked with its unit-year). */
  readonly missing: { readonly dti: readonly MissingField[]; readonly publicServiceIndex766: readonly MissingField[]; readonly systemFigures: readonly MissingField[] };
}

const DTI_SELECTION = requiresSelection(DTI_REQUIRES);
const INDEX766_SELECTION = requiresSelection(INDEX766_REQUIRES);
const SYSTEM_SELECTION = requiresSelection(SYSTEM_REQUIRES);
const ENTITY_FIELDS: ReadonlySet<string> = new Set(['predecessorYears']);
const NOTHING_MISSING = { dti: [], publicServiceIndex766: [], systemFigures: [] } as const;

type ParsedFigures = z.output<typeof figuresSchema>;

function factsOf(
  own: UnitYearRecord,
  r: ParsedFigures,
  predecessorYears: Figures<readonly UnitYearFacts[]>,
  approvedEntries: Figures<readonly ApprovedEntryFacts[]> = undefined,
  missing: UnitYearFacts['missing'] = NOTHING_MISSING,
): UnitYearFacts {
  return {
    unitId: own.unitId,
    code: own.unit.code,
    validFrom: own.unit.validFrom,
    year: own.year,
    unit: own.unit,
    recordScopes: own.recordScopes,
    documents: r.documents,
    publicServices: r.publicServices,
    publicServiceIndexCounts: r.publicServiceIndexCounts,
    labour: r.labour,
    plans: r.plans,
    predecessorYears,
    approvedEntries,
    missing,
  };
}

/**
 * Reads a UnitYear representation (key plus the @requires fields) into facts, the unit and its record scopes
 * (and each predecessor's, by position) from the reference data; null for a unit the reference does not hold;
 * BAD_USER_INPUT when malformed or for a year outside the data.
 */
export function unitYearFactsOf(representation: unknown, units: UnitCatalogue, dataYears: DataYears): UnitYearFacts | null {
  const parsed = representationSchema.safeParse(representation);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new BadUserInputError(`UnitYear representation does not match the fields dti requires: ${issues.join('; ')}`, {
      argument: 'representations',
      cause: parsed.error,
    });
  }
  const r = parsed.data;
  const unit: AdministrativeUnitRecord | undefined = units.byId.get(r.unitId);
  if (unit === undefined) return null;
  const own = unitYear(units.units, unit, checkYear(r.year, dataYears));
  const sent = r.predecessorYears;
  let predecessors: Figures<readonly UnitYearFacts[]> = sent === null ? null : undefined;
  if (sent !== null && sent !== undefined) {
    const local = predecessorYearsOf(units.units, unit, own.year);
    if (sent.length !== local.length) {
      throw new BadUserInputError(`UnitYear representation of ${unit.id} carries ${sent.length} predecessor years; the unit has ${local.length}`, {
        argument: 'representations',
      });
    }
    predecessors = local.map((p, i) => factsOf(p, sent[i] ?? {}, undefined));
  }
  const missing = {
    dti: missingRequires(representation, DTI_SELECTION, UNIT_YEAR_OWNERS, ENTITY_FIELDS),
    publicServiceIndex766: missingRequires(representation, INDEX766_SELECTION, UNIT_YEAR_OWNERS, ENTITY_FIELDS),
    systemFigures: missingRequires(representation, SYSTEM_SELECTION, UNIT_YEAR_OWNERS, ENTITY_FIELDS),
  };
  return factsOf(own, r, predecessors, r.approvedEntries, missing);
}
