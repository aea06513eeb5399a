import { startProcessMetrics } from '../telemetry/metrics.ts';
import { setupTracing } from '../telemetry/tracing.ts';
import type { Subgraph } from './server.ts';

/** Runs a subgraph as a process: starts it and closes it cleanly on SIGINT/SIGTERM. */
export async function runSubgraphMain(subgraph: Subgraph, listen: { readonly port: number; readonly host: string }): Promise<void> {
  startProcessMetrics(`subgraph-${subgraph.name}`);
  const tracing = await setupTracing(`subgraph-${subgraph.name}`, process.env);
  const running = await subgraph.start(listen);
  const stop = (): void => {
    void running
      .close()
      .then(() => subgraph.close())
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
