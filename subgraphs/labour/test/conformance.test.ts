import { defineSubgraphConformance } from '../../../lib/testing/index.ts';
import { startLabourSimulator } from '../../../simulators/labour/index.ts';
import { createSubgraph, loadConfig } from '../index.ts';

defineSubgraphConformance({ system: 'labour', field: 'labour', startSimulator: startLabourSimulator, createSubgraph, loadConfig });
