import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { runServiceProcess, type StartService } from '../../lib/launcher/service.ts';
import { startSimulatorService } from '../shared/main.ts';
import { startPlansSimulator } from './index.ts';

const envSchema = z.object({ PORT: portSchema.default(4101), HOST: z.string().default('127.0.0.1') });

/** Starts the simulated plans system from its environment. */
export const startService: StartService = (raw) => {
  const env = parseEnv(envSchema, raw);
  return startSimulatorService('plans', () => startPlansSimulator(env.PORT, env.HOST));
};

if (import.meta.main) await runServiceProcess('simulator-plans', startService);
