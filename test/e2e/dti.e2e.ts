import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { at, gql, sim } from './client.ts';

// The catalogue as data: the test recomputes scores from it, independently of the dti subgraph's code.
const catalogue = z
  .object({
    methodologies: z.array(
      z.object({ code: z.string(), dtiYears: z.array(z.number()), mainIndicators: z.array(z.object({ code: z.string(), maxPoints: z.number().nullable() })) }),
    ),
    inputs: z.array(z.object({ code: z.string(), feeds: z.array(z.string()) })),
  })
  .parse(JSON.parse(readFileSync(new URL('../../schema/dti/catalogue.json', import.meta.url), 'utf8')));

const SOURCE_FIELDS: Record<string, [string, string]> = {
  DOC_SIGNED_DIGITALLY_RATE: ['documents', 'signedDigitallyRate'],
  DOC_SENT_ELECTRONICALLY_RATE: ['documents', 'sentElectronicallyRate'],
  WORK_RECORDS_ONLINE_RATE: ['documents', 'workRecordsOnlineRate'],
  PS_FULLY_ONLINE_PROCEDURE_RATE: ['publicServices', 'fullyOnlineProcedureRate'],
  PS_ONLINE_DOSSIER_RATE: ['publicServices', 'onlineDossierRate'],
  PS_ON_TIME_RATE: ['publicServices', 'onTimeRate'],
  PS_DIGITISED_DOSSIER_RATE: ['publicServices', 'digitisedDossierRate'],
  PS_ONLINE_PAYMENT_RATE: ['publicServices', 'onlinePaymentRate'],
  LAB_TRAINED_WORKFORCE_RATE: ['labour', 'trainedWorkforceRate'],
  LAB_DIGITAL_SKILLS_RATE: ['labour', 'digitalSkillsRate'],
};

const QUERY = /* GraphQL */ `
  query ($code: String!, $asOf: String, $year: Int!) {
    unit(code: $code, asOf: $asOf) {
      year(year: $year) {
        documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate }
        publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate }
        labour { trainedWorkforceRate digitalSkillsRate }
        dti {
          methodology score maxScore completeness scoreNote
          mainIndicators { code name nameEn maxPoints value status }
          inputs { indicator { code name nameEn unit sourceSystem confirmed } value status source { system recordRef fetchedAt asOf } }
          published { score rank }
        }
        publicServiceIndex766 { score maxScore groups { code name score maxScore } }
      }
    }
  }
`;

/** Σ points × (mean of the mapped inputs with a value) ÷ 1000, and the share of points covered. */
function expectedScore(methodology: string, year: unknown): { score: number; completeness: number } {
  const m = catalogue.methodologies.find((x) => x.code === methodology);
  if (m === undefined) throw new Error(methodology);
  let points = 0;
  let covered = 0;
  for (const main of m.mainIndicators) {
    const values = catalogue.inputs
      .filter((i) => i.feeds.includes(main.code))
      .map((i) => {
        const where = SOURCE_FIELDS[i.code];
        return where === undefined ? null : at(year, where[0], where[1]);
      })
      .filter((v): v is number => typeof v === 'number');
    if (values.length === 0 || main.maxPoints === null) continue;
    points += main.maxPoints * (values.reduce((a, b) => a + b, 0) / values.length);
    covered += main.maxPoints;
  }
  return { score: points / 1000, completeness: covered / 1000 };
}

afterEach(async () => {
  await sim.clearFaults('labour');
});

describe('issue #3 - DTI assembly in one query', () => {
  it.each([
    ['01', null, 2022],
    ['56', '2023-12-31', 2023],
  ])('unit %s (asOf %s) %i: the score equals the weighted sum recomputed from the sources and the catalogue', async (code, asOf, y) => {
    const res = await gql(QUERY, { code, asOf, year: y });
    expect(res.errors).toBeUndefined();
    const year = at(res.data, 'unit', 'year');
    expect(at(year, 'dti', 'methodology')).toBe('922/QĐ-BTTTT');
    const expected = expectedScore('922/QĐ-BTTTT', year);
    expect(at(year, 'dti', 'score')).toBeCloseTo(expected.score, 10);
    expect(at(year, 'dti', 'completeness')).toBeCloseTo(expected.completeness, 10);
    expect(at(year, 'dti', 'maxScore')).toBe(1);
    expect(at(year, 'dti', 'scoreNote')).toMatch(/not the official DTI|so far/i);
    const inputs = at(year, 'dti', 'inputs') as Array<{ indicator: { code: string; confirmed: boolean }; value: number | null; status: string; source: { system: string } | null }>;
    const signed = inputs.find((i) => i.indicator.code === 'DOC_SIGNED_DIGITALLY_RATE');
    expect(signed?.value).toBe(at(year, 'documents', 'signedDigitallyRate'));
    expect(signed?.source?.system).toBe('DOCUMENTS');
    expect(signed?.indicator.confirmed).toBe(false);
    expect(inputs.find((i) => i.indicator.code === 'PLAN_TASK_COMPLETION_RATE')?.status).toBe('NOT_COLLECTED');
    const mains = at(year, 'dti', 'mainIndicators') as Array<{ code: string; status: string }>;
    expect(mains).toHaveLength(9);
    expect(mains.filter((x) => x.status === 'NOT_COLLECTED').length).toBeGreaterThan(0);
    expect(at(year, 'publicServiceIndex766', 'maxScore')).toBe(100);
  });

  it('shows the published result beside the self-assessment', async () => {
    const res = await gql(`{ unit(code: "48", asOf: "2023-12-31") { year(year: 2023) { dti { published { score rank } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'unit', 'year', 'dti', 'published', 'rank')).toBe(1);
  });

  it('DTI 2024 (405): main-indicator values given, score null with the reason', async () => {
    const res = await gql(QUERY, { code: '56', asOf: '2024-12-31', year: 2024 });
    expect(at(res.data, 'unit', 'year', 'dti', 'methodology')).toBe('405/QĐ-BKHCN');
    expect(at(res.data, 'unit', 'year', 'dti', 'score')).toBeNull();
    expect(String(at(res.data, 'unit', 'year', 'dti', 'scoreNote'))).toMatch(/unconfirmed/i);
  });

  it('with the labour-market system down: its inputs are SOURCE_UNAVAILABLE, completeness drops, an error names it', async () => {
    const before = await gql(QUERY, { code: '01', asOf: null, year: 2022 });
    await sim.faults('labour', { down: true });
    const res = await gql(QUERY, { code: '01', asOf: null, year: 2022 });
    expect(res.errors?.some((e) => e.extensions?.['system'] === 'labour')).toBe(true);
    const inputs = at(res.data, 'unit', 'year', 'dti', 'inputs') as Array<{ indicator: { code: string }; value: number | null; status: string }>;
    for (const code of ['LAB_TRAINED_WORKFORCE_RATE', 'LAB_DIGITAL_SKILLS_RATE']) {
      expect(inputs.find((i) => i.indicator.code === code)).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE' });
    }
    expect(Number(at(res.data, 'unit', 'year', 'dti', 'completeness'))).toBeLessThan(Number(at(before.data, 'unit', 'year', 'dti', 'completeness')));
    const year = at(res.data, 'unit', 'year');
    expect(at(year, 'dti', 'score')).toBeCloseTo(expectedScore('922/QĐ-BTTTT', year).score, 10);
  });

  it('what-if: dtiScore is the ministry weighted sum', async () => {
    const res = await gql(/* GraphQL */ `{
      dtiScore(methodology: "922/QĐ-BTTTT", mainIndicatorValues: [
        { code: "922-M-1", value: 0.5 }, { code: "922-M-7", value: 0.8 }, { code: "922-M-9", value: 1 }
      ]) { score completeness }
    }`);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'dtiScore', 'score')).toBeCloseTo((100 * 0.5 + 200 * 0.8 + 150 * 1) / 1000, 12);
    expect(at(res.data, 'dtiScore', 'completeness')).toBeCloseTo(0.45, 12);
    const bad = await gql(`{ dtiScore(methodology: "999/QĐ", mainIndicatorValues: []) { score } }`);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('34 provinces with their DTI assessment still cost one request per system', async () => {
    const query = `{ units { code year(year: 2025) { dti { score completeness } publicServiceIndex766 { score } } } }`;
    await gql(query);
    await Promise.all(['plans', 'documents', 'services', 'labour'].map((s) => sim.resetRequests(s)));
    const res = await gql(query);
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'units')).toHaveLength(34);
    for (const s of ['documents', 'labour']) expect((await sim.requests(s)).total, s).toBe(1);
    // The portal serves the 766 counts from their own statistics service: one request for each of its two services.
    expect((await sim.requests('services')).total, 'services').toBe(2);
    expect((await sim.requests('plans')).total).toBeLessThanOrEqual(1);
  });
});
