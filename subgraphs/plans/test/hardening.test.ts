import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphqlResponseSchema, startSubgraphStack, type SubgraphStack } from '../../../lib/testing/index.ts';
import { startPlansSimulator } from '../../../simulators/plans/index.ts';
import { createSubgraph, loadConfig } from '../index.ts';

// Issue #12: the plans subgraph bounds and cleans what importPlan stores (its guard against nesting
// bombs over units moved with the units to the dti subgraph: subgraphs/dti/test/units.test.ts).
const KHANH_HOA_PLAN = readFileSync(new URL('../../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8');

let stack: SubgraphStack;
beforeAll(async () => {
  stack = await startSubgraphStack({
    startSimulator: startPlansSimulator,
    createSubgraph: (upstreamUrl) => createSubgraph(loadConfig({ UPSTREAM_URL: upstreamUrl, PORT: '0', LOG_LEVEL: 'error'})),
  });
}, 60_000);
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

// Imports need an EDITOR of the unit (administrators read everything but write nothing): an
// editor of today's 56 and 80 (80 took in Tây Ninh, 72) who also reads as an administrator.
const EDITOR = { subject: 'stack-editor', name: null, roles: new Set(['ADMIN', 'EDITOR'] as const), units: ['56', '80'] };

async function gql(query: string, variables: Record<string, unknown> = {}) {
  return graphqlResponseSchema.parse(await stack.gql(query, variables, EDITOR));
}

const IMPORT = /* GraphQL */ `
  mutation ($unit: String!, $text: String!, $title: String) { importPlan(unitCode: $unit, text: $text, title: $title) { id symbol title } }
`;
const importedSchema = z.object({ importPlan: z.object({ id: z.string(), symbol: z.string(), title: z.string().nullable() }) });

describe('importPlan: issuer and input checks', () => {
  it('refuses a Khánh Hòa plan filed under Tây Ninh, naming both', async () => {
    const body = await gql(IMPORT, { unit: '72', text: KHANH_HOA_PLAN });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/^cơ quan ban hành văn bản "UBND tỉnh Khánh Hòa" không phải Tỉnh Tây Ninh .* — the document's issuer "UBND tỉnh Khánh Hòa" is not Tỉnh Tây Ninh/);
  });

  it('files the same plan under Khánh Hòa, with an HTML title kept as text and an NFC title', async () => {
    const decomposed = 'Kế hoạch <b>chuyển đổi số</b> <script>alert(1)</script> Khánh Hòa'.normalize('NFD');
    // A new symbol: the registry already holds the seed plan itself.
    const text = KHANH_HOA_PLAN.replaceAll('4949/KH-UBND', '7719/KH-UBND');
    expect(text).not.toBe(KHANH_HOA_PLAN);
    const body = await gql(IMPORT, { unit: '56', text, title: decomposed });
    expect(body.errors).toBeUndefined();
    const plan = importedSchema.parse(body.data).importPlan;
    expect(plan.title).toBe(decomposed.normalize('NFC'));
    expect(plan.title).toContain('<script>alert(1)</script>');
  });

  it.each([
    ['a NUL in the title', { title: 'Kế hoạch\u0000' }, /title contains the control character NUL/],
    ['a control character in the text', { text: `${KHANH_HOA_PLAN}\u0007` }, /text contains the control character U\+0007/],
    ['a lone surrogate in the title', { title: 'Kế hoạch \uD800' }, /title contains a lone surrogate/],
    ['a 1 MB title', { title: 'x'.repeat(1_048_576) }, /title is 1048576 characters long; the limit is 300 \(PLAN_MAX_TITLE_CHARS\)/],
    ['a 1 MB text', { text: 'x'.repeat(1_048_576) }, /text is 1048576 characters long; the limit is 200000/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, change, message) => {
    const body = await gql(IMPORT, { unit: '56', text: KHANH_HOA_PLAN, title: null, ...change });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
  });
});
