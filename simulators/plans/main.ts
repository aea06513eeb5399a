import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/config/index.ts';
import { runSimulatorMain } from '../shared/main.ts';
import { startPlansSimulator } from './index.ts';

const env = parseEnv(z.object({ PORT: portSchema.default(4101), HOST: z.string().default('127.0.0.1') }), process.env);
await runSimulatorMain('plans', () => startPlansSimulator(env.PORT, env.HOST));
