import { createLogger } from '../../lib/logging/index.ts';
import type { RunningSimulator, SystemName } from './server.ts';

/** Runs a simulator as a process: starts it, logs its URL, closes on SIGINT/SIGTERM. */
export async function runSimulatorMain(system: SystemName, start: () => Promise<RunningSimulator>): Promise<void> {
  const logger = createLogger({ level: 'info', fields: { service: `simulator-${system}` } });
  const sim = await start();
  logger.info('simulator listening', { url: sim.url });
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
