import { runServiceProcess } from '../../lib/launcher/service.ts';
import { subgraphService } from '../../lib/subgraph/main.ts';
import { createSubgraph, loadConfig } from './index.ts';

/** Starts the documents subgraph from its environment (a process of its own, or hosted beside others). */
export const startService = subgraphService(loadConfig, createSubgraph);

if (import.meta.main) await runServiceProcess('subgraph-documents', startService);
