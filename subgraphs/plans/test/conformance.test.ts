import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startPlansSimulator } from '../../../simulators/plans/index.ts';
import { SOURCE_TYPE_DEFS } from '../../../test/fixtures/source-subgraphs.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({
  system: 'plans',
  field: 'plans',
  startSimulator: startPlansSimulator,
  createSubgraph,
  loadConfig,
  healthyStatuses: ['OK', 'MISSING'],
  sourceTypeDefs: SOURCE_TYPE_DEFS,
});
