import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { runServiceProcess, type StartService } from '../../lib/launcher/service.ts';
import { startSimulatorService } from '../shared/main.ts';
import { startServicesSimulator } from './index.ts';

const envSchema = z.object({
  PORT: portSchema.default(4103),
  HOST: z.string().min(1).default('127.0.0.1'),
  SIM_TODAY: z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`)).optional(),
});

/** Starts the simulated public-services system from its environment. */
export const startService: StartService = (raw) => {
  const env = parseEnv(envSchema, raw);
  return startSimulatorService('services', () => startServicesSimulator(env.PORT, env.HOST, env.SIM_TODAY === undefined ? {} : { today: env.SIM_TODAY }));
};

if (import.meta.main) await runServiceProcess('simulator-services', startService);
