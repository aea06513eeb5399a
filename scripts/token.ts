/**
 * `npm run -s token -- --sub ID --role ROLE [--role ROLE]... [--unit CODE]... [--ttl SECONDS]`:
 * prints one access token from the running development identity provider, alone on stdout.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { baseUrlSchema, parseEnv } from '../lib/config/index.ts';
import { IDENTITY_PROVIDER } from '../lib/topology/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';

const fail = (message: string): never => {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
};

const env = parseEnv(
  z.object({
    DTI_OIDC_URL: baseUrlSchema.default(`http://127.0.0.1:${IDENTITY_PROVIDER.defaultPort}`),
    OIDC_STATE_DIR: z.string().min(1).default(DEFAULT_OIDC_STATE_DIR),
  }),
  process.env,
);

let values: { sub?: string | undefined; role?: string[] | undefined; unit?: string[] | undefined; ttl?: string | undefined };
try {
  ({ values } = parseArgs({
    options: { sub: { type: 'string' }, role: { type: 'string', multiple: true }, unit: { type: 'string', multiple: true }, ttl: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (e: unknown) {
  fail(e instanceof Error ? e.message : String(e));
  process.exit(2);
}

const args = z
  .object({
    sub: z.string({ error: '--sub ID is required' }).min(1),
    role: z.array(z.enum(['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'], { error: 'a role is one of VIEWER, EDITOR, REVIEWER, ADMIN' })).min(1, 'at least one --role'),
    unit: z.array(z.string().regex(/^\d{2,5}$/, '--unit takes a unit code such as 56')).default([]),
    ttl: z.coerce.number({ error: '--ttl takes seconds' }).int('--ttl takes whole seconds').min(1, '--ttl is at least 1').max(86_400, '--ttl is at most 86400').optional(),
  })
  .safeParse({ sub: values.sub, role: values.role ?? [], unit: values.unit, ttl: values.ttl });
if (!args.success) fail(args.error.issues.map((i) => i.message).join('; '));
else {
  const { sub, role, unit, ttl } = args.data;
  try {
    const token = await requestDevToken(env.DTI_OIDC_URL, env.OIDC_STATE_DIR, { sub, roles: role, units: unit, ...(ttl === undefined ? {} : { ttlS: ttl }) });
    process.stdout.write(`${token}\n`);
  } catch (e: unknown) {
    fail(e instanceof Error ? e.message : String(e));
  }
}
