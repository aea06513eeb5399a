import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { exportResponseSchema, scoreStatus, toRows, type ExportUnit } from './rows.ts';

type Flags = { score: number | null; scoreConfirmed: boolean; estimate: boolean; synthetic: boolean };

function unit(code: string, flags: Flags): ExportUnit {
  return {
    code,
    name: `Tỉnh ${code}`,
    validFrom: '2025-07-01',
    validTo: null,
    year: {
      dti: {
        methodology: '922/QĐ-BTTTT',
        catalogueVersion: { version: 'builtin-1' },
        maxScore: 1,
        completeness: flags.score === null ? null : 0.8,
        scoreNote: flags.score === null ? 'points unconfirmed (405)' : null,
        ...flags,
        inputs: [
          {
            indicator: { code: 'WORK_RECORDS_ONLINE_RATE', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', nameEn: 'Work records processed online', unit: 'percent', sourceSystem: 'DOCUMENTS', confirmed: true },
            value: 81.5,
            status: 'OK',
            note: null,
            source: { system: 'DOCUMENTS', recordRef: 'r-1', fetchedAt: '2026-11-30T00:00:00Z', asOf: '2024-12-31' },
          },
        ],
      },
    },
  };
}

const OFFICIAL: Flags = { score: 0.61, scoreConfirmed: true, estimate: false, synthetic: false };
const ESTIMATED: Flags = { score: 0.55, scoreConfirmed: false, estimate: true, synthetic: false };
const SIMULATED: Flags = { score: 0.5, scoreConfirmed: true, estimate: false, synthetic: true };
const UNCONFIRMED_POINTS: Flags = { score: null, scoreConfirmed: false, estimate: false, synthetic: false };

describe('exports mark a score that is not the official one', () => {
  it('OFFICIAL only for confirmed weights over measured, non-simulated values; PROVISIONAL otherwise; nothing for no score', () => {
    expect(scoreStatus(OFFICIAL)).toBe('OFFICIAL');
    expect(scoreStatus(ESTIMATED)).toBe('PROVISIONAL');
    expect(scoreStatus(SIMULATED)).toBe('PROVISIONAL');
    expect(scoreStatus({ ...OFFICIAL, scoreConfirmed: false })).toBe('PROVISIONAL');
    expect(scoreStatus(UNCONFIRMED_POINTS)).toBeNull();
  });

  it('every row carries the status, the flags behind it and the catalogue version (the JSON export\'s members)', () => {
    const rows = toRows([unit('01', OFFICIAL), unit('56', ESTIMATED), unit('79', UNCONFIRMED_POINTS)], 2024);
    expect(rows.map((r) => [r.unitCode, r.dtiScore, r.dtiScoreStatus, r.dtiEstimate, r.dtiSynthetic, r.catalogueVersion])).toEqual([
      ['01', 0.61, 'OFFICIAL', false, false, 'builtin-1'],
      ['56', 0.55, 'PROVISIONAL', true, false, 'builtin-1'],
      ['79', null, null, false, false, 'builtin-1'],
    ]);
  });

  it('the CSV has the status column next to the score, with empty cells where there is no score', () => {
    const csv = toCsv(toRows([unit('56', ESTIMATED), unit('79', UNCONFIRMED_POINTS)], 2024));
    const header = (csv.replace(/^\uFEFF/u, '').split('\r\n')[0] ?? '').split(',');
    expect(header.slice(header.indexOf('dti_score_so_far'), header.indexOf('dti_score_so_far') + 4)).toEqual(['dti_score_so_far', 'dti_score_status', 'dti_estimate', 'dti_synthetic']);
    expect(header).toContain('catalogue_version');
    const records: Array<Record<string, string>> = parse(csv, { bom: true, columns: true });
    expect(records.map((r) => [r['dti_score_so_far'], r['dti_score_status'], r['dti_estimate']])).toEqual([['0.55', 'PROVISIONAL', 'true'], ['', '', 'false']]);
  });

  it('a unit whose assessment failed says nothing about a score it does not have', () => {
    const [row] = toRows([{ code: '01', name: 'Thành phố Hà Nội', validFrom: null, validTo: null, year: null }], 2024);
    expect(row).toMatchObject({ dtiScore: null, dtiScoreStatus: null, dtiEstimate: null, dtiSynthetic: null, catalogueVersion: null, status: 'SOURCE_UNAVAILABLE' });
  });

  it('an answer without the flags is refused at the edge, not exported unmarked', () => {
    const { scoreConfirmed: _c, estimate: _e, synthetic: _s, ...dti } = unit('56', ESTIMATED).year?.dti ?? {};
    const answer = { data: { unit: { ...unit('56', ESTIMATED), year: { dti } } } };
    expect(exportResponseSchema.safeParse(answer).success).toBe(false);
    expect(exportResponseSchema.safeParse({ data: { unit: unit('56', ESTIMATED) } }).success).toBe(true);
  });
});
