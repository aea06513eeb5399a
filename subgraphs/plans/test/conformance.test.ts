import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startPlansSimulator } from '../../../simulators/plans/index.ts';
import { subgraphSdls } from '../../../test/fixtures/subgraph-sdls.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({
  system: 'plans',
  field: 'plans',
  startSimulator: startPlansSimulator,
  createSubgraph,
  loadConfig,
  healthyStatuses: ['OK', 'MISSING'],
  subgraphSdls,
});
