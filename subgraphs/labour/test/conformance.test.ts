import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startLabourSimulator } from '../../../simulators/labour/index.ts';
import { SOURCE_TYPE_DEFS } from '../../../test/fixtures/source-subgraphs.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'labour', field: 'labour', startSimulator: startLabourSimulator, createSubgraph, loadConfig, sourceTypeDefs: SOURCE_TYPE_DEFS });
