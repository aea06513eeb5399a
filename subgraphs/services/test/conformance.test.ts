import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startServicesSimulator } from '../../../simulators/services/index.ts';
import { SOURCE_TYPE_DEFS } from '../../../test/fixtures/source-subgraphs.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'services', field: 'publicServices', startSimulator: startServicesSimulator, createSubgraph, loadConfig, sourceTypeDefs: SOURCE_TYPE_DEFS });
