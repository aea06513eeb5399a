import { z } from 'zod';

/** The portal sends every number as a string of digits. */
export const count = z.string().regex(/^\d+$/, 'expected a whole number as a string').transform(Number);
/** dd/MM/yyyy, the portal's date format, to an ISO date. */
const viDate = z
  .string()
  .regex(/^\d{2}\/\d{2}\/\d{4}$/, 'expected dd/MM/yyyy')
  .transform((s) => `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`)
  .pipe(z.iso.date());

/** The columns every row of the portal's per-province monthly services starts with: paging, province, month, cut-off date. */
export const portalRowHead = {
  ROW_STT: count,
  TONG_SO_BAN_GHI: count,
  ID: z.string().min(1),
  TEN: z.string(),
  NAM: count,
  THANG: count.pipe(z.number().min(1).max(12)),
  NGAY_CHOT_SO_LIEU: viDate,
};

/** One row of `thongke_hoso_tinh_thang_service`: a province's figures for one month, keys as the portal spells them. */
export const monthlyRowSchema = z.object({
  ...portalRowHead,
  TONG_TTHC: count,
  TTHC_CONG_KHAI: count,
  TTHC_TOAN_TRINH: count,
  TTHC_MOT_PHAN: count,
  TONG_SO_HO_SO: count,
  HS_TRUC_TUYEN: count,
  HS_DA_GIAI_QUYET: count,
  HS_DUNG_HAN: count,
  HS_QUA_HAN: count,
  HS_SO_HOA: count,
  HS_CO_PHI: count,
  HS_TT_TRUC_TUYEN: count,
  SO_LUOT_DANH_GIA: count,
  SO_LUOT_HAI_LONG: count,
});

/** The portal's error body; it often comes with HTTP 200. */
export const portalErrorSchema = z.object({ error_code: z.number().int(), message: z.string() });

/**
 * A page of one of the portal's statistics services: an array of rows, or the portal's error body. Tagged
 * by shape first so a broken row reports its own path (`rows.3.HS_TRUC_TUYEN`), not "invalid union".
 */
export function portalPageSchema<R extends z.ZodType>(row: R) {
  return z.preprocess(
    (body) => (Array.isArray(body) ? { kind: 'rows', rows: body } : { kind: 'error', error: body }),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('rows'), rows: z.array(row) }),
      z.object({ kind: z.literal('error'), error: portalErrorSchema }),
    ]),
  );
}

/** A page of the monthly statistics service. */
export const monthlyPageSchema = portalPageSchema(monthlyRowSchema);

export type MonthlyRowWire = z.output<typeof monthlyRowSchema>;
export type PortalErrorWire = z.output<typeof portalErrorSchema>;
