import { unitId } from '../../../lib/units/index.ts';
import type { Agency, AgencyKind, MonthlyDocumentRow } from '../domain/types.ts';
import { errorBodyWire, type OrganWire, type StatsRowWire } from './schemas.ts';

const KIND: Record<OrganWire['OrganType'], AgencyKind> = {
  SO: 'DEPARTMENT',
  UBND: 'PEOPLE_COMMITTEE',
  VP: 'OFFICE',
  TTR: 'INSPECTORATE',
};

/**
 * Wire statistics rows → domain rows (counts sent as digit strings read as numbers, names
 * NFC-normalised: once per distinct name, an answer repeating each organ's name for every month).
 */
export function toMonthlyRows(rows: readonly StatsRowWire[]): MonthlyDocumentRow[] {
  const names = new Map<string, string>();
  const nfc = (s: string): string => {
    let n = names.get(s);
    if (n === undefined) names.set(s, (n = s.normalize('NFC')));
    return n;
  };
  return rows.map((w) => toMonthlyRow(w, nfc));
}

/** Wire statistics row → domain row (counts as numbers, names NFC-normalised). */
export function toMonthlyRow(w: StatsRowWire, nfc: (s: string) => string = (s) => s.normalize('NFC')): MonthlyDocumentRow {
  return {
    agencyCode: w.OrganId,
    agencyName: nfc(w.OrganName),
    unitCode: w.UnitCode,
    year: Number(w.Year),
    month: Number(w.Month),
    incoming: Number(w.IncomingTotal),
    outgoing: Number(w.OutgoingTotal),
    outgoingSigned: Number(w.OutgoingDigitallySigned),
    sentViaAxis: Number(w.SentViaAxis),
    receivedViaAxis: Number(w.ReceivedViaAxis),
    workRecords: Number(w.WorkRecordTotal),
    workRecordsOnline: Number(w.WorkRecordOnline),
  };
}

/** Wire organ → domain agency; the unit identity is code@validFrom as in lib/units. */
export function toAgency(w: OrganWire): Agency {
  return {
    code: w.OrganId,
    name: w.OrganName.normalize('NFC'),
    nameEn: w.OrganNameEn.normalize('NFC'),
    kind: KIND[w.OrganType],
    unitCode: w.UnitCode,
    unitId: unitId(w.UnitCode, w.UnitEffectiveFrom),
    validFrom: w.EffectiveFrom,
    validTo: w.EffectiveTo,
  };
}

/** The vendor's `ErrorMessage`, when an error body has one. */
export function upstreamErrorMessage(body: unknown): string | undefined {
  const parsed = errorBodyWire.safeParse(body);
  return parsed.success ? `${parsed.data.ErrorCode} ${parsed.data.ErrorMessage}` : undefined;
}
