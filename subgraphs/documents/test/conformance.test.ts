import { defineSubgraphConformance } from '../../../lib/testing/conformance.ts';
import { startDocumentsSimulator } from '../../../simulators/documents/index.ts';
import { subgraphSdls } from '../../../test/fixtures/subgraph-sdls.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'documents', field: 'documents', startSimulator: startDocumentsSimulator, createSubgraph, loadConfig, subgraphSdls });
