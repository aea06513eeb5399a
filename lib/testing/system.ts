import { launchSystem, type LaunchOptions, type Ports, type RunningSystem } from '../launcher/index.ts';
import { freeSystemPorts } from './ports.ts';

/**
 * Launches the whole system (gateway, subgraphs, simulators, identity provider) on a free run of
 * loopback ports: what the end-to-end setup, the tracing test and the soak each do. Returns the
 * ports too, for a caller that reports them.
 */
export async function launchOnFreePorts(options: Omit<LaunchOptions, 'ports'> = {}): Promise<{ readonly system: RunningSystem; readonly ports: Ports }> {
  const ports = await freeSystemPorts();
  const system = await launchSystem({ ...options, ports });
  return { system, ports };
}
