import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { REPO_ROOT_URL } from '../../../lib/topology/index.ts';

/**
 * What the submissions subgraph needs of the DTI catalogue (the dti subgraph owns it): which main
 * indicators each methodology has, which DTI years it governs, and which main indicators a connected
 * system measures (an input the graph carries, `inGraph`, feeds it: an entry for one is checked
 * against the system's figure before submission). Read from the committed JSON through this schema,
 * not through the dti subgraph's code.
 */
const text = z.string().min(1).transform((s) => s.normalize('NFC'));
const catalogueSchema = z.object({
  methodologies: z.array(
    z.object({
      code: text,
      dtiYears: z.array(z.number().int()).min(1),
      dtiYearsOpenEnded: z.boolean().default(false),
      mainIndicators: z.array(
        z.object({
          code: text,
          nameVi: text,
          nameEn: text,
          collectionStatus: z.enum(['PARTIAL', 'NOT_COLLECTED']),
          dataHeldBy: text,
        }),
      ),
    }),
  ),
  inputs: z.array(
    z.object({
      code: text,
      sourceSystem: z.enum(['documents', 'services', 'labour', 'plans']),
      feeds: z.array(text),
      inGraph: z.boolean().default(true),
    }),
  ),
});

export type IndicatorCatalogue = z.output<typeof catalogueSchema>;
export type CatalogueIndicator = IndicatorCatalogue['methodologies'][number]['mainIndicators'][number];

export const CATALOGUE_URL = new URL('schema/dti/catalogue.json', REPO_ROOT_URL);

export function loadIndicatorCatalogue(url: URL = CATALOGUE_URL): IndicatorCatalogue {
  return catalogueSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** The methodology governing a DTI year, or undefined for a year before the first one. */
export function methodologyOfYear(catalogue: IndicatorCatalogue, year: number): IndicatorCatalogue['methodologies'][number] | undefined {
  return (
    catalogue.methodologies.find((m) => m.dtiYears.includes(year)) ??
    catalogue.methodologies.find((m) => m.dtiYearsOpenEnded && year > Math.max(...m.dtiYears))
  );
}

/** The catalogue item `code` as the methodology of `year` defines it; undefined when that methodology has no such item. */
export function indicatorOfYear(catalogue: IndicatorCatalogue, year: number, code: string): CatalogueIndicator | undefined {
  return methodologyOfYear(catalogue, year)?.mainIndicators.find((i) => i.code === code.normalize('NFC'));
}

/**
 * The connected systems (upper-case, as `Provenance.system` names them, sorted) whose figures feed
 * main indicator `code` through the graph; empty when no connected system measures it.
 */
export function systemsMeasuring(catalogue: IndicatorCatalogue, code: string): string[] {
  const c = code.normalize('NFC');
  return [...new Set(catalogue.inputs.filter((i) => i.inGraph && i.feeds.includes(c)).map((i) => i.sourceSystem.toUpperCase()))].sort();
}
