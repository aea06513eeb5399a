import { readFileSync } from 'node:fs';
import { z } from 'zod';

const text = z.string().min(1).transform((s) => s.normalize('NFC'));
const unit = z.number().min(0).max(1);

const resultSchema = z.object({
  year: z.number().int().min(2020),
  /** Null where only a band is known (e.g. "bottom 3"); see notes. */
  rank: z.number().int().positive().nullable(),
  provinceCode: z.string().regex(/^\d{2}$/),
  /** With provinceCode, names the unit: codes are reused after 2025-07-01 (null = pre-2025 unit). */
  unitValidFrom: z.iso.date().nullable(),
  /** Name as printed by the source. */
  name: text,
  score: unit.nullable(),
  pillars: z.array(z.object({ code: z.enum(['CQS', 'KTS', 'XHS']), value: unit.nullable(), rank: z.number().int().positive().nullable() })),
  mainIndicators: z.array(z.object({ code: z.string(), value: unit.nullable(), rank: z.number().int().positive().nullable() })),
  /** A: dti.gov.vn; B: press quoting the ministry; C: third-party compilation. */
  grade: text,
  /** False where the values rest on grade C only or the rank order is in doubt. */
  confirmed: z.boolean(),
  source: text,
  notes: text.nullable(),
});

const summarySchema = z.object({
  year: z.number().int(),
  methodology: text,
  publishedOn: z.iso.date().nullable(),
  provincialAverage: unit.nullable(),
  nationalDti: unit.nullable(),
  pillarAverages: z.object({ CQS: unit, KTS: unit, XHS: unit }).nullable(),
  conflicts: z.array(text),
  source: text.nullable(),
  notes: text.nullable(),
});

const publishedFileSchema = z.object({
  description: text,
  provinceCodeNote: text,
  summaries: z.array(summarySchema),
  results: z.array(resultSchema),
});

export type PublishedResults = z.output<typeof publishedFileSchema>;
export type PublishedResult = PublishedResults['results'][number];
export type PublishedYearSummary = PublishedResults['summaries'][number];

/** The committed published-results file, relative to this module. */
export const PUBLISHED_URL = new URL('../../../schema/dti/published.json', import.meta.url);

let cached: PublishedResults | undefined;

/** Loads and parses `schema/dti/published.json` once per process. */
export function loadPublished(): PublishedResults {
  cached ??= publishedFileSchema.parse(JSON.parse(readFileSync(PUBLISHED_URL, 'utf8')));
  return cached;
}

/**
 * The published result of a province for a DTI year, by the province code in force for that result;
 * null when the (incomplete) reference has none. Pass `unitValidFrom` to pick among reused codes.
 */
export function publishedResult(
  year: number,
  provinceCode: string,
  unitValidFrom?: string | null,
  data: PublishedResults = loadPublished(),
): PublishedResult | null {
  const hits = data.results.filter(
    (r) => r.year === year && r.provinceCode === provinceCode && (unitValidFrom === undefined || r.unitValidFrom === unitValidFrom),
  );
  return hits[0] ?? null;
}

/** Every published result of a year, in rank order (unranked last). */
export function publishedResultsForYear(year: number, data: PublishedResults = loadPublished()): PublishedResult[] {
  return data.results.filter((r) => r.year === year).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** Year-level figures (averages, conflicts) for a DTI year, or null. */
export function publishedSummary(year: number, data: PublishedResults = loadPublished()): PublishedYearSummary | null {
  return data.summaries.find((s) => s.year === year) ?? null;
}
