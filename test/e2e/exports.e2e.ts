import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { at, gatewayFetch, gql } from './client.ts';


const rowSchema = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  year: z.string(),
  methodology: z.string(),
  input_code: z.string(),
  input_name: z.string(),
  value: z.string(),
  status: z.string(),
  source_system: z.string(),
  source_as_of: z.string(),
});

describe('issue #3 - exports', () => {
  it('CSV for one unit: UTF-8 with BOM, a header, one row per input, values equal to the graph', async () => {
    const res = await gatewayFetch(`/exports/dti?unit=56&year=2023&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    const rows = z.array(rowSchema.passthrough()).parse(parse(text, { bom: true, columns: true }));
    expect(rows.length).toBe(12);
    expect(new Set(rows.map((r) => r.unit_name))).toEqual(new Set(['Tỉnh Khánh Hòa']));
    expect(rows.find((r) => r.input_code === 'WORK_RECORDS_ONLINE_RATE')?.input_name).toBe('Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng');
    const graph = await gql(`{ unit(code: "56", asOf: "2023-12-31") { year(year: 2023) { documents { signedDigitallyRate source { asOf } } } } }`);
    const signed = rows.find((r) => r.input_code === 'DOC_SIGNED_DIGITALLY_RATE');
    expect(Number(signed?.value)).toBe(at(graph.data, 'unit', 'year', 'documents', 'signedDigitallyRate'));
    expect(signed?.status).toBe('OK');
    expect(signed?.source_system).toBe('DOCUMENTS');
    expect(signed?.source_as_of).toBe(at(graph.data, 'unit', 'year', 'documents', 'source', 'asOf'));
    // A value no system holds is an empty cell with its status, never a 0.
    const notCollected = rows.find((r) => r.input_code === 'PLAN_TASK_COMPLETION_RATE');
    expect(notCollected).toMatchObject({ value: '', status: 'NOT_COLLECTED' });
  });

  it('a score that is not the official one is marked in CSV and JSON, as the graph says', async () => {
    const graph = await gql(`{ unit(code: "56", asOf: "2023-12-31") { year(year: 2023) { dti { score scoreConfirmed estimate synthetic catalogueVersion { version } } } } }`);
    const score = at(graph.data, 'unit', 'year', 'dti', 'score');
    const official = at(graph.data, 'unit', 'year', 'dti', 'scoreConfirmed') === true && at(graph.data, 'unit', 'year', 'dti', 'estimate') === false && at(graph.data, 'unit', 'year', 'dti', 'synthetic') === false;
    const expected = score === null ? '' : official ? 'OFFICIAL' : 'PROVISIONAL';
    const csvRows = z.array(z.object({ dti_score_status: z.string(), catalogue_version: z.string() }).passthrough())
      .parse(parse(await (await gatewayFetch(`/exports/dti?unit=56&year=2023&format=csv`)).text(), { bom: true, columns: true }));
    expect(new Set(csvRows.map((r) => r.dti_score_status))).toEqual(new Set([expected]));
    expect(new Set(csvRows.map((r) => r.catalogue_version))).toEqual(new Set([at(graph.data, 'unit', 'year', 'dti', 'catalogueVersion', 'version')]));
    const json = z.object({ rows: z.array(z.object({ dtiScoreStatus: z.enum(['OFFICIAL', 'PROVISIONAL']).nullable() })) })
      .parse(await (await gatewayFetch(`/exports/dti?unit=56&year=2023&format=json`)).json());
    expect(new Set(json.rows.map((r) => r.dtiScoreStatus ?? ''))).toEqual(new Set([expected]));
  });

  it('without a unit: every province in force that year (63 in 2024, 34 in 2025), as JSON', async () => {
    const y2024 = z.object({ rows: z.array(z.object({ unitCode: z.string() })) }).parse(await (await gatewayFetch(`/exports/dti?year=2024&format=json`)).json());
    expect(new Set(y2024.rows.map((r) => r.unitCode)).size).toBe(63);
    const y2025 = z.object({ rows: z.array(z.object({ unitCode: z.string() })) }).parse(await (await gatewayFetch(`/exports/dti?year=2025&format=json`)).json());
    expect(new Set(y2025.rows.map((r) => r.unitCode)).size).toBe(34);
  });

  it('bad parameters get a 400 that says what was wrong', async () => {
    for (const [query, message] of [
      ['year=abc', /year: must be a year/],
      ['year=2024&format=xlsx', /format: must be csv or json/],
      ['year=2024&unit=5x', /unit: must be an administrative unit code/],
      ['year=2019', /outside the data/],
    ] as const) {
      const res = await gatewayFetch(`/exports/dti?${query}`);
      expect(res.status, query).toBe(400);
      expect(String(z.object({ error: z.string() }).parse(await res.json()).error)).toMatch(message);
    }
  });
});
