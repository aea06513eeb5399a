import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { startDocumentsSimulator } from './index.ts';

const env = parseEnv(
  z.object({
    PORT: portSchema.default(4102),
    HOST: z.string().min(1).default('127.0.0.1'),
    SIM_TODAY: z.iso.date().optional(),
  }),
  process.env,
);

const sim = await startDocumentsSimulator(env.PORT, env.HOST, env.SIM_TODAY === undefined ? {} : { today: new Date(`${env.SIM_TODAY}T12:00:00Z`) });
process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', service: 'simulator-documents', message: 'simulator listening', url: sim.url, today: env.SIM_TODAY ?? null })}\n`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
