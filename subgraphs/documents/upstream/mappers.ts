import { unitId } from '../../../lib/units/index.ts';
import type { Agency, AgencyKind, MonthlyDocumentRow } from '../domain/types.ts';
import { errorBodyWire, type OrganWire, type StatsRowWire } from './schemas.ts';

const KIND: Record<OrganWire['OrganType'], AgencyKind> = {
  SO: 'DEPARTMENT',
  UBND: 'PEOPLE_COMMITTEE',
  VP: 'OFFICE',
  TTR: 'INSPECTORATE',
};

/** Wire statistics row → domain row (names NFC-normalised). */
export function toMonthlyRow(w: StatsRowWire): MonthlyDocumentRow {
  return {
    agencyCode: w.OrganId,
    agencyName: w.OrganName.normalize('NFC'),
    unitCode: w.UnitCode,
    year: w.Year,
    month: w.Month,
    incoming: w.IncomingTotal,
    outgoing: w.OutgoingTotal,
    outgoingSigned: w.OutgoingDigitallySigned,
    sentViaAxis: w.SentViaAxis,
    receivedViaAxis: w.ReceivedViaAxis,
    workRecords: w.WorkRecordTotal,
    workRecordsOnline: w.WorkRecordOnline,
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
