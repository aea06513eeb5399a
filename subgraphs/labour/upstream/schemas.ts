import { z } from 'zod';

const count = z.number().int().min(0);
const isoDate = z.iso.date();

/** One yearly summary (entity set `TongHopNam`), as the labour system spells it. */
export const tongHopNamSchema = z.object({
  MaBaoCao: z.string().min(1),
  MaTinh: z.string().regex(/^\d{2}$/),
  TenTinh: z.string(),
  Nam: z.number().int(),
  TuNgay: isoDate,
  DenNgay: isoDate,
  PhamViMaTinh: z.array(z.string().regex(/^\d{2}$/)).min(1),
  LucLuongLaoDong: count,
  SoNguoiCoViecLam: count,
  SoNguoiThatNghiep: count,
  SoLaoDongQuaDaoTao: count,
  SoLaoDongCoKyNangSo: count.nullable(),
  SoNguoiTimViec: count,
  SoViecLamTrong: count,
  /** Percent, 0..100. */
  TyLeThieuViecLam: z.number().min(0).max(100).nullable(),
  /** ISO-8601 with offset, e.g. 2025-01-17T13:29:00+07:00. */
  NgayCapNhat: z.iso.datetime({ offset: true }),
  LaSoLieuMoPhong: z.boolean().default(false),
  GhiChu: z.string().nullable().optional(),
});

/** A page of `TongHopNam`, OData style. */
export const tongHopNamPageSchema = z.object({
  '@odata.count': z.number().int().min(0).optional(),
  '@odata.nextLink': z.url().optional(),
  value: z.array(tongHopNamSchema),
});

/** The vendor's error body. */
export const labourErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A yearly summary as it arrives on the wire. */
export type TongHopNamWire = z.input<typeof tongHopNamSchema>;
/** A page as it arrives on the wire. */
export type TongHopNamPageWire = z.input<typeof tongHopNamPageSchema>;
/** A parsed page. */
export type TongHopNamPage = z.output<typeof tongHopNamPageSchema>;
