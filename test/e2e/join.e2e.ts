import { describe, expect, it } from 'vitest';
import { at, gql } from './client.ts';

const SOURCES = /* GraphQL */ `
  documents { __typename source { system status rolledUpFrom { code } } }
  publicServices { __typename source { system status rolledUpFrom { code } } }
  labour { __typename source { system status rolledUpFrom { code } } }
  plans { __typename source { system status rolledUpFrom { code } } }
`;

describe('one query joins all four systems', () => {
  it('answers the issue #2 query for Khánh Hòa (56) today and before the merger', async () => {
    const res = await gql(/* GraphQL */ `
      query {
        today: unit(code: "56") {
          id code name level validFrom validTo
          predecessors { code name validTo }
          successors { code name validFrom }
          year(year: 2024) { rolledUp ${SOURCES} }
        }
        before: unit(code: "56", asOf: "2024-12-31") {
          id name validTo
          successors { id code name validFrom }
          year(year: 2024) { rolledUp ${SOURCES} }
        }
      }
    `);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'today', 'name')).toBe('Tỉnh Khánh Hòa');
    expect(at(res.data, 'today', 'validFrom')).toBe('2025-07-01');
    expect(at(res.data, 'today', 'predecessors')).toEqual([
      { code: '56', name: 'Tỉnh Khánh Hòa', validTo: '2025-06-30' },
      { code: '58', name: 'Tỉnh Ninh Thuận', validTo: '2025-06-30' },
    ]);
    expect(at(res.data, 'today', 'id')).not.toBe(at(res.data, 'before', 'id'));
    expect(at(res.data, 'before', 'successors', 0, 'id')).toBe(at(res.data, 'today', 'id'));
    for (const part of ['documents', 'publicServices', 'labour', 'plans']) {
      expect(at(res.data, 'today', 'year', part, 'source', 'status')).toBe('OK');
      expect(at(res.data, 'before', 'year', part, 'source', 'status')).toBe('OK');
    }
    // The merged unit's 2024 answers from both predecessors' records, and says so.
    expect(at(res.data, 'today', 'year', 'rolledUp')).toBe(true);
    expect(at(res.data, 'today', 'year', 'documents', 'source', 'rolledUpFrom')).toEqual([{ code: '56' }, { code: '58' }]);
    expect(at(res.data, 'before', 'year', 'rolledUp')).toBe(false);
    expect(at(res.data, 'before', 'year', 'documents', 'source', 'rolledUpFrom')).toEqual([]);
  });

  it.each([
    ['01', null, 2021],
    ['51', '2020-12-31', 2020],
    ['80', null, 2023],
    ['46', null, 2024],
    ['79', null, 2025],
  ])('unit %s (asOf %s) year %i: every system answers', async (code, asOf, year) => {
    const res = await gql(
      /* GraphQL */ `
        query ($code: String!, $asOf: String, $year: Int!) {
          unit(code: $code, asOf: $asOf) { code name year(year: $year) { unitId year ${SOURCES} } }
        }
      `,
      { code, asOf, year },
    );
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'unit', 'code')).toBe(code);
    for (const part of ['documents', 'publicServices', 'labour']) {
      expect(at(res.data, 'unit', 'year', part, '__typename')).toBeTypeOf('string');
      expect(['OK', 'PARTIAL', 'STALE']).toContain(at(res.data, 'unit', 'year', part, 'source', 'status'));
    }
  });

  it('lists the 34 provinces in force today and the 63 before 1 July 2025', async () => {
    const res = await gql(/* GraphQL */ `
      query { now: units(level: PROVINCE) { code } then: units(level: PROVINCE, asOf: "2024-12-31") { code } }
    `);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'now')).toHaveLength(34);
    expect(at(res.data, 'then')).toHaveLength(63);
  });

  it('keeps Vietnamese diacritics intact (NFC) end to end', async () => {
    const res = await gql(`{ unit(code: "48") { name predecessors { name } } }`);
    const names = [at(res.data, 'unit', 'name'), ...((at(res.data, 'unit', 'predecessors') as Array<{ name: string }>).map((p) => p.name))];
    expect(names).toContain('Tỉnh Quảng Nam');
    for (const n of names) expect(n).toBe(String(n).normalize('NFC'));
  });
});
