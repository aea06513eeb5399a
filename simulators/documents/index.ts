import { startSimulator, type RunningSimulator } from '../shared/server.ts';
import { documentsErrorBody, documentsRoutes } from './routes.ts';

/** Options of the document-system simulator. */
export interface DocumentsSimulatorOptions {
  /** The simulator's "today" (it serves figures through the previous month). @default the real date */
  readonly today?: Date;
  /** Idle time after which generated figures and serialised pages are dropped, ms. @default 5000 */
  readonly cacheIdleMs?: number;
}

/** Starts the QLVBĐH simulator on `host:port` (port 0 picks a free one). */
export function startDocumentsSimulator(port = 0, host = '127.0.0.1', options: DocumentsSimulatorOptions = {}): Promise<RunningSimulator> {
  const fixed = options.today;
  const today = (): Date => fixed ?? new Date();
  return startSimulator({ system: 'documents', routes: documentsRoutes({ today, ...(options.cacheIdleMs === undefined ? {} : { cacheIdleMs: options.cacheIdleMs }) }), errorBody: documentsErrorBody }, port, host);
}
