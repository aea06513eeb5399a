import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { IndicatorInfo } from './domain/targets.ts';

const catalogueInputsSchema = z.object({
  inputs: z.array(
    z.object({
      code: z.string(),
      sourceSystem: z.enum(['documents', 'services', 'labour', 'plans']),
      unit: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      confirmed: z.boolean(),
      mappingIsJudgement: z.boolean(),
    }),
  ),
});

/** The measurable inputs of the DTI catalogue (schema/dti/catalogue.json), read once at start. */
export function loadIndicators(url: URL = new URL('../../schema/dti/catalogue.json', import.meta.url)): ReadonlyMap<string, IndicatorInfo> {
  const { inputs } = catalogueInputsSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
  return new Map(
    inputs.map((i) => [
      i.code,
      { code: i.code, name: i.nameVi.normalize('NFC'), nameEn: i.nameEn, sourceSystem: i.sourceSystem, confirmed: i.confirmed },
    ]),
  );
}
