import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { unitId } from '../../../lib/units/index.ts';
import type { Plan } from '../domain/types.ts';
import type { WirePlan, WireUnit } from './schemas.ts';

const LEVEL = { TINH: 'province', HUYEN: 'district', XA: 'commune' } as const;

/** Registry unit → domain unit. */
export function toUnit(w: WireUnit): AdministrativeUnitRecord {
  return {
    id: unitId(w.ma, w.hieuLucTu),
    code: w.ma,
    name: w.ten.normalize('NFC'),
    level: LEVEL[w.cap],
    parentCode: w.maCapTren,
    validFrom: w.hieuLucTu,
    validTo: w.hieuLucDen,
    mergedFrom: [],
    mergedInto: w.sapNhapVao,
    notes: w.ghiChu === null ? null : w.ghiChu.normalize('NFC'),
    confirmed: w.daXacMinh,
  };
}

/** Registry plan → domain plan. */
export function toPlan(w: WirePlan): Plan {
  return {
    id: w.id,
    symbol: w.soKyHieu.normalize('NFC'),
    title: w.trichYeu === null ? null : w.trichYeu.normalize('NFC'),
    issuer: w.coQuanBanHanh.normalize('NFC'),
    issuedOn: w.ngayBanHanh,
    unitCode: w.maDonVi,
    legalBasis: w.canCu.map((c) => c.normalize('NFC')),
    documentFile: w.tepVanBan,
  };
}
