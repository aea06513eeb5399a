/**
 * `npm run plan:import -- FILE --unit CODE [--title "…"] [--gateway URL]`
 * Sends a plan document to the registry through the gateway's `importPlan` mutation. The
 * document is stored only if it parses; otherwise the errors say what failed (exit 1).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultGatewayUrl, postToGateway } from '../lib/cli/gateway.ts';
import { persistedRequestBody } from '../lib/trusted-documents/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    unit: { type: 'string' },
    title: { type: 'string' },
    gateway: { type: 'string', default: defaultGatewayUrl(process.env) },
    token: { type: 'string' },
  },
});
const args = z
  .object({
    file: z.string({ error: 'usage: npm run plan:import -- FILE --unit CODE' }).min(1),
    unit: z.string({ error: '--unit is required: the code of the unit that issued the plan, e.g. --unit 72' }).regex(/^\d{2,5}$/, '--unit must be a unit code such as 72'),
    title: z.string().optional(),
    gateway: z.string().url(),
  })
  .safeParse({ ...values, file: positionals[0] });
if (!args.success) {
  process.stderr.write(`${args.error.issues.map((i) => i.message).join('\n')}\n`);
  process.exit(2);
}
const { file, unit, title, gateway } = args.data;
// An access token (`npm run -s token -- …`), from --token or DTI_TOKEN; sent as a bearer token.
const accessToken = values.token ?? process.env['DTI_TOKEN'];
const bearer: Record<string, string> = accessToken === undefined || accessToken === '' ? {} : { authorization: `Bearer ${accessToken.trim()}` };

// The mutation is a registered trusted document (schema/operations/ImportPlan.graphql): sent by id, it also runs in production.

const answerSchema = z.object({
  data: z
    .object({
      importPlan: z.object({
        id: z.string(),
        symbol: z.string(),
        issuer: z.string(),
        issuedOn: z.string(),
        unit: z.object({ id: z.string(), name: z.string() }).nullable(),
        targets: z.array(z.object({ text: z.string(), indicator: z.object({ code: z.string() }).nullable() })),
        tasks: z.array(z.object({ title: z.string() })),
        budget: z.array(z.object({ year: z.number(), amountVND: z.number() })),
      }),
    })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

const answer = answerSchema.parse(
  await postToGateway(gateway, persistedRequestBody('ImportPlan', { unit, text: readFileSync(file, 'utf8'), title: title ?? null }), bearer),
);
const plan = answer.data?.importPlan;
if (plan === undefined || answer.errors !== undefined) {
  process.stderr.write(`not imported:\n${(answer.errors ?? []).map((e) => `  - ${e.message}`).join('\n')}\n`);
  process.exit(1);
}
const linked = plan.targets.filter((t) => t.indicator !== null).length;
process.stdout.write(
  `imported ${plan.symbol} (${plan.issuer}, ${plan.issuedOn}) as ${plan.id} under ${plan.unit?.name ?? unit}: ` +
    `${plan.targets.length} targets (${linked} linked to a measured indicator), ${plan.tasks.length} tasks, ${plan.budget.length} budget lines\n`,
);
