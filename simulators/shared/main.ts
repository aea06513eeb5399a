import { createLogger } from '../../lib/logging/index.ts';
import type { HostedService } from '../../lib/launcher/service.ts';
import type { RunningSimulator, SystemName } from './server.ts';

/** Starts a simulator and logs its URL; the caller (a process of its own, or the embedded host) closes it. */
export async function startSimulatorService(system: SystemName, start: () => Promise<RunningSimulator>, fields: Record<string, unknown> = {}): Promise<HostedService> {
  const logger = createLogger({ level: 'info', fields: { service: `simulator-${system}` } });
  const sim = await start();
  logger.info('simulator listening', { url: sim.url, ...fields });
  return { close: () => sim.close() };
}
