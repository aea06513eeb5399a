import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePlanDocument, type ParsedPlan } from '../../lib/plan-parser/index.ts';
import { SEED_DIR_URL, SEED_PLANS } from './seed-plans.ts';
import { toWireDate } from './wire.ts';

const dmy = z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/, 'expected dd/MM/yyyy');

/** A plan as the registry stores and serves it (its own field names, dd/MM/yyyy dates, amounts as text). */
export const registryPlanSchema = z
  .object({
    soKyHieu: z.string().min(1),
    trichYeu: z.string().nullable(),
    coQuanBanHanh: z.string().min(1),
    ngayBanHanh: dmy,
    maDonVi: z.string().regex(/^\d{2,5}$/),
    canCu: z.array(z.string()),
    tepVanBan: z.string().nullable(),
    chiTieu: z.array(
      z.object({
        noiDung: z.string().min(1),
        giaTriTu: z.number().nullable(),
        giaTriDen: z.number().nullable(),
        donViTinh: z.enum(['PHAN_TRAM', 'SO_LUONG', 'DONG']),
        namMucTieu: z.number().int().nullable(),
        cap: z.enum(['TINH', 'HUYEN', 'XA']).nullable(),
      }),
    ),
    nhiemVu: z.array(
      z.object({
        tenNhiemVu: z.string().min(1),
        donViChuTri: z.array(z.string()),
        donViPhoiHop: z.array(z.string()),
        thoiGian: z.string().nullable(),
        tuNgay: dmy.nullable(),
        denNgay: dmy.nullable(),
        ketQua: z.string().nullable(),
      }),
    ),
    // The registry keeps money as formatted text, the way the documents write it.
    kinhPhi: z.array(z.object({ nam: z.number().int(), soTien: z.string().regex(/^\d{1,3}(\.\d{3})*$/) })),
    tongKinhPhi: z.string().regex(/^\d{1,3}(\.\d{3})*$/).nullable(),
  })
  .strict();
export type RegistryPlan = z.output<typeof registryPlanSchema>;

/** A stored plan: the record plus the registry's id and the source text when it has one. */
export interface StoredPlan extends RegistryPlan {
  readonly id: string;
  readonly noiDung: string | null;
}

const UNIT = { percent: 'PHAN_TRAM', count: 'SO_LUONG', VND: 'DONG' } as const;
const LEVEL = { province: 'TINH', district: 'HUYEN', commune: 'XA' } as const;

function money(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A parsed plan in the registry's record shape (how an import lands in the registry). */
export function toRegistryPlan(plan: ParsedPlan, extra: { unitCode: string; title: string | null; file: string | null }): RegistryPlan {
  return {
    soKyHieu: plan.symbol ?? '',
    trichYeu: extra.title,
    coQuanBanHanh: plan.issuer ?? '',
    ngayBanHanh: toWireDate(plan.issuedOn) ?? '',
    maDonVi: extra.unitCode,
    canCu: plan.legalBasis,
    tepVanBan: extra.file,
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
      tuNgay: toWireDate(t.timeframeFrom),
      denNgay: toWireDate(t.timeframeTo),
      ketQua: t.result,
    })),
    kinhPhi: plan.budget.map((b) => ({ nam: b.year, soTien: money(b.amountVND) })),
    tongKinhPhi: plan.budgetTotalVND === null ? null : money(plan.budgetTotalVND),
  };
}

/** In-memory registry seeded with the four real plans, parsed as an import would parse them. */
export function createRegistry(): { readonly plans: StoredPlan[]; add(record: RegistryPlan, text: string | null): StoredPlan } {
  const plans: StoredPlan[] = [];
  const add = (record: RegistryPlan, text: string | null): StoredPlan => {
    const stored = { ...record, id: `KH-${String(plans.length + 1).padStart(6, '0')}`, noiDung: text };
    plans.push(stored);
    return stored;
  };
  for (const seed of SEED_PLANS) {
    const text = readFileSync(new URL(seed.file, SEED_DIR_URL), 'utf8').normalize('NFC');
    const parsed = parsePlanDocument(text);
    if (!parsed.ok) throw new Error(`seed plan ${seed.file} does not parse: ${parsed.errors.join('; ')}`);
    // The seeds README is the authority for the metadata; the parser supplies the content.
    const plan: ParsedPlan = { ...parsed.plan, symbol: seed.symbol, issuer: seed.issuer, issuedOn: seed.issuedOn };
    add(toRegistryPlan(plan, { unitCode: seed.unitCode, title: seed.title, file: seed.file }), text);
  }
  return { plans, add };
}
