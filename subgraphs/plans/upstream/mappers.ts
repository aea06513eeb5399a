import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { unitId } from '../../../lib/units/index.ts';
import type { Plan } from '../domain/types.ts';
import type { WirePlan, WireUnit } from './schemas.ts';

const LEVEL = { TINH: 'province', HUYEN: 'district', XA: 'commune' } as const;
const UNIT = { PHAN_TRAM: 'percent', SO_LUONG: 'count', DONG: 'VND' } as const;

/** Registry unit → domain unit. */
export function toUnit(w: WireUnit): AdministrativeUnitRecord {
  return {
    id: unitId(w.ma, w.hieuLucTu),
    code: w.ma,
    name: w.ten.normalize('NFC'),
    level: LEVEL[w.cap],
    parentCode: w.maCapTren,
    validFrom: w.hieuLucTu,
    // The registry, like the reference it is seeded from, leaves the start empty when unknown.
    startKnown: w.hieuLucTu !== null,
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
    targets: w.chiTieu.map((t, index) => ({
      index,
      text: t.noiDung.normalize('NFC'),
      min: t.giaTriTu,
      max: t.giaTriDen,
      unit: UNIT[t.donViTinh],
      targetYear: t.namMucTieu,
      level: t.cap === null ? null : LEVEL[t.cap],
    })),
    tasks: w.nhiemVu.map((t) => ({
      title: t.tenNhiemVu.normalize('NFC'),
      lead: t.donViChuTri.map((a) => a.normalize('NFC')),
      cooperating: t.donViPhoiHop.map((a) => a.normalize('NFC')),
      timeframe: t.thoiGian,
      from: t.tuNgay,
      to: t.denNgay,
      result: t.ketQua === null ? null : t.ketQua.normalize('NFC'),
    })),
    budget: w.kinhPhi.map((b) => ({ year: b.nam, amountVND: b.soTien })),
    budgetTotalVND: w.tongKinhPhi,
  };
}
