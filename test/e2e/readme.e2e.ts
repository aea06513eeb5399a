import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { at, gql, token } from './client.ts';

// The README's examples are run as written: every fenced GraphQL block, and the GraphQL body of
// every curl to the gateway. A README that drifts from the schema fails here.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = (lang: string): string[] => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
const graphqlBlocks = blocks('graphql');
const curlBodies = blocks('sh')
  .flatMap((b) => b.replace(/\\\n\s*/g, ' ').split('\n'))
  .filter((l) => /^curl .*\/graphql/.test(l.trim()))
  .map((l) => /-d '([^']*)'/.exec(l)?.[1])
  .filter((b): b is string => b !== undefined);
const example = readFileSync(new URL('../../data/examples/ke-hoach-chuyen-doi-so-72-2024.txt', import.meta.url), 'utf8');

describe('issue #8 - the README examples run', () => {
  it('has examples to run', () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(3);
    expect(curlBodies.length).toBeGreaterThanOrEqual(1);
  });

  it.each(graphqlBlocks.filter((b) => !/^\s*mutation/.test(b)).map((b, i) => [i, b] as const))('GraphQL block %i answers without errors', async (_i, query) => {
    const res = await gql(query);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data).toBeTruthy();
  });

  it.each(curlBodies.map((b, i) => [i, b] as const))('curl body %i answers without errors', async (_i, body) => {
    const parsed: unknown = JSON.parse(body);
    const query = at(parsed, 'query');
    expect(typeof query).toBe('string');
    const res = await gql(String(query));
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  });

  it('the importPlan example imports the example plan text', async () => {
    const mutation = graphqlBlocks.find((b) => /^\s*mutation/.test(b));
    expect(mutation).toBeDefined();
    // As the README says: an EDITOR of the unit (72 merged into 80, whose team files its plans).
    const editor80 = await token({ sub: 'editor-80', roles: ['EDITOR'], units: ['80'], ttlS: 600 });
    const res = await gql(String(mutation), { text: example }, { as: { token: editor80 } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(at(res.data, 'importPlan', 'symbol')).toBe('158/KH-UBND');
    expect(at(res.data, 'importPlan', 'targets', 0, 'indicator', 'code')).toBe('PS_ONLINE_DOSSIER_RATE');
  });
});
