import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createRequiresNulls, supergraphModel } from './requires-nulls.ts';

// The committed supergraph: the @requires of UnitYear.dti and the UnitYear key as the gateway serves them.
const model = supergraphModel(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));

const ENTITIES = (selection: string) => parse(`query($representations:[_Any!]!){_entities(representations:$representations){...on UnitYear{${selection}}}}`);
const LABOUR = ENTITIES('labour{trainedWorkforceRate digitalSkillsRate synthetic source{system status recordRef fetchedAt asOf note rolledUpFrom{unitId code name from to}}}');
const DTI = ENTITIES('dti{score}');
const key = (unitId: string) => ({ __typename: 'UnitYear', unitId, year: 2024 });
const source = { system: 'LABOUR', status: 'OK', recordRef: 'labour:56', fetchedAt: '2025-01-01T00:00:00Z', asOf: null, note: null, rolledUpFrom: [] };

function restoreDti(records: Map<string, Record<string, unknown>>, representations: unknown[]) {
  const { restore } = createRequiresNulls(model);
  return restore(records, 'dti', DTI, { representations })?.['representations'] as Record<string, unknown>[] | undefined;
}

describe('nulls the runtime drops from a representation', () => {
  it('model: the dti field requires the labour figures, UnitYear is keyed by unitId year', () => {
    expect(model.keys.get('UnitYear')).toEqual([['unitId', 'year']]);
    expect(model.requires.has('dti|UnitYear|dti')).toBe(true);
    expect(model.requires.has('labour|UnitYear|dti')).toBe(false);
  });

  it('a source that answered null reaches the consumer as null; one nobody was asked for stays absent', () => {
    const { record, restore } = createRequiresNulls(model);
    const records = new Map<string, Record<string, unknown>>();
    record(records, LABOUR, { representations: [key('56@origin'), key('58@origin')] }, { data: { _entities: [{ labour: null }, { labour: { trainedWorkforceRate: 0.3, digitalSkillsRate: null, synthetic: true, source } }] } });
    const out = restore(records, 'dti', DTI, {
      representations: [
        { ...key('56@origin'), approvedEntries: [] },
        // the runtime dropped digitalSkillsRate, asOf and note (null), kept the rest
        { ...key('58@origin'), labour: { trainedWorkforceRate: 0.3, synthetic: true, source: { system: 'LABOUR', status: 'OK', recordRef: 'labour:56', fetchedAt: source.fetchedAt, rolledUpFrom: [] } } },
      ],
    })?.['representations'] as Record<string, unknown>[];
    expect(out[0]).toEqual({ ...key('56@origin'), approvedEntries: [], labour: null });
    expect(out[0]).not.toHaveProperty('documents');
    expect(out[1]?.['labour']).toEqual({ trainedWorkforceRate: 0.3, digitalSkillsRate: null, synthetic: true, source });
  });

  it('a fetch that failed outright (process down: data null) counts as null for every field it asked, in predecessors too', () => {
    const { record } = createRequiresNulls(model);
    const records = new Map<string, Record<string, unknown>>();
    record(records, LABOUR, { representations: [key('56@2025-07-01'), key('56@origin')] }, { data: null });
    const out = restoreDti(records, [{ ...key('56@2025-07-01'), predecessorYears: [{ unitId: '56@origin', year: 2024 }] }]);
    expect(out?.[0]?.['labour']).toBeNull();
    expect((out?.[0]?.['predecessorYears'] as Record<string, unknown>[])[0]).toEqual({ unitId: '56@origin', year: 2024, labour: null });
  });

  it('an entity answered as null counts as null for its fields; with nothing recorded the request is left as it was', () => {
    const { record } = createRequiresNulls(model);
    const records = new Map<string, Record<string, unknown>>();
    expect(restoreDti(records, [key('01@origin')])).toBeUndefined();
    record(records, LABOUR, { representations: [key('01@origin')] }, { data: { _entities: [null] } });
    expect(restoreDti(records, [key('01@origin')])?.[0]?.['labour']).toBeNull();
    // a representation for another key is not touched
    expect(restoreDti(records, [key('02@origin')])).toBeUndefined();
  });

  it('root fetches are recorded by key too (entities met anywhere in an answer)', () => {
    const { record } = createRequiresNulls(model);
    const records = new Map<string, Record<string, unknown>>();
    const root = parse('{ unit(code: "01") { year(year: 2024) { __typename unitId year approvedEntries { id } } } }');
    record(records, root, undefined, { data: { unit: { year: { __typename: 'UnitYear', unitId: '01@origin', year: 2024, approvedEntries: null } } } });
    expect(restoreDti(records, [key('01@origin')])?.[0]?.['approvedEntries']).toBeNull();
  });
});
