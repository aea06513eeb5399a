import { runServiceProcess, type StartService } from '../../lib/launcher/service.ts';
import { loadConfig } from './config.ts';
import { startOidcProvider } from './provider.ts';

/** Starts the development OpenID provider from its environment. */
export const startService: StartService = (env) => startOidcProvider(loadConfig(env));

if (import.meta.main) await runServiceProcess('identity', startService);
