import { describe, expect, it } from 'vitest';
import { subgraphService } from '../../../lib/subgraph/main.ts';
import { createSubgraph, loadConfig } from '../index.ts';

// The subgraph server's variables (lib/subgraph/server.ts) are parsed from the environment the
// service is started with: a bad one stops a real subgraph before it listens.
describe('dti subgraph start-up', () => {
  it('a service started with a bad value fails at start-up, before listening', async () => {
    const start = subgraphService(loadConfig, (config) => createSubgraph(config, { catalogueDir: null }));
    await expect(start({ PORT: '0', REQUEST_BUDGET_MAX_MS: 'forever' })).rejects.toThrow(/REQUEST_BUDGET_MAX_MS="forever"/);
  });
});
