import { z } from 'zod';

const sourceSchema = z.object({ system: z.string(), recordRef: z.string().nullable(), fetchedAt: z.string(), asOf: z.string().nullable() });

const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  year: z
    .object({
      dti: z
        .object({
          methodology: z.string(),
          catalogueVersion: z.object({ version: z.string() }),
          score: z.number().nullable(),
          maxScore: z.number(),
          completeness: z.number().nullable(),
          scoreNote: z.string().nullable(),
          scoreConfirmed: z.boolean(),
          estimate: z.boolean(),
          synthetic: z.boolean(),
          inputs: z.array(
            z.object({
              indicator: z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                unit: z.string(),
                sourceSystem: z.string(),
                confirmed: z.boolean(),
              }),
              value: z.number().nullable(),
              status: z.string(),
              note: z.string().nullable(),
              source: sourceSchema.nullable(),
            }),
          ),
        })
        .nullable(),
    })
    .nullable(),
});
export type ExportUnit = z.output<typeof unitSchema>;

/** A GraphQL answer to one of the export queries: units (possibly partial) and errors. */
export const exportResponseSchema = z.object({
  data: z
    .object({ unit: unitSchema.nullable().optional(), units: z.array(unitSchema).optional() })
    .nullable()
    .optional(),
  errors: z
    .array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

/** One row of the export: one unit, one input. */
export interface ExportRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitValidFrom: string | null;
  readonly unitValidTo: string | null;
  readonly year: number;
  readonly methodology: string | null;
  /** The catalogue version that scored the assessment. */
  readonly catalogueVersion: string | null;
  readonly dtiScore: number | null;
  /**
   * PROVISIONAL when `dtiScore` is a figure but not the official score (unconfirmed weights, our estimates
   * from proxy inputs, or simulated source figures: see the two flags after it); OFFICIAL when it rests on
   * confirmed weights over measured values; null when there is no score. Never left for the reader to infer.
   */
  readonly dtiScoreStatus: 'OFFICIAL' | 'PROVISIONAL' | null;
  /** Main-indicator values are our estimates from proxy inputs: not comparable with the published DTI. */
  readonly dtiEstimate: boolean | null;
  /** Some input comes from simulated source figures. */
  readonly dtiSynthetic: boolean | null;
  readonly dtiCompleteness: number | null;
  readonly inputCode: string;
  readonly inputName: string;
  readonly inputNameEn: string;
  readonly unit: string;
  readonly value: number | null;
  readonly status: string;
  readonly sourceSystem: string;
  readonly sourceAsOf: string | null;
  readonly fetchedAt: string | null;
  readonly recordRef: string | null;
  readonly confirmed: boolean;
  readonly note: string | null;
}

type ExportDti = NonNullable<NonNullable<ExportUnit['year']>['dti']>;

/** Whether a score is the official one: only confirmed weights over measured, non-simulated values are. */
export function scoreStatus(dti: Pick<ExportDti, 'score' | 'scoreConfirmed' | 'estimate' | 'synthetic'>): ExportRow['dtiScoreStatus'] {
  if (dti.score === null) return null;
  return dti.scoreConfirmed && !dti.estimate && !dti.synthetic ? 'OFFICIAL' : 'PROVISIONAL';
}

/** Flattens units into rows; a unit whose assessment failed gets one row saying so, never a made-up value. */
export function toRows(units: readonly ExportUnit[], year: number): ExportRow[] {
  return units.flatMap((u): ExportRow[] => {
    const base = { unitCode: u.code, unitName: u.name, unitValidFrom: u.validFrom, unitValidTo: u.validTo, year };
    const dti = u.year?.dti ?? null;
    if (dti === null) {
      return [
        {
          ...base,
          methodology: null,
          catalogueVersion: null,
          dtiScore: null,
          dtiScoreStatus: null,
          dtiEstimate: null,
          dtiSynthetic: null,
          dtiCompleteness: null,
          inputCode: '',
          inputName: '',
          inputNameEn: '',
          unit: '',
          value: null,
          status: 'SOURCE_UNAVAILABLE',
          sourceSystem: '',
          sourceAsOf: null,
          fetchedAt: null,
          recordRef: null,
          confirmed: false,
          note: 'the DTI assessment could not be computed for this unit; see the errors',
        },
      ];
    }
    const dtiScoreStatus = scoreStatus(dti);
    return dti.inputs.map((i) => ({
      ...base,
      methodology: dti.methodology,
      catalogueVersion: dti.catalogueVersion.version,
      dtiScore: dti.score,
      dtiScoreStatus,
      dtiEstimate: dti.estimate,
      dtiSynthetic: dti.synthetic,
      dtiCompleteness: dti.completeness,
      inputCode: i.indicator.code,
      inputName: i.indicator.name,
      inputNameEn: i.indicator.nameEn,
      unit: i.indicator.unit,
      value: i.value,
      status: i.status,
      sourceSystem: i.source?.system ?? i.indicator.sourceSystem,
      sourceAsOf: i.source?.asOf ?? null,
      fetchedAt: i.source?.fetchedAt ?? null,
      recordRef: i.source?.recordRef ?? null,
      confirmed: i.indicator.confirmed,
      note: i.note,
    }));
  });
}
