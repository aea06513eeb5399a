import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startServicesSimulator } from '../../../simulators/services/index.ts';
import { subgraphSdls } from '../../../test/fixtures/subgraph-sdls.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'services', field: 'publicServices', startSimulator: startServicesSimulator, createSubgraph, loadConfig, subgraphSdls });
