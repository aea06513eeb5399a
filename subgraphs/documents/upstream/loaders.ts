import DataLoader from 'dataloader';
import { BadUserInputError, ensureError } from '../../../lib/errors/index.ts';
import { matchAgencyMention } from '../domain/agencyMention.ts';
import { rollUpDocuments } from '../domain/rollup.ts';
import type { Agency, DocumentStats, RecordScope } from '../domain/types.ts';
import { agencyYearScope, parseUnitId } from '../domain/unitId.ts';
import type { DocumentsClient } from './client.ts';

/** A UnitYear representation's part this subgraph needs: whose records make it up. */
export interface UnitYearKey {
  readonly unitId: string;
  readonly year: number;
  readonly recordScopes: readonly RecordScope[];
}

/** An agency and the year asked for. */
export interface AgencyYearKey {
  readonly agency: Agency;
  readonly year: number;
}

/** A plan's agency mention, read against the plan's unit (code@validFrom) on a date. */
export interface TaskAgencyKey {
  readonly name: string;
  readonly unitId: string;
  readonly onDate: string;
}

/** Per-request loaders; each batch makes one upstream call per year (or one in all). */
export interface DocumentsLoaders {
  readonly unitYearDocuments: DataLoader<UnitYearKey, DocumentStats, string>;
  readonly agencyDocuments: DataLoader<AgencyYearKey, DocumentStats, string>;
  readonly agency: DataLoader<string, Agency | null>;
  readonly agenciesOfUnit: DataLoader<string, readonly Agency[]>;
  /** The directory agency a plan's mention designates, or null (see matchAgencyMention). */
  readonly taskAgency: DataLoader<TaskAgencyKey, Agency | null, string>;
}

function byYear<K extends { readonly year: number }>(keys: readonly K[]): Map<number, K[]> {
  const groups = new Map<number, K[]>();
  for (const k of keys) {
    const group = groups.get(k.year);
    if (group === undefined) groups.set(k.year, [k]);
    else group.push(k);
  }
  return groups;
}

// Runs `load` once per year group; a failed call becomes that group's keys' Error, not the batch's.
async function perYear<K extends { readonly year: number }, V>(
  keys: readonly K[],
  load: (year: number, group: readonly K[]) => Promise<Map<K, V>>,
): Promise<(V | Error)[]> {
  const results = new Map<K, V | Error>();
  await Promise.all(
    [...byYear(keys)].map(async ([year, group]) => {
      try {
        for (const [k, v] of await load(year, group)) results.set(k, v);
      } catch (e: unknown) {
        for (const k of group) results.set(k, ensureError(e));
      }
    }),
  );
  return keys.map((k) => results.get(k) ?? new Error('no result for key'));
}

/** Builds fresh loaders over the client (one set per GraphQL request). */
export function createLoaders(client: DocumentsClient, now: () => Date = () => new Date()): DocumentsLoaders {
  const nothingFetched = (): { rows: []; asOf: null; fetchedAt: string } => ({ rows: [], asOf: null, fetchedAt: now().toISOString() });

  const unitYearDocuments = new DataLoader<UnitYearKey, DocumentStats, string>(
    (keys) =>
      perYear(keys, async (year, group) => {
        const codes = [...new Set(group.flatMap((k) => k.recordScopes.map((s) => s.code)))].sort();
        const snapshot = codes.length === 0 ? nothingFetched() : await client.monthlyStats({ year, unitCodes: codes });
        return new Map(group.map((k) => [k, rollUpDocuments({ year, scopes: k.recordScopes, match: 'unit', snapshot })]));
      }),
    { cacheKeyFn: (k) => JSON.stringify([k.unitId, k.year, k.recordScopes.map((s) => [s.unitId, s.code, s.from, s.to])]) },
  );

  const agencyDocuments = new DataLoader<AgencyYearKey, DocumentStats, string>(
    (keys) =>
      perYear(keys, async (year, group) => {
        const scoped = group.map((k) => ({ k, scopes: [agencyYearScope(k.agency, year)].filter((s) => s !== undefined) }));
        const ids = [...new Set(scoped.flatMap((s) => s.scopes.map((x) => x.code)))].sort();
        const snapshot = ids.length === 0 ? nothingFetched() : await client.monthlyStats({ year, organIds: ids });
        return new Map(scoped.map(({ k, scopes }) => [k, rollUpDocuments({ year, scopes, match: 'agency', snapshot })]));
      }),
    { cacheKeyFn: (k) => `${k.agency.code}|${k.year}` },
  );

  const agency = new DataLoader<string, Agency | null>(async (codes) => {
    try {
      const found = await client.organs({ organIds: [...codes] });
      return codes.map((c) => found.find((a) => a.code === c) ?? null);
    } catch (e: unknown) {
      return codes.map(() => ensureError(e));
    }
  });

  const agenciesOfUnit = new DataLoader<string, readonly Agency[]>(async (ids) => {
    const parsed = ids.map((id) => parseUnitId(id));
    const codes = [...new Set(parsed.flatMap((p) => (p === undefined ? [] : [p.code])))].sort();
    try {
      const found = codes.length === 0 ? [] : await client.organs({ unitCodes: codes });
      return ids.map((id, i) =>
        parsed[i] === undefined ? new BadUserInputError(`"${id}" is not a unit id (code@validFrom)`, { argument: 'id' }) : found.filter((a) => a.unitId === id),
      );
    } catch (e: unknown) {
      return ids.map(() => ensureError(e));
    }
  });

  // Goes through agenciesOfUnit, so every mention of a query wave costs one organs call in all.
  const taskAgency = new DataLoader<TaskAgencyKey, Agency | null, string>(
    async (keys) => {
      // A unit id that does not parse names no unit in the directory: nothing to link to.
      const ids = [...new Set(keys.map((k) => k.unitId).filter((id) => parseUnitId(id) !== undefined))];
      const lists = await agenciesOfUnit.loadMany(ids);
      const byUnit = new Map(ids.map((id, i) => [id, lists[i]]));
      return keys.map((k) => {
        const agencies = byUnit.get(k.unitId);
        if (agencies === undefined) return null;
        if (agencies instanceof Error) return agencies;
        const m = matchAgencyMention(k.name, agencies, k.onDate);
        return m.kind === 'matched' ? m.agency : null;
      });
    },
    { cacheKeyFn: (k) => JSON.stringify([k.name, k.unitId, k.onDate]) },
  );

  return { unitYearDocuments, agencyDocuments, agency, agenciesOfUnit, taskAgency };
}
