import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { runSimulatorMain } from '../shared/main.ts';
import { startLabourSimulator } from './index.ts';

const env = parseEnv(
  z.object({
    PORT: portSchema.default(4104),
    HOST: z.string().default('127.0.0.1'),
    SIM_TODAY: z.iso
      .date()
      .transform((d) => new Date(`${d}T00:00:00Z`))
      .optional(),
  }),
  process.env,
);
await runSimulatorMain('labour', () => startLabourSimulator(env.PORT, env.HOST, env.SIM_TODAY === undefined ? {} : { today: env.SIM_TODAY }));
