import { z } from 'zod';

/** dd/MM/yyyy as the registry sends dates, parsed to ISO yyyy-MM-dd. */
export const wireDate = z
  .string()
  .regex(/^\d{2}\/\d{2}\/\d{4}$/, 'expected dd/MM/yyyy')
  .transform((s) => {
    const [d, m, y] = s.split('/');
    return `${y}-${m}-${d}`;
  });

/** The registry's paged envelope: `{ thanhCong, duLieu, tongSo, trang, soBanGhi }`. */
export function pageSchema<T extends z.ZodType>(row: T) {
  return z.object({
    thanhCong: z.literal(true),
    duLieu: z.array(row),
    tongSo: z.number().int().min(0),
    trang: z.number().int().min(1),
    soBanGhi: z.number().int().min(1),
  });
}

/** A unit in the registry's catalogue (danh mục đơn vị hành chính). */
export const wireUnitSchema = z.object({
  ma: z.string().regex(/^\d{2,5}$/),
  ten: z.string().min(1),
  cap: z.enum(['TINH', 'HUYEN', 'XA']),
  maCapTren: z.string().nullable(),
  hieuLucTu: wireDate.nullable(),
  hieuLucDen: wireDate.nullable(),
  sapNhapVao: z.string().nullable(),
  ghiChu: z.string().nullable(),
  daXacMinh: z.boolean(),
});
export type WireUnit = z.output<typeof wireUnitSchema>;

/** Amounts as the registry writes them: "1.170.385.000" (đồng). */
const wireMoney = z
  .string()
  .regex(/^\d{1,3}(\.\d{3})*$/, 'expected an amount like 1.170.385.000')
  .transform((s) => Number(s.replaceAll('.', '')));

const LEVELS = ['TINH', 'HUYEN', 'XA'] as const;

/** A target (chỉ tiêu) as the registry stores it. */
export const wireTargetSchema = z.object({
  noiDung: z.string().min(1),
  giaTriTu: z.number().nullable(),
  giaTriDen: z.number().nullable(),
  donViTinh: z.enum(['PHAN_TRAM', 'SO_LUONG', 'DONG']),
  namMucTieu: z.number().int().nullable(),
  cap: z.enum(LEVELS).nullable(),
});

/** A task (nhiệm vụ) as the registry stores it. */
export const wireTaskSchema = z.object({
  tenNhiemVu: z.string().min(1),
  donViChuTri: z.array(z.string()),
  donViPhoiHop: z.array(z.string()),
  thoiGian: z.string().nullable(),
  tuNgay: wireDate.nullable(),
  denNgay: wireDate.nullable(),
  ketQua: z.string().nullable(),
});

/** A plan record in the registry (kế hoạch), with its targets, tasks and budget. */
export const wirePlanSchema = z.object({
  id: z.string().min(1),
  soKyHieu: z.string().min(1),
  trichYeu: z.string().nullable(),
  coQuanBanHanh: z.string().min(1),
  ngayBanHanh: wireDate,
  maDonVi: z.string().regex(/^\d{2,5}$/),
  canCu: z.array(z.string()),
  tepVanBan: z.string().nullable(),
  chiTieu: z.array(wireTargetSchema),
  nhiemVu: z.array(wireTaskSchema),
  kinhPhi: z.array(z.object({ nam: z.number().int(), soTien: wireMoney })),
  tongKinhPhi: wireMoney.nullable(),
});

/** The registry's answer to a created plan. */
export const createdPlanSchema = z.object({ thanhCong: z.literal(true), duLieu: wirePlanSchema });
export type WirePlan = z.output<typeof wirePlanSchema>;

/** The registry's error body, for error messages. */
export const wireErrorSchema = z.object({ thanhCong: z.literal(false), maLoi: z.string(), thongBao: z.string() });
