import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { authorize } from '../access.ts';
import type { SubmissionsContext } from '../context.ts';
import { indicatorOfYear } from '../domain/catalogue.ts';
import type { AuditEvent, Entry } from '../domain/types.ts';
import type { EntryPayload, SubmissionCheck } from '../service.ts';

// Arguments are parsed at the edge even though GraphQL typed them: the domain gets plain, checked values.
const evidenceInput = z.object({
  documentSymbol: z.string().max(200).nullish(),
  documentDate: z.string().max(40).nullish(),
  url: z.string().max(2000).nullish(),
  fileId: z.string().max(128).nullish(),
  note: z.string().max(4000).nullish(),
});
const saveInput = z.object({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  indicatorCode: z.string().min(1).max(64),
  value: z.number().nullish(),
  numerator: z.number().nullish(),
  denominator: z.number().nullish(),
  evidence: z.array(evidenceInput).max(50),
  comment: z.string().max(4000).nullish(),
  expectedVersion: z.number().int().nullish(),
  acknowledgedWarnings: z.array(z.string().max(64)).max(10).nullish(),
  justification: z.string().max(4000).nullish(),
});
const saveArgs = z.object({ input: saveInput });
const saveManyArgs = z.object({ inputs: z.array(saveInput).min(1).max(500), dryRun: z.boolean().nullish() });
const submitArgs = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500), checks: z.array(z.string().max(2000)).max(500).nullish() });
const reviewArgs = z.object({
  id: z.string().min(1).max(64),
  decision: z.enum(['APPROVE', 'RETURN']),
  reason: z.string().max(4000).nullish(),
  overridesSystemValue: z.boolean().nullish(),
  expectedVersion: z.number().int(),
});
const uploadArgs = z.object({ unitId: z.string().min(1).max(64), name: z.string().min(1).max(255), contentBase64: z.string() });

// systemFigures arrives only when submissionChecks is asked (@requires); null or absent: dti did not answer.
const systemFigure = z
  .object({
    indicatorCode: z.string().min(1).transform((s) => s.normalize('NFC')),
    value: z.number().min(0).max(1).nullable(),
    systems: z.array(z.enum(['PLANS', 'DOCUMENTS', 'SERVICES', 'LABOUR', 'MANUAL'])).max(8),
    status: z.enum(['OK', 'PARTIAL', 'MISSING', 'STALE', 'SOURCE_UNAVAILABLE', 'NOT_COLLECTED']),
    asOf: z.string().nullish().transform((v) => v ?? null),
  })
  // The checks name the systems comma-separated ("DOCUMENTS, SERVICES"), as SubmissionCheck.system shows them.
  .transform(({ systems, ...figure }) => ({ ...figure, system: systems.join(', ') }));
const unitYearRef = z.object({ unitId: z.string().min(1), year: z.number().int(), systemFigures: z.array(systemFigure).nullish() });
type UnitYearRef = z.output<typeof unitYearRef>;

function parse<T>(schema: z.ZodType<T>, args: unknown): T {
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BadUserInputError(`${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? 'invalid'}`, { argument: issue?.path.join('.') ?? 'input' });
  }
  return r.data;
}

export const resolvers = {
  UnitYear: {
    __resolveReference: (ref: unknown): UnitYearRef => parse(unitYearRef, ref),
    selfAssessment: async (y: UnitYearRef, _: unknown, ctx: SubmissionsContext) => {
      authorize(ctx.gate, 'UnitYear.selfAssessment', y.unitId);
      return { entries: await ctx.loaders.entries.load(y) };
    },
    approvedEntries: async (y: UnitYearRef, _: unknown, ctx: SubmissionsContext): Promise<readonly Entry[]> => {
      authorize(ctx.gate, 'UnitYear.approvedEntries', y.unitId);
      return ctx.loaders.approved.load(y);
    },
    submissionChecks: async (y: UnitYearRef, _: unknown, ctx: SubmissionsContext): Promise<readonly SubmissionCheck[]> => {
      authorize(ctx.gate, 'UnitYear.submissionChecks', y.unitId);
      return ctx.service.submissionChecks(await ctx.loaders.entries.load(y), y.systemFigures ?? null);
    },
  },
  Entry: {
    indicator: (e: Entry, _: unknown, ctx: SubmissionsContext) => {
      const item = indicatorOfYear(ctx.catalogue, e.year, e.indicatorCode);
      return { code: e.indicatorCode, name: item?.nameVi ?? null, nameEn: item?.nameEn ?? null };
    },
    overridesSystemValue: (e: Entry) => e.overridesSystem,
    warningCodes: (e: Entry) => e.warnings,
    acknowledgedWarnings: (e: Entry) => e.acknowledged,
    history: (e: Entry, _: unknown, ctx: SubmissionsContext) => ctx.loaders.history.load(e.id),
  },
  ApprovedEntry: {
    indicatorCode: (e: Entry) => e.indicatorCode,
    overridesSystemValue: (e: Entry) => e.overridesSystem,
    approvedAt: (e: Entry) => e.updatedAt,
  },
  SaveEntryPayload: {
    unitYear: (p: EntryPayload): UnitYearRef | null => (p.entry === null ? null : { unitId: p.entry.unitId, year: p.entry.year }),
  },
  AuditEvent: {
    version: (a: AuditEvent) => a.entryVersion,
  },
  Mutation: {
    saveEntry: (_: unknown, args: unknown, ctx: SubmissionsContext) => ctx.service.saveEntry(ctx.gate, parse(saveArgs, args).input),
    saveEntries: (_: unknown, args: unknown, ctx: SubmissionsContext) => {
      const a = parse(saveManyArgs, args);
      return ctx.service.saveEntries(ctx.gate, a.inputs, { dryRun: a.dryRun === true });
    },
    submitEntries: (_: unknown, args: unknown, ctx: SubmissionsContext) => {
      const a = parse(submitArgs, args);
      return ctx.service.submitEntries(ctx.gate, a.ids, a.checks ?? []);
    },
    reviewEntry: (_: unknown, args: unknown, ctx: SubmissionsContext) => ctx.service.reviewEntry(ctx.gate, parse(reviewArgs, args)),
    uploadEvidenceFile: async (_: unknown, args: unknown, ctx: SubmissionsContext) => {
      const a = parse(uploadArgs, args);
      const content = Buffer.from(a.contentBase64, 'base64');
      const f = await ctx.service.uploadEvidenceFile(ctx.gate, { unitId: a.unitId, name: a.name, content });
      return { fileId: f.sha256, name: f.name, size: f.size };
    },
  },
};
