import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphqlResponseSchema, startSubgraphStack, type SubgraphStack } from '../../../lib/testing/index.ts';
import { startPlansSimulator } from '../../../simulators/plans/index.ts';
import { createSubgraph, loadConfig } from '../index.ts';

// Issue #11: an upload shows the parser's reading before anything is stored.
const SEED = readFileSync(new URL('../../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8');
// A plan the registry does not hold yet (the seed itself is there).
const NEW_PLAN = SEED.replaceAll('4949/KH-UBND', '8123/KH-UBND');

let stack: SubgraphStack;
beforeAll(async () => {
  stack = await startSubgraphStack({
    startSimulator: startPlansSimulator,
    createSubgraph: (upstreamUrl) => createSubgraph(loadConfig({ UPSTREAM_URL: upstreamUrl, PORT: '0', LOG_LEVEL: 'error' })),
  });
}, 60_000);
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const EDITOR = { subject: 'preview-editor', name: null, roles: new Set(['EDITOR'] as const), units: ['56'] };
const VIEWER = { subject: 'preview-viewer', name: null, roles: new Set(['VIEWER'] as const), units: ['56'] };

const PREVIEW = /* GraphQL */ `
  query ($unit: String!, $text: String!) {
    previewPlan(unitCode: $unit, text: $text) {
      importable errors { code field message messageEn } warnings symbol issuer level issuedOn legalBasis unit { id }
      targets { text min max unit targetYear level indicator { code } }
      tasks { title lead cooperating timeframe { text from to } }
      budget { year amountVND } budgetTotalVND
    }
  }
`;
const previewSchema = z.object({
  previewPlan: z.object({
    importable: z.boolean(),
    errors: z.array(z.object({ code: z.string(), field: z.string(), message: z.string(), messageEn: z.string() })),
    warnings: z.array(z.string()),
    symbol: z.string().nullable(),
    issuer: z.string().nullable(),
    level: z.string().nullable(),
    unit: z.object({ id: z.string() }).nullable(),
    targets: z.array(z.object({ text: z.string(), unit: z.string(), indicator: z.object({ code: z.string() }).nullable() })),
    tasks: z.array(z.object({ title: z.string(), lead: z.array(z.string()) })),
  }),
});
const IMPORT = `mutation ($unit: String!, $text: String!) { importPlan(unitCode: $unit, text: $text) { symbol targets { text } tasks { title } } }`;
const importedSchema = z.object({ importPlan: z.object({ targets: z.array(z.object({ text: z.string() })), tasks: z.array(z.object({ title: z.string() })) }) });
// Khánh Hòa as on 2025-01-01 (the unit is the dti subgraph's; plans answers its plans by key).
const PLANS_OF_56 = `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "56@origin" }]) { ... on AdministrativeUnit { plans { symbol } } } }`;
const plansSchema = z.object({ _entities: z.tuple([z.object({ plans: z.array(z.object({ symbol: z.string() })) })]) });

async function symbolsOf56(): Promise<string[]> {
  const body = graphqlResponseSchema.parse(await stack.gql(PLANS_OF_56, {}, EDITOR));
  return plansSchema.parse(body.data)._entities[0].plans.map((p) => p.symbol).sort();
}

describe('previewPlan', () => {
  it('gives the reading importPlan would store, and stores nothing', async () => {
    const before = await symbolsOf56();
    const body = graphqlResponseSchema.parse(await stack.gql(PREVIEW, { unit: '56', text: NEW_PLAN }, EDITOR));
    expect(body.errors).toBeUndefined();
    const p = previewSchema.parse(body.data).previewPlan;
    expect(p).toMatchObject({ importable: true, errors: [], symbol: '8123/KH-UBND', issuer: 'UBND tỉnh Khánh Hòa', level: 'PROVINCE' });
    expect(p.targets.length).toBeGreaterThan(0);
    expect(p.tasks.length).toBeGreaterThan(0);
    expect(await symbolsOf56()).toEqual(before);
    expect(before).not.toContain('8123/KH-UBND');

    // Saving stores that very reading.
    const saved = graphqlResponseSchema.parse(await stack.gql(IMPORT, { unit: '56', text: NEW_PLAN }, EDITOR));
    expect(saved.errors).toBeUndefined();
    const stored = importedSchema.parse(saved.data).importPlan;
    expect(stored.targets.map((t) => t.text)).toEqual(p.targets.map((t) => t.text));
    expect(stored.tasks.map((t) => t.title)).toEqual(p.tasks.map((t) => t.title));
    expect(await symbolsOf56()).toEqual([...before, '8123/KH-UBND'].sort());
  });

  it('warns that the registry holds the plan already', async () => {
    const body = graphqlResponseSchema.parse(await stack.gql(PREVIEW, { unit: '56', text: SEED }, EDITOR));
    const p = previewSchema.parse(body.data).previewPlan;
    expect(p.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/already holds 4949\/KH-UBND .*refused as a duplicate/)]));
  });

  it('lists each refusal with its code and argument, Vietnamese and English apart', async () => {
    const body = graphqlResponseSchema.parse(await stack.gql(PREVIEW, { unit: '56', text: 'Thông báo lịch họp\u0007' }, EDITOR));
    expect(body.errors).toBeUndefined();
    const p = previewSchema.parse(body.data).previewPlan;
    expect(p.importable).toBe(false);
    expect(p.errors).toEqual(
      expect.arrayContaining([
        {
          code: 'CONTROL_CHARACTER',
          field: 'text',
          message: expect.stringMatching(/^Nội dung văn bản có ký tự điều khiển U\+0007 ở vị trí 18; chỉ được dùng dấu tab và xuống dòng$/),
          messageEn: 'text contains the control character U+0007 at character 18; only tab and newline are allowed',
        },
        { code: 'NO_SYMBOL', field: 'text', message: 'không tìm thấy số, ký hiệu văn bản', messageEn: 'no document symbol found' },
      ]),
    );
  });

  it('refuses a viewer of the unit, as importPlan does', async () => {
    const body = graphqlResponseSchema.parse(await stack.gql(PREVIEW, { unit: '56', text: NEW_PLAN }, VIEWER));
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses an editor of another unit', async () => {
    const body = graphqlResponseSchema.parse(await stack.gql(PREVIEW, { unit: '51', text: NEW_PLAN }, EDITOR));
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
