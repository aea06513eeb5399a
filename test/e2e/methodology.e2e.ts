import { describe, expect, it } from 'vitest';
import { at, gql, gqlAs } from './client.ts';

describe('issue #10 §2 - a methodology the team can keep current', () => {
  it('each assessment says which catalogue version scored it', async () => {
    const res = await gql(`{ catalogueVersions { version builtIn effectiveFrom } unit(code: "56", asOf: "2024-12-31") { year(year: 2023) { dti { methodology catalogueVersion { version builtIn citation } } } } }`);
    expect(res.errors).toBeUndefined();
    const versions = at(res.data, 'catalogueVersions') as Array<{ version: string; builtIn: boolean }>;
    expect(versions[0]?.builtIn).toBe(true);
    expect(at(res.data, 'unit', 'year', 'dti', 'catalogueVersion', 'version')).toBe(versions[0]?.version);
  });

  it('dtiScore with provisional points for 405 says provisional; without, the score stays null', async () => {
    const cat = await gql(`{ dtiCatalogue(methodology: "405/QĐ-BKHCN") { methodologies { mainIndicators { code } } } }`);
    const codes = (at(cat.data, 'dtiCatalogue', 'methodologies', 0, 'mainIndicators') as Array<{ code: string }>).map((i) => i.code);
    const values = codes.map((code) => ({ code, value: 0.6 }));
    const points = codes.map((code) => ({ code, points: 125 }));
    const q = `query ($v: [MainIndicatorValueInput!]!, $p: [ProvisionalPointsInput!]) { dtiScore(methodology: "405/QĐ-BKHCN", mainIndicatorValues: $v, provisionalPoints: $p) { score provisional confirmed reason } }`;
    const official = await gql(q, { v: values, p: null });
    expect(at(official.data, 'dtiScore')).toMatchObject({ score: null, provisional: false });
    const provisional = await gql(q, { v: values, p: points });
    expect(provisional.errors).toBeUndefined();
    expect(at(provisional.data, 'dtiScore')).toMatchObject({ provisional: true, confirmed: false });
    expect(at(provisional.data, 'dtiScore', 'score')).toBeCloseTo(0.6, 10);
    expect(at(provisional.data, 'dtiScore', 'reason')).toMatch(/^PROVISIONAL/);
  });

  it('loading a catalogue version without an administrator is refused, and nothing changes', async () => {
    const res = await gqlAs('viewer-56', `mutation { loadCatalogueVersion(file: "{}") { version } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const after = await gql(`{ catalogueVersions { version } }`);
    expect(at(after.data, 'catalogueVersions')).toHaveLength(1);
  });
});
