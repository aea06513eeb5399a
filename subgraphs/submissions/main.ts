import { runSubgraphMain } from '../../lib/subgraph/main.ts';
import { createSubgraph, loadConfig } from './index.ts';

const config = loadConfig(process.env);
await runSubgraphMain(createSubgraph(config), config);
