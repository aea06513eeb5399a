import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { startServicesSimulator } from './index.ts';

const env = parseEnv(
  z.object({
    PORT: portSchema.default(4103),
    HOST: z.string().min(1).default('127.0.0.1'),
    SIM_TODAY: z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`)).optional(),
  }),
  process.env,
);

const sim = await startServicesSimulator(env.PORT, env.HOST, env.SIM_TODAY === undefined ? {} : { today: env.SIM_TODAY });
process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', service: 'simulator-services', message: 'simulator listening', url: sim.url })}\n`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
