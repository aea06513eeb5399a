import { z } from 'zod';

/** A count: the vendor's older module sends numbers as digit strings. */
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'expected a count').transform(Number)]);

const isCount = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && /^\d+$/.test(v));

/**
 * A count in a statistics row, checked but left as sent (number or digit string; the mapper reads
 * it with `Number`). Per row, a union of two schemas with a transform cost three times what this
 * single check does, on answers of 8 000–14 000 rows.
 */
const rowCount = z.custom<number | string>(isCount, 'expected a count');

/** A month number 1–12 in a statistics row, as `rowCount`. */
const rowMonth = z.custom<number | string>((v) => isCount(v) && Number(v) >= 1 && Number(v) <= 12, 'expected a month number 1–12');

/** The vendor's `dd/MM/yyyy` date, turned into ISO `yyyy-MM-dd`. */
const vnDate = z
  .string()
  .regex(/^\d{2}\/\d{2}\/\d{4}$/, 'expected dd/MM/yyyy')
  .transform((s) => `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`)
  .pipe(z.iso.date());

const pageEnvelope = {
  PageIndex: count,
  PageSize: count,
  TotalRecords: count,
  TotalPages: count,
};

/**
 * One row of `GET /api/v1/statistics/documents/monthly`: an organ's counts for a month. The row's
 * `FromDate`/`ToDate`/`UpdatedDate` are not read (the month is `Year` + `Month`), so they are not
 * parsed: three regex-and-date checks per row were most of the schema's cost on a 13 000-row answer.
 */
export const statsRowWire = z.object({
  OrganId: z.string().min(1),
  OrganName: z.string().min(1),
  UnitCode: z.string().regex(/^\d{2,5}$/),
  Year: rowCount,
  Month: rowMonth,
  IncomingTotal: rowCount,
  OutgoingTotal: rowCount,
  OutgoingDigitallySigned: rowCount,
  SentViaAxis: rowCount,
  ReceivedViaAxis: rowCount,
  WorkRecordTotal: rowCount,
  WorkRecordOnline: rowCount,
});

/** A page of monthly statistics. `ReportDate` is the last day the figures are closed for. */
export const statsPageWire = z.object({ ReportDate: vnDate, ...pageEnvelope, Data: z.array(statsRowWire) });

/** One row of `GET /api/v1/organs`, the organ directory. */
export const organWire = z.object({
  OrganId: z.string().min(1),
  OrganName: z.string().min(1),
  OrganNameEn: z.string().min(1),
  OrganType: z.enum(['SO', 'UBND', 'VP', 'TTR']),
  UnitCode: z.string().regex(/^\d{2,5}$/),
  UnitEffectiveFrom: vnDate.nullable(),
  EffectiveFrom: vnDate.nullable(),
  EffectiveTo: vnDate.nullable(),
});

/** A page of the organ directory. */
export const organsPageWire = z.object({ ...pageEnvelope, Data: z.array(organWire) });

/** The vendor's error body. */
export const errorBodyWire = z.object({ ErrorCode: z.string(), ErrorMessage: z.string() });

export type StatsRowWire = z.output<typeof statsRowWire>;
export type StatsPageWire = z.output<typeof statsPageWire>;
export type OrganWire = z.output<typeof organWire>;
