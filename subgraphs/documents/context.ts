import type { Logger } from '../../lib/logging/index.ts';
import type { DocumentsClient } from './upstream/client.ts';
import { createLoaders, type DocumentsLoaders } from './upstream/loaders.ts';

/** What every resolver sees: fresh loaders for this request and a logger. */
export interface DocumentsContext {
  readonly loaders: DocumentsLoaders;
  readonly logger: Logger;
}

/** Builds a request's context; loaders are new each time so nothing is cached across requests. */
export function createContext(deps: { readonly client: DocumentsClient; readonly logger: Logger; readonly now?: () => Date }): DocumentsContext {
  return { loaders: createLoaders(deps.client, deps.now), logger: deps.logger };
}
