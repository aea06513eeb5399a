// The dti subgraph in process for its tests: Apollo Server over the built schema with the project's error
// formatting, no HTTP, and the caller an administrator (the test vouches for it as the gateway does over HTTP).
import type { FormattedExecutionResult } from 'graphql';
import { localScope } from '../../../lib/access/index.ts';
import { silentLogger } from '../../../lib/logging/index.ts';
import { createApolloServer } from '../../../lib/subgraph/index.ts';
import { createContext, type DtiContext } from '../context.ts';
import { openCatalogueStore } from '../domain/catalogue-store.ts';
import { loadCatalogue, loadPublished } from '../domain/index.ts';
import { createSubgraph, loadConfig } from '../index.ts';
import { loadUnits } from '../domain/units.ts';

const { schema } = createSubgraph(loadConfig({}), { logger: silentLogger });
const server = createApolloServer<DtiContext>({ schema, logger: silentLogger });
const admin = localScope({ subject: 'test-admin', name: null, roles: new Set(['ADMIN']), units: [] });
const deps = {
  catalogues: openCatalogueStore({ dir: null, builtIn: loadCatalogue(), builtInCitation: 'built in' }),
  published: loadPublished(),
  identity: () => admin.identity,
  units: loadUnits(),
};

/** Runs one operation (one request, its own context) against the subgraph as an administrator; its single result. */
export async function run(query: string, variables: Record<string, unknown> = {}): Promise<FormattedExecutionResult> {
  const contextValue = { ...createContext(deps), access: admin };
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}
