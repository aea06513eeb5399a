import DataLoader from 'dataloader';
import { NotFoundError } from '../../../lib/errors/index.ts';
import type { Plan } from '../domain/types.ts';
import type { Fetched, PlansUpstream } from './client.ts';

/** Per-request loaders: every unit code asked in one tick becomes one registry call. */
export interface PlansLoaders {
  readonly plansByCode: DataLoader<string, Fetched<Plan>>;
  readonly planById: DataLoader<string, Plan>;
}

/** Fresh loaders for one request. */
export function createLoaders(upstream: PlansUpstream): PlansLoaders {
  return {
    plansByCode: new DataLoader<string, Fetched<Plan>>(async (codes) => {
      try {
        const fetched = await upstream.plansOf(codes);
        return codes.map((code) => ({ ...fetched, items: fetched.items.filter((p) => p.unitCode === code) }));
      } catch (e: unknown) {
        const error = e instanceof Error ? e : new Error(String(e));
        return codes.map(() => error);
      }
    }),
    planById: new DataLoader<string, Plan>(async (ids) => {
      try {
        const fetched = await upstream.plansById(ids);
        return ids.map((id) => fetched.items.find((p) => p.id === id) ?? new NotFoundError(`the plan registry has no plan ${id}`));
      } catch (e: unknown) {
        const error = e instanceof Error ? e : new Error(String(e));
        return ids.map(() => error);
      }
    }),
  };
}
