import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startDocumentsSimulator } from '../../../simulators/documents/index.ts';
import { SOURCE_TYPE_DEFS } from '../../../test/fixtures/source-subgraphs.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'documents', field: 'documents', startSimulator: startDocumentsSimulator, createSubgraph, loadConfig, sourceTypeDefs: SOURCE_TYPE_DEFS });
