import { Kind, parse, visit, type DocumentNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../units/index.ts';
import { unitOfField, withAuthorization } from './gateway.ts';
import { indexUnits } from './policy.ts';

const index = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
const TODAY = '2026-11-29';

/** Every field node named `name`, in document order (fragments included). */
function fieldsNamed(document: DocumentNode, name: string): FieldNode[] {
  const out: FieldNode[] = [];
  visit(document, { [Kind.FIELD]: (node: FieldNode) => void (node.name.value === name ? out.push(node) : undefined) });
  return out;
}

describe('unitOfField: the unit a guarded field is about, from the document (one walk per document, issue #9)', () => {
  it('reads the nearest enclosing unit argument, literal or variable, through inline fragments and named fragments', () => {
    const doc = parse(`query ($c: String!) {
      a: unit(code: "56") { year(year: 2025) { ... on UnitYear { documents { signedDigitallyRate } } } }
      b: unit(code: $c) { ...Y }
      units { year(year: 2025) { labour { digitalSkillsRate } } }
    }
    fragment Y on AdministrativeUnit { year(year: 2024) { plans { planCount } } }`);
    const [documents] = fieldsNamed(doc, 'documents');
    const [plans] = fieldsNamed(doc, 'plans');
    const [labour] = fieldsNamed(doc, 'labour');
    expect(documents && unitOfField(doc, documents, {}, index, TODAY)).toBe('56@2025-07-01');
    expect(plans && unitOfField(doc, plans, { c: '51' }, index, TODAY)).toMatch(/^51@/);
    // A list of units: only the data knows; an unknown code: null.
    expect(labour && unitOfField(doc, labour, {}, index, TODAY)).toBeUndefined();
    expect(plans && unitOfField(doc, plans, { c: '99' }, index, TODAY)).toBeNull();
  });

  it('a field of a fragment spread under two units takes the first spread in document order, as before', () => {
    const doc = parse(`{ x: unit(code: "51") { ...F } y: unit(code: "56") { ...F } } fragment F on AdministrativeUnit { year(year: 2025) { dti { score } } }`);
    const [dti] = fieldsNamed(doc, 'dti');
    expect(dti && unitOfField(doc, dti, {}, index, TODAY)).toMatch(/^51@/);
    // The same answer on every call (the chains are kept per document).
    expect(dti && unitOfField(doc, dti, {}, index, TODAY)).toMatch(/^51@/);
  });

  it('a field node that is not in the document is read on its own', () => {
    const doc = parse(`{ units { code } }`);
    const [stray] = fieldsNamed(parse(`{ unit(code: "56") { code } }`), 'unit');
    expect(stray && unitOfField(doc, stray, {}, index, TODAY)).toBe('56@2025-07-01');
  });
});

describe('withAuthorization: the subgraph fetch carries the minted token and no other', () => {
  it('sets it on a plain record, replacing any spelling of an authorization header, keeping the rest', () => {
    expect(withAuthorization({ 'content-type': 'application/json', Authorization: 'Bearer client-token' }, 'Bearer minted')).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer minted',
    });
    expect(withAuthorization(undefined, 'Bearer minted')).toEqual({ authorization: 'Bearer minted' });
  });

  it('reads Headers objects and pairs too', () => {
    expect(withAuthorization(new Headers({ Accept: 'application/json', authorization: 'Bearer x' }), 'Bearer minted')).toEqual({ accept: 'application/json', authorization: 'Bearer minted' });
    expect(withAuthorization([['AUTHORIZATION', 'Bearer x'], ['x-request-id', 'r1']], 'Bearer minted')).toEqual({ 'x-request-id': 'r1', authorization: 'Bearer minted' });
  });
});
