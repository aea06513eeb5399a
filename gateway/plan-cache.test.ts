import { envelop, useEngine, useSchema } from '@envelop/core';
import { useGenericAuth } from '@envelop/generic-auth';
import type { DocumentNode, ExecutionArgs } from 'graphql';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { usePlanCacheDocuments } from './plan-cache.ts';

// The copy of graphql the envelop plugins get from Node (its CommonJS build): the test runner would
// load the ES build for this file, a second copy graphql refuses to mix with the first.
const { buildSchema, execute, parse, print, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// Issue #9 goal 2: the planner caches plans by document object; genericAuth's per-request visit
// handed it a new object every time, so every query was planned again.

const schema = buildSchema(/* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT
  type Query { open: String, other: String, closed: String @authenticated }
`);

/** What execution (the planner, in the gateway) is handed, per request. */
function harness(planCache?: ReturnType<typeof usePlanCacheDocuments>): { run(query: string, user: unknown): Promise<DocumentNode> } {
  const seen: DocumentNode[] = [];
  const getEnveloped = envelop({
    plugins: [
      useEngine({ parse, validate, specifiedRules, execute: (args: ExecutionArgs) => (seen.push(args.document), execute(args)) }),
      useSchema(schema),
      // As lib/access/gateway.ts configures it.
      useGenericAuth({ mode: 'protect-granular', resolveUserFn: (ctx: { user?: unknown }) => ctx.user ?? null, rejectUnauthenticated: false }),
      ...(planCache === undefined ? [] : [planCache]),
    ],
  });
  return {
    async run(query, user) {
      const { parse: p, validate: v, contextFactory, execute: ex, schema: s } = getEnveloped({ user });
      const document = p(query);
      expect(v(s, document)).toEqual([]);
      await ex({ schema: s, document, rootValue: { open: 'o', other: 'x', closed: 'c' }, contextValue: await contextFactory() });
      return seen.at(-1)!;
    },
  };
}

describe('the planner is handed one document object per text', () => {
  const Q = '{ open closed }';

  it('without the plugin, genericAuth hands execution a fresh copy per request (the cause)', async () => {
    const h = harness();
    const a = await h.run(Q, { sub: 'a' });
    const b = await h.run(Q, { sub: 'a' });
    expect(print(a)).toBe(print(b));
    expect(a).not.toBe(b);
  });

  it('with it, the same text is the same object, request after request and caller after caller', async () => {
    const h = harness(usePlanCacheDocuments(2));
    const a = await h.run(Q, { sub: 'a' });
    expect(await h.run(Q, { sub: 'a' })).toBe(a);
    expect(await h.run(Q, { sub: 'b' })).toBe(a);
  });

  it('never shares a document between different texts (keyed by the printed document, not the request source)', async () => {
    const h = harness(usePlanCacheDocuments(2));
    const a = await h.run('{ open closed }', { sub: 'a' });
    const b = await h.run('{ open }', { sub: 'a' });
    expect(b).not.toBe(a);
    expect(print(b)).toBe(print(parse('{ open }')));
  });

  it('hands execution exactly the text genericAuth produced for each caller, signed in or not', async () => {
    const plain = harness();
    const cached = harness(usePlanCacheDocuments(2));
    for (const user of [{ sub: 'a' }, null, { sub: 'b' }, null]) {
      for (const q of ['{ open closed }', '{ closed }', '{ open }']) {
        expect(print(await cached.run(q, user))).toBe(print(await plain.run(q, user)));
      }
    }
  });

  it('keeps at most the configured number of documents, dropping the least recently used', async () => {
    const h = harness(usePlanCacheDocuments(2));
    const user = { sub: 'a' };
    const a = await h.run('{ open }', user);
    const b = await h.run('{ other }', user);
    expect(await h.run('{ open }', user)).toBe(a); // a used again: b is now the oldest
    await h.run('{ open other }', user); // a third text: b goes
    expect(await h.run('{ open }', user)).toBe(a);
    expect(await h.run('{ other }', user)).not.toBe(b);
  });
});

describe('memory (issue #7 item 4)', () => {
  it('once nothing is executed for the idle time, keeps only the most recently used documents', async () => {
    const user = { sub: 'a' };
    const h = harness(usePlanCacheDocuments(100, { afterMs: 150, keep: 1 }));
    const run = (query: string): Promise<DocumentNode> => h.run(query, user);
    const a = await run('{ open }');
    const b = await run('{ other }');
    // Used again within the idle time: still kept.
    await new Promise((r) => setTimeout(r, 50));
    expect(await run('{ open }')).toBe(a);
    expect(await run('{ other }')).toBe(b);
    await new Promise((r) => setTimeout(r, 400));
    // b was the most recently used: kept; a was dropped.
    expect(await run('{ other }')).toBe(b);
    expect(await run('{ open }')).not.toBe(a);
  });
});
