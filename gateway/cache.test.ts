import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { changeOfMutation, createSharedResponseCache, relatedUnits, responseCachingOptions, scopeOfQuery, type SharedResponseCache } from './cache.ts';

const quiet = { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => quiet };

const UNIT = /* GraphQL */ `query Unit($code: String!) { unit(code: $code) { year(year: 2024) { dti { score } } } }`;
const PROVINCES = /* GraphQL */ `query Provinces { units(level: PROVINCE, asOf: "2024-12-31") { code year(year: 2024) { dti { score published { rank } } } } }`;

function mutation(source: string): OperationDefinitionNode {
  const op = parse(source).definitions[0];
  if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
  return op;
}

/** The cache key the runtime would store a viewer's answer under. */
async function keyOf(shared: SharedResponseCache, documentString: string, variableValues: Record<string, unknown>, sessionId: string): Promise<string> {
  return responseCachingOptions(shared, 60_000).buildResponseCacheKey({ documentString, variableValues, operationName: null, sessionId });
}

describe('what a cached answer depends on', () => {
  it('a unit named at the root, by code or by id, literally or through a variable', () => {
    expect(scopeOfQuery(UNIT, null, { code: '51' })).toEqual({ units: ['51'] });
    expect(scopeOfQuery('{ a: unit(code: "56") { code } b: unitById(id: "58@origin") { code } __typename }', null, {})).toEqual({ units: ['56', '58'] });
  });

  it('anything wider, or not understood, is all', () => {
    expect(scopeOfQuery(PROVINCES, null, {})).toBe('all');
    expect(scopeOfQuery('{ unit(code: "56") { code } units(level: PROVINCE) { code } }', null, {})).toBe('all');
    expect(scopeOfQuery(UNIT, null, {})).toBe('all'); // the variable is missing
    expect(scopeOfQuery('{ ...F } fragment F on Query { unit(code: "56") { code } }', null, {})).toBe('all');
    expect(scopeOfQuery('{ not graphql', null, {})).toBe('all');
  });
});

describe('what a mutation changed', () => {
  it('importPlan: the unit it names', () => {
    const op = mutation('mutation ($u: String!, $t: String!) { importPlan(unitCode: $u, text: $t) { id } }');
    expect(changeOfMutation(op, { u: '72', t: '…' }, { importPlan: { id: 'p1' } })).toEqual({ units: ['72'] });
  });

  it('saveEntry: the unit of its input', () => {
    const op = mutation('mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id } } }');
    expect(changeOfMutation(op, { input: { unitId: '56@origin', year: 2023 } }, { saveEntry: { entry: { id: 'e1' } } })).toEqual({ units: ['56'] });
  });

  it('reviewEntry and submitEntries: the units of the entries in the answer, else all', () => {
    const review = mutation('mutation { reviewEntry(id: "e1", decision: APPROVE, expectedVersion: 2) { entry { id unitId } } }');
    expect(changeOfMutation(review, {}, { reviewEntry: { entry: { id: 'e1', unitId: '56@origin' } } })).toEqual({ units: ['56'] });
    const blind = mutation('mutation { reviewEntry(id: "e1", decision: APPROVE, expectedVersion: 2) { entry { id } } }');
    expect(changeOfMutation(blind, {}, { reviewEntry: { entry: { id: 'e1' } } })).toBe('all');
    const submit = mutation('mutation { submitEntries(ids: ["a", "b"]) { entries { unitId } } }');
    expect(changeOfMutation(submit, {}, { submitEntries: { entries: [{ unitId: '56@origin' }, { unitId: '01@origin' }] } })).toEqual({ units: ['56', '01'] });
  });

  it('a new catalogue version, or an unknown mutation: all', () => {
    expect(changeOfMutation(mutation('mutation { loadCatalogueVersion(file: "{}") { id } }'), {}, { loadCatalogueVersion: { id: 'v' } })).toBe('all');
  });

  it('a merged province moves with the units merged into it (56 ← 56, 58), and no further', () => {
    const related = relatedUnits(['56']);
    expect(related).toEqual(expect.arrayContaining(['56', '58']));
    expect(related).not.toContain('51');
    expect(relatedUnits(['58'])).toContain('56');
  });
});

describe('finer invalidation of the shared cache', () => {
  it("a viewer of 51's cached answer survives a write to 56; 56's answers and the lists are dropped", async () => {
    const shared = await createSharedResponseCache({ redisUrl: undefined, ttlMs: 60_000 }, quiet);
    const k51 = await keyOf(shared, UNIT, { code: '51' }, 'viewer-51');
    const k56 = await keyOf(shared, UNIT, { code: '56' }, 'viewer-56');
    const k58 = await keyOf(shared, UNIT, { code: '58' }, 'viewer-56');
    const kList = await keyOf(shared, PROVINCES, {}, 'admin');
    // Keys are stable while nothing changes.
    expect(await keyOf(shared, UNIT, { code: '51' }, 'viewer-51')).toBe(k51);

    // An approved entry for 56 (what reviewEntry's answer names).
    const review = mutation('mutation { reviewEntry(id: "e1", decision: APPROVE, expectedVersion: 2) { entry { unitId } } }');
    await shared.invalidate(changeOfMutation(review, {}, { reviewEntry: { entry: { unitId: '56@2025-07-01' } } }), 'test');

    expect(await keyOf(shared, UNIT, { code: '51' }, 'viewer-51')).toBe(k51);
    expect(await keyOf(shared, UNIT, { code: '56' }, 'viewer-56')).not.toBe(k56);
    expect(await keyOf(shared, UNIT, { code: '58' }, 'viewer-56')).not.toBe(k58);
    expect(await keyOf(shared, PROVINCES, {}, 'admin')).not.toBe(kList);

    // A change of everything drops 51 too.
    await shared.invalidate('all', 'test');
    expect(await keyOf(shared, UNIT, { code: '51' }, 'viewer-51')).not.toBe(k51);
    await shared.close();
  });

  it('the same answer for another caller is another key (no answer crosses an authorization boundary)', async () => {
    const shared = await createSharedResponseCache({ redisUrl: undefined, ttlMs: 60_000 }, quiet);
    expect(await keyOf(shared, UNIT, { code: '56' }, 'viewer-51')).not.toBe(await keyOf(shared, UNIT, { code: '56' }, 'viewer-56'));
    await shared.close();
  });

  it('a key prefix puts every key of the store under it', async () => {
    const shared = await createSharedResponseCache({ redisUrl: undefined, ttlMs: 60_000, keyPrefix: 'site-a:' }, quiet);
    await shared.cache.set('response-cache:x', '1');
    await shared.invalidate({ units: ['56'] }, 'test');
    expect(await shared.cache.get('response-cache:x')).toBe('1');
    expect((await shared.cache.getKeysByPrefix('response-cache:')).length).toBe(1);
    await shared.close();
  });
});
