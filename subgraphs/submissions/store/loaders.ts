import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { AuditEvent, Entry } from '../domain/types.ts';
import { historyOf } from './audit.ts';
import { entriesOfUnitYears } from './entries.ts';
import { mapStoreError } from './errors.ts';
import type { Database } from './schema.ts';

export interface UnitYearKey {
  readonly unitId: string;
  readonly year: number;
}

const keyOf = (k: UnitYearKey): string => `${k.unitId}|${k.year}`;

export interface SubmissionsLoaders {
  /** All entries of a unit-year: one store query per wave of unit-years. */
  readonly entries: DataLoader<UnitYearKey, readonly Entry[], string>;
  /** Approved entries only, for the dti subgraph: one store query per wave. */
  readonly approved: DataLoader<UnitYearKey, readonly Entry[], string>;
  /** History of an entry: one store query per wave of entries. */
  readonly history: DataLoader<string, readonly AuditEvent[]>;
}

function byUnitYear(db: Kysely<Database>, statuses?: readonly Entry['status'][]) {
  return async (keys: readonly UnitYearKey[]): Promise<Array<readonly Entry[] | Error>> => {
    try {
      const rows = await entriesOfUnitYears(db, keys, statuses);
      const grouped = Map.groupBy(rows, (e) => keyOf(e));
      return keys.map((k) => grouped.get(keyOf(k)) ?? []);
    } catch (e) {
      const err = mapStoreError(e);
      return keys.map(() => err);
    }
  };
}

/** Fresh per request, so nothing is cached across requests. */
export function createLoaders(db: Kysely<Database>): SubmissionsLoaders {
  return {
    entries: new DataLoader(byUnitYear(db), { cacheKeyFn: keyOf }),
    approved: new DataLoader(byUnitYear(db, ['APPROVED']), { cacheKeyFn: keyOf }),
    history: new DataLoader(async (ids: readonly string[]) => {
      try {
        const grouped = Map.groupBy(await historyOf(db, ids), (e) => e.entryId);
        return ids.map((id) => grouped.get(id) ?? []);
      } catch (e) {
        const err = mapStoreError(e);
        return ids.map(() => err);
      }
    }),
  };
}
