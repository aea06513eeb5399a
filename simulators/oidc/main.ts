import { loadConfig } from './config.ts';
import { startOidcProvider } from './provider.ts';

const provider = await startOidcProvider(loadConfig(process.env));
const stop = (): void => {
  void provider.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
