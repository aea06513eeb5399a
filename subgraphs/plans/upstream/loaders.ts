import DataLoader from 'dataloader';
import type { Plan } from '../domain/types.ts';
import type { Fetched, PlansUpstream } from './client.ts';

/** Per-request loaders: every unit code asked in one tick becomes one registry call. */
export interface PlansLoaders {
  readonly plansByCode: DataLoader<string, Fetched<Plan>>;
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
  };
}
