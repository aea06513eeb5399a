import { createLogger } from '../lib/logging/index.ts';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, fields: { service: 'gateway' } });
const gateway = await startGateway(config, logger);
const stop = (): void => {
  void gateway.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
