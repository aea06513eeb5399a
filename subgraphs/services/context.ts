import type { Logger } from '../../lib/logging/index.ts';
import type { ServicesClient } from './upstream/client.ts';
import { createLoaders, type ServicesLoaders } from './upstream/loaders.ts';

/** Per-request context: fresh loaders, so caching never outlives a request. */
export interface ServicesContext {
  readonly loaders: ServicesLoaders;
  readonly logger: Logger;
}

/** Builds the context of one request. */
export function createContext(deps: { readonly client: ServicesClient; readonly logger: Logger }): ServicesContext {
  return { loaders: createLoaders(deps.client), logger: deps.logger };
}
