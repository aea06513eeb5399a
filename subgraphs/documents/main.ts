import { loadConfig } from './config.ts';
import { createSubgraph } from './subgraph.ts';

const config = loadConfig(process.env);
const subgraph = createSubgraph(config);
const running = await subgraph.start({ port: config.port, host: config.host });

const stop = (): void => {
  void running
    .close()
    .then(() => subgraph.close())
    .then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
