import { describe, expect, it } from 'vitest';
import * as fixture from '../../../test/fixtures/dti.ts';
import { boundInGraph } from '../assembly/inputs.ts';
import { loadCatalogue } from '../domain/index.ts';
import { run } from './harness.ts';

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on UnitYear {
        systemFigures { indicatorCode value systems system status asOf }
        dti { mainIndicators { code value } }
      }
    }
  }
`;

interface Figure {
  readonly indicatorCode: string;
  readonly value: number | null;
  readonly systems: string[];
  readonly system: string;
  readonly status: string;
  readonly asOf: string | null;
}

async function figures(representation: Record<string, unknown>): Promise<{ figures: Figure[]; dti: { code: string; value: number | null }[] }> {
  const result = await run(QUERY, { representations: [representation] });
  expect(result.errors).toBeUndefined();
  const entity = (result.data?.['_entities'] as Record<string, unknown>[])[0] ?? {};
  return { figures: entity['systemFigures'] as Figure[], dti: (entity['dti'] as { mainIndicators: { code: string; value: number | null }[] }).mainIndicators };
}

describe('UnitYear.systemFigures', () => {
  it('lists each main indicator a connected system measures, with the value UnitYear.dti computes from the systems', async () => {
    const { figures: f, dti } = await figures({ ...fixture.unitYear(), approvedEntries: [] });
    // 922: M-4 (labour), M-7 (documents + services), M-9 (labour); M-1's only input is not in the graph.
    expect(f.map((x) => x.indicatorCode)).toEqual(['922-M-4', '922-M-7', '922-M-9']);
    for (const x of f) expect(x.value).toBe(dti.find((m) => m.code === x.indicatorCode)?.value);
    expect(f.find((x) => x.indicatorCode === '922-M-7')).toMatchObject({ systems: ['DOCUMENTS', 'SERVICES'], status: 'OK', asOf: '2022-12-31' });
    expect(f.find((x) => x.indicatorCode === '922-M-7')?.value).toBeCloseTo(0.675, 12);
    expect(f.find((x) => x.indicatorCode === '922-M-4')?.systems).toEqual(['LABOUR']);
    // The deprecated comma-joined field says the same.
    for (const x of f) expect(x.system).toBe(x.systems.join(', '));
  });

  it('a system down: the figure is null with SOURCE_UNAVAILABLE, never invented', async () => {
    const { figures: f } = await figures(fixture.unitYear({ labour: null }));
    expect(f.find((x) => x.indicatorCode === '922-M-4')).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE', asOf: null });
    expect(f.find((x) => x.indicatorCode === '922-M-7')?.status).toBe('OK');
  });

  it('an approved manual entry never enters the systems figure (the manual value is not compared with itself)', async () => {
    const entry = {
      id: 'e1',
      indicatorCode: '922-M-7',
      value: 0.1,
      overridesSystemValue: true,
      approvedAt: '2023-01-01T00:00:00Z',
      evidence: [{ documentSymbol: null, documentDate: null, url: null, fileId: null, fileName: null, fileSize: null, note: 'n' }],
      enteredBy: { subject: 'a', name: null },
      approvedBy: { subject: 'b', name: null },
    };
    const { figures: f, dti } = await figures({ ...fixture.unitYear(), approvedEntries: [entry] });
    expect(dti.find((m) => m.code === '922-M-7')?.value).toBe(0.1);
    expect(f.find((x) => x.indicatorCode === '922-M-7')?.value).toBeCloseTo(0.675, 12);
  });

  it("the catalogue's inGraph flag says what the graph binds (the submissions subgraph relies on it)", () => {
    for (const input of loadCatalogue().inputs) expect([input.code, input.inGraph]).toEqual([input.code, boundInGraph(input.code)]);
  });
});
