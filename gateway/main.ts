import { runServiceProcess, type StartService } from '../lib/launcher/service.ts';
import { createLogger } from '../lib/logging/index.ts';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { loadGatewayTelemetry } from './telemetry.ts';

/** Starts the gateway from its environment (a process of its own, or hosted beside the subgraphs). */
export const startService: StartService = async (env) => {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, fields: { service: 'gateway' } });
  // After tracing is set up (by whoever runs the process), before the runtime is built.
  await loadGatewayTelemetry();
  return startGateway(config, logger);
};

if (import.meta.main) await runServiceProcess('gateway', startService);
