import { loadConfig } from './config.ts';
import { createSubgraph } from './index.ts';

const config = loadConfig(process.env);
const subgraph = createSubgraph(config);
const server = await subgraph.start({ port: config.port, host: config.host });

const stop = (): void => {
  void server
    .close()
    .then(() => subgraph.close())
    .then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
