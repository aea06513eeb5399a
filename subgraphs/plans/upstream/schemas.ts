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

/** A plan record in the registry (kế hoạch). */
export const wirePlanSchema = z.object({
  id: z.string().min(1),
  soKyHieu: z.string().min(1),
  trichYeu: z.string().nullable(),
  coQuanBanHanh: z.string().min(1),
  ngayBanHanh: wireDate,
  maDonVi: z.string().regex(/^\d{2,5}$/),
  canCu: z.array(z.string()),
  tepVanBan: z.string().nullable(),
});
export type WirePlan = z.output<typeof wirePlanSchema>;

/** The registry's error body, for error messages. */
export const wireErrorSchema = z.object({ thanhCong: z.literal(false), maLoi: z.string(), thongBao: z.string() });
