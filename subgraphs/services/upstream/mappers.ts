import type { PayloadIssue } from '../../../lib/errors/index.ts';
import type { MonthlyServiceRecord } from '../domain/types.ts';
import { CODE_BY_PORTAL_ID } from './portal-ids.ts';
import type { MonthlyRowWire } from './schemas.ts';
import type { Monthly766Record } from '../domain/rollup766.ts';
import { COLUMNS_766, type Column766, type Count766Field, type Row766Wire } from './schemas766.ts';

/** Wire rows → domain records, translating portal ids to official codes; unknown ids are payload issues. */
export function toMonthlyRecords(rows: readonly MonthlyRowWire[], pathPrefix = ''): { records: MonthlyServiceRecord[]; issues: PayloadIssue[] } {
  const records: MonthlyServiceRecord[] = [];
  const issues: PayloadIssue[] = [];
  rows.forEach((r, i) => {
    const code = CODE_BY_PORTAL_ID.get(r.ID);
    if (code === undefined) {
      issues.push({ path: `${pathPrefix}${i}.ID`, message: `unknown portal province id ${JSON.stringify(r.ID)}` });
      return;
    }
    records.push({
      code,
      portalId: r.ID,
      name: r.TEN.normalize('NFC'),
      year: r.NAM,
      month: r.THANG,
      cutOff: r.NGAY_CHOT_SO_LIEU,
      procedures: { total: r.TONG_TTHC, published: r.TTHC_CONG_KHAI, fullyOnline: r.TTHC_TOAN_TRINH, partlyOnline: r.TTHC_MOT_PHAN },
      dossiers: {
        received: r.TONG_SO_HO_SO,
        online: r.HS_TRUC_TUYEN,
        resolved: r.HS_DA_GIAI_QUYET,
        resolvedOnTime: r.HS_DUNG_HAN,
        resolvedLate: r.HS_QUA_HAN,
        digitised: r.HS_SO_HOA,
        withFees: r.HS_CO_PHI,
        paidOnline: r.HS_TT_TRUC_TUYEN,
        satisfactionVotes: r.SO_LUOT_DANH_GIA,
        satisfiedVotes: r.SO_LUOT_HAI_LONG,
      },
    });
  });
  return { records, issues };
}

/** 766 wire rows → domain records, portal ids to official codes; unknown ids are payload issues. */
export function toMonthly766Records(rows: readonly Row766Wire[]): { records: Monthly766Record[]; issues: PayloadIssue[] } {
  const records: Monthly766Record[] = [];
  const issues: PayloadIssue[] = [];
  const columns = Object.entries(COLUMNS_766) as Array<[Column766, (typeof COLUMNS_766)[Column766]]>;
  rows.forEach((r, i) => {
    const code = CODE_BY_PORTAL_ID.get(r.ID);
    if (code === undefined) {
      issues.push({ path: `${i}.ID`, message: `unknown portal province id ${JSON.stringify(r.ID)}` });
      return;
    }
    const counts = Object.fromEntries(columns.map(([col, [field]]) => [field, r[col]])) as Record<Count766Field, number>;
    records.push({ code, portalId: r.ID, year: r.NAM, month: r.THANG, cutOff: r.NGAY_CHOT_SO_LIEU, counts });
  });
  return { records, issues };
}
