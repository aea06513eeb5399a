import type { AccessScope, UnitIndex } from '../../lib/access/index.ts';
import type { Logger } from '../../lib/logging/index.ts';
import type { AccessGate } from './access.ts';
import type { IndicatorCatalogue } from './domain/catalogue.ts';
import type { SubmissionsService } from './service.ts';
import type { SubmissionsLoaders } from './store/loaders.ts';

/** What every resolver sees. */
export interface SubmissionsContext {
  readonly gate: AccessGate;
  readonly service: SubmissionsService;
  readonly loaders: SubmissionsLoaders;
  readonly catalogue: IndicatorCatalogue;
  readonly logger: Logger;
}

export interface ContextDeps {
  readonly access: AccessScope;
  readonly units: UnitIndex;
  readonly service: SubmissionsService;
  readonly loaders: SubmissionsLoaders;
  readonly catalogue: IndicatorCatalogue;
  readonly logger: Logger;
}

export function createContext(deps: ContextDeps): SubmissionsContext {
  return { gate: { scope: deps.access, units: deps.units }, service: deps.service, loaders: deps.loaders, catalogue: deps.catalogue, logger: deps.logger };
}
