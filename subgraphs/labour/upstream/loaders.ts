import DataLoader from 'dataloader';
import { ensureError } from '../../../lib/errors/index.ts';
import { rollUp } from '../domain/rollup.ts';
import type { LabourStats, UnitYearRef } from '../domain/types.ts';
import { unitYearKey } from '../domain/unitYear.ts';
import type { LabourClient, YearlyReports } from './client.ts';

/** The per-request loaders of the labour subgraph. */
export interface LabourLoaders {
  readonly labour: DataLoader<UnitYearRef, LabourStats, string>;
}

/**
 * Builds fresh loaders. The batch makes one upstream request per year for every code of every
 * unit-year in it; a failed request becomes an Error for that year's keys only.
 */
export function createLoaders(client: LabourClient, now: () => Date): LabourLoaders {
  const batch = async (refs: readonly UnitYearRef[]): Promise<(LabourStats | Error)[]> => {
    const codesByYear = new Map<number, Set<string>>();
    for (const ref of refs) {
      const codes = codesByYear.get(ref.year) ?? new Set<string>();
      for (const s of ref.recordScopes) codes.add(s.code);
      codesByYear.set(ref.year, codes);
    }
    const results = new Map<number, YearlyReports | Error>();
    await Promise.all(
      [...codesByYear].map(async ([year, codes]) => {
        if (codes.size === 0) return;
        results.set(year, await client.yearlyReports(year, [...codes]).catch((e: unknown) => ensureError(e)));
      }),
    );
    const at = now();
    return refs.map((ref) => {
      const fetched = results.get(ref.year);
      if (fetched instanceof Error) return fetched;
      return rollUp({ ref, reports: fetched?.reports ?? [], fetchedAt: fetched?.fetchedAt ?? at.toISOString(), now: at });
    });
  };
  return { labour: new DataLoader(batch, { cacheKeyFn: unitYearKey }) };
}
