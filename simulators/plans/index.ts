import { startSimulator, type RunningSimulator } from '../shared/server.ts';
import { planRoutes, registryError } from './routes.ts';

/** Starts the plan-registry simulator (port 0 picks a free one). */
export function startPlansSimulator(port = 0, host = '127.0.0.1'): Promise<RunningSimulator> {
  return startSimulator({ system: 'plans', routes: planRoutes(), errorBody: registryError }, port, host);
}
