import { startSimulator, type RunningSimulator } from '../shared/server.ts';
import { labourError, labourRoutes } from './routes.ts';

/** Options of the labour simulator. */
export interface LabourSimulatorOptions {
  /** The simulator's "today"; data runs from 2020 through the previous month. @default the real date */
  readonly today?: Date;
}

/** Starts the labour-market information simulator (port 0 picks a free one). */
export function startLabourSimulator(port = 0, host = '127.0.0.1', options: LabourSimulatorOptions = {}): Promise<RunningSimulator> {
  const routes = labourRoutes({ today: options.today ?? new Date() });
  return startSimulator({ system: 'labour', routes, errorBody: (status, message) => labourError(status, message) }, port, host);
}
