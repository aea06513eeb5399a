import type { IndicatorInfo } from './domain/targets.ts';
import type { Catalogue } from './domain/types.ts';
import type { DataYears } from '../../lib/units/index.ts';
import type { PlansUpstream } from './upstream/client.ts';
import { createLoaders, type PlansLoaders } from './upstream/loaders.ts';
import type { ImportLimits } from './domain/import-input.ts';

/** What every resolver gets for one request. */
export interface PlansContext {
  readonly catalogue: () => Promise<Catalogue>;
  readonly loaders: PlansLoaders;
  /** ISO date the request runs on: the default `asOf`. */
  readonly today: string;
  readonly dataYears: DataYears;
  readonly indicators: ReadonlyMap<string, IndicatorInfo>;
  readonly upstream: PlansUpstream;
  readonly importLimits: ImportLimits;
}

/** Dependencies shared by every request's context. */
export interface PlansContextDeps {
  readonly upstream: PlansUpstream;
  readonly catalogue: () => Promise<Catalogue>;
  readonly now: () => Date;
  readonly firstDataYear: number;
  readonly indicators: ReadonlyMap<string, IndicatorInfo>;
  /** @default { maxTextChars: 200000, maxTitleChars: 300 } */
  readonly importLimits?: ImportLimits;
}

/** Builds a request's context: fresh loaders, the cached catalogue, today's date. */
export function createContext(deps: PlansContextDeps): PlansContext {
  const now = deps.now();
  return {
    catalogue: deps.catalogue,
    loaders: createLoaders(deps.upstream),
    today: now.toISOString().slice(0, 10),
    dataYears: { first: deps.firstDataYear, last: now.getUTCFullYear() },
    indicators: deps.indicators,
    upstream: deps.upstream,
    importLimits: deps.importLimits ?? { maxTextChars: 200_000, maxTitleChars: 300 },
  };
}
