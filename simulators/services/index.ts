import { startSimulator, type RunningSimulator } from '../shared/server.ts';
import { createServicesRoutes, servicesErrorBody } from './routes.ts';

export { MAX_PAGE_SIZE, SERVICES } from './routes.ts';
export { portalIdOf, portalIds } from './ids.ts';

/** Options of the public-service portal simulator. */
export interface ServicesSimulatorOptions {
  /** The simulated "today": months after the last closed one have no data. @default the real date */
  readonly today?: Date;
}

/** Starts the public-service portal simulator (port 0 picks a free one). */
export function startServicesSimulator(port = 0, host = '127.0.0.1', options: ServicesSimulatorOptions = {}): Promise<RunningSimulator> {
  const fixed = options.today;
  const today = (): Date => fixed ?? new Date();
  return startSimulator({ system: 'services', routes: createServicesRoutes({ today }), errorBody: servicesErrorBody }, port, host);
}
