import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startLabourSimulator } from '../../../simulators/labour/index.ts';
import { subgraphSdls } from '../../../test/fixtures/subgraph-sdls.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'labour', field: 'labour', startSimulator: startLabourSimulator, createSubgraph, loadConfig, subgraphSdls });
