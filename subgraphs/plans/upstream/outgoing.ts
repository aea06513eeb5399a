import type { ParsedPlan } from '../../../lib/plan-parser/index.ts';

/** A plan record as the registry accepts it on `POST /api/v1/ke-hoach` (its own names, dd/MM/yyyy, amounts as text). */
export interface WirePlanInput {
  readonly soKyHieu: string;
  readonly trichYeu: string | null;
  readonly coQuanBanHanh: string;
  readonly ngayBanHanh: string;
  readonly maDonVi: string;
  readonly canCu: readonly string[];
  readonly tepVanBan: string | null;
  readonly chiTieu: ReadonlyArray<{
    noiDung: string;
    giaTriTu: number | null;
    giaTriDen: number | null;
    donViTinh: 'PHAN_TRAM' | 'SO_LUONG' | 'DONG';
    namMucTieu: number | null;
    cap: 'TINH' | 'HUYEN' | 'XA' | null;
  }>;
  readonly nhiemVu: ReadonlyArray<{
    tenNhiemVu: string;
    donViChuTri: readonly string[];
    donViPhoiHop: readonly string[];
    thoiGian: string | null;
    tuNgay: string | null;
    denNgay: string | null;
    ketQua: string | null;
  }>;
  readonly kinhPhi: ReadonlyArray<{ nam: number; soTien: string }>;
  readonly tongKinhPhi: string | null;
  /** The document text, kept by the registry beside the record. */
  readonly noiDung: string;
}

function dmy(iso: string | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function money(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const UNIT = { percent: 'PHAN_TRAM', count: 'SO_LUONG', VND: 'DONG' } as const;
const LEVEL = { province: 'TINH', district: 'HUYEN', commune: 'XA' } as const;

/** Domain plan (parsed, complete) → the registry's record. */
export function toWirePlanInput(
  plan: ParsedPlan & { symbol: string; issuer: string; issuedOn: string },
  extra: { unitCode: string; title: string | null; text: string },
): WirePlanInput {
  return {
    soKyHieu: plan.symbol,
    trichYeu: extra.title,
    coQuanBanHanh: plan.issuer,
    ngayBanHanh: dmy(plan.issuedOn) ?? '',
    maDonVi: extra.unitCode,
    canCu: plan.legalBasis,
    tepVanBan: null,
    chiTieu: plan.targets.map((t) => ({
      noiDung: t.text,
      giaTriTu: t.min,
      giaTriDen: t.max,
      donViTinh: UNIT[t.unit],
      namMucTieu: t.targetYear,
      cap: t.level === null ? null : LEVEL[t.level],
    })),
    nhiemVu: plan.tasks.map((t) => ({
      tenNhiemVu: t.title,
      donViChuTri: t.lead,
      donViPhoiHop: t.cooperating,
      thoiGian: t.timeframe,
      tuNgay: dmy(t.timeframeFrom),
      denNgay: dmy(t.timeframeTo),
      ketQua: t.result,
    })),
    kinhPhi: plan.budget.map((b) => ({ nam: b.year, soTien: money(b.amountVND) })),
    tongKinhPhi: plan.budgetTotalVND === null ? null : money(plan.budgetTotalVND),
    noiDung: extra.text,
  };
}
