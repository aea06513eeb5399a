import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { runServiceProcess, type StartService } from '../../lib/launcher/service.ts';
import { startSimulatorService } from '../shared/main.ts';
import { startDocumentsSimulator } from './index.ts';

const envSchema = z.object({
  PORT: portSchema.default(4102),
  HOST: z.string().min(1).default('127.0.0.1'),
  SIM_TODAY: z.iso.date().optional(),
});

/** Starts the simulated document system from its environment. */
export const startService: StartService = (raw) => {
  const env = parseEnv(envSchema, raw);
  return startSimulatorService(
    'documents',
    () => startDocumentsSimulator(env.PORT, env.HOST, env.SIM_TODAY === undefined ? {} : { today: new Date(`${env.SIM_TODAY}T12:00:00Z`) }),
    { today: env.SIM_TODAY ?? null },
  );
};

if (import.meta.main) await runServiceProcess('simulator-documents', startService);
