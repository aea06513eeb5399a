import type { LabourClient } from './upstream/client.ts';
import { createLoaders, type LabourLoaders } from './upstream/loaders.ts';

/** Per-request context: fresh loaders, so nothing is cached across requests. */
export interface LabourContext {
  readonly loaders: LabourLoaders;
}

/** Builds the context factory the server calls for every request. */
export function createContextFactory(deps: { readonly client: LabourClient; readonly now: () => Date }): () => Promise<LabourContext> {
  return () => Promise.resolve({ loaders: createLoaders(deps.client, deps.now) });
}
