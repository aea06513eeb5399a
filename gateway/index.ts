export { loadConfig } from './config.ts';
export type { GatewayConfig } from './config.ts';
export { createGateway, startGateway } from './gateway.ts';
export type { RunningGateway } from './gateway.ts';
