import { createLogger } from '../lib/logging/index.ts';
import { startProcessMetrics } from '../lib/telemetry/metrics.ts';
import { setupTracing } from '../lib/telemetry/tracing.ts';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { loadGatewayTelemetry } from './telemetry.ts';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, fields: { service: 'gateway' } });
startProcessMetrics('gateway');
// Before the runtime is built: its OpenTelemetry plugin is added only when tracing is on.
const tracing = await setupTracing('gateway', process.env);
await loadGatewayTelemetry();
const gateway = await startGateway(config, logger);
const stop = (): void => {
  void gateway
    .close()
    .then(() => tracing.shutdown())
    .then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
