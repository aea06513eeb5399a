import DataLoader from 'dataloader';
import { ensureError } from '../../../lib/errors/index.ts';
import type { UnitYearKey } from '../domain/representation.ts';
import { rollUp } from '../domain/rollup.ts';
import type { PublicServiceFigures } from '../domain/types.ts';
import type { Counts766Result, MonthlyStatsResult, ServicesClient } from './client.ts';
import { COUNTS_766_SERVICE, MONTHLY_SERVICE } from './client.ts';
import { rollUp766, type Index766Counts } from '../domain/rollup766.ts';
import { PORTAL_ID_BY_CODE } from './portal-ids.ts';

/** A unit-year's figures with the fetch metadata provenance carries. */
export interface PublicServiceStats extends PublicServiceFigures {
  readonly fetchedAt: string;
  /** The portal call and ids the figures come from, in the portal's identifiers. */
  readonly recordRef: string | null;
}

/** Per-request loaders. */
export interface ServicesLoaders {
  readonly publicServices: DataLoader<UnitYearKey, PublicServiceStats, string>;
  readonly index766Counts: DataLoader<UnitYearKey, PublicServiceIndexCounts, string>;
}

/** A unit-year's 766 counts with the fetch metadata provenance carries. */
export interface PublicServiceIndexCounts extends Index766Counts {
  readonly fetchedAt: string;
  readonly recordRef: string | null;
}

/**
 * One upstream call per year in the batch, for every code of every representation; a failure
 * becomes that year's keys' Error, so other years (and the rest of the query) still answer. `fetch`
 * is the client call (monthly figures or 766 counts), `roll` folds a key's scopes' records into its answer.
 */
async function loadByYear<Result extends { readonly fetchedAt: string }, Out>(
  keys: readonly UnitYearKey[],
  fetch: (query: { readonly year: number; readonly codes: readonly string[] }) => Promise<Result>,
  roll: (key: UnitYearKey, result: Result) => Out,
): Promise<(Out | Error)[]> {
  const years = [...new Set(keys.map((k) => k.year))];
  const byYear = new Map<number, Result | Error>(
    await Promise.all(
      years.map(async (year): Promise<[number, Result | Error]> => {
        const codes = keys.filter((k) => k.year === year).flatMap((k) => k.scopes.map((s) => s.code));
        try {
          return [year, await fetch({ year, codes })];
        } catch (e: unknown) {
          return [year, ensureError(e)];
        }
      }),
    ),
  );
  return keys.map((key) => {
    const result = byYear.get(key.year);
    if (result === undefined) return new Error(`no result for year ${key.year}`);
    if (result instanceof Error) return result;
    return roll(key, result);
  });
}

function recordRef(key: UnitYearKey, service: string): string | null {
  const ids = [...new Set(key.scopes.map((s) => s.code))].flatMap((c) => {
    const id = PORTAL_ID_BY_CODE[c];
    return id === undefined ? [] : [`${id} (mã ${c})`];
  });
  return ids.length === 0 ? null : `${service} p_nam=${key.year} ID=${ids.join(', ')}`;
}

/** Fresh loaders for one request (per-request cache, batching across representations). */
export function createLoaders(client: ServicesClient): ServicesLoaders {
  const cacheKeyFn = (k: UnitYearKey): string => JSON.stringify([k.year, k.scopes.map((s) => [s.code, s.from, s.to, s.unitId])]);
  return {
    index766Counts: new DataLoader(
      (keys) => loadByYear(keys, (q) => client.counts766(q), (key, r: Counts766Result): PublicServiceIndexCounts => ({
        ...rollUp766(key.scopes, r.records), fetchedAt: r.fetchedAt, recordRef: recordRef(key, COUNTS_766_SERVICE),
      })),
      { cacheKeyFn },
    ),
    publicServices: new DataLoader(
      (keys) => loadByYear(keys, (q) => client.monthlyStats(q), (key, r: MonthlyStatsResult): PublicServiceStats => ({
        ...rollUp(key.scopes, r.records), fetchedAt: r.fetchedAt, recordRef: recordRef(key, MONTHLY_SERVICE),
      })),
      { cacheKeyFn },
    ),
  };
}
