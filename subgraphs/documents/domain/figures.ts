import type { DocumentCounts, DocumentFigures, MonthlyDocumentRow } from './types.ts';

/** Counts being summed (DocumentCounts is read-only once built). */
export type CountsSum = { -readonly [K in keyof DocumentCounts]: DocumentCounts[K] };

/** All seven counts at zero. */
export function zeroCounts(): CountsSum {
  return { incomingCount: 0, outgoingCount: 0, outgoingSignedDigitallyCount: 0, sentViaAxisCount: 0, receivedViaAxisCount: 0, workRecordsCount: 0, workRecordsOnlineCount: 0 };
}

/** Adds one row's figures to `c`. */
export function addRow(c: CountsSum, r: MonthlyDocumentRow): void {
  c.incomingCount += r.incoming;
  c.outgoingCount += r.outgoing;
  c.outgoingSignedDigitallyCount += r.outgoingSigned;
  c.sentViaAxisCount += r.sentViaAxis;
  c.receivedViaAxisCount += r.receivedViaAxis;
  c.workRecordsCount += r.workRecords;
  c.workRecordsOnlineCount += r.workRecordsOnline;
}

/** Sums rows into counts; null for no rows (no records is not zero documents). */
export function sumCounts(rows: readonly MonthlyDocumentRow[]): DocumentCounts | null {
  if (rows.length === 0) return null;
  const c = zeroCounts();
  for (const r of rows) addRow(c, r);
  return c;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Why a rate is null although counts exist: its denominator is zero. */
export function undefinedRateNotes(c: DocumentCounts): string[] {
  const notes: string[] = [];
  if (c.outgoingCount === 0) notes.push('signedDigitallyRate is null: no outgoing documents in the period');
  if (c.incomingCount + c.outgoingCount === 0) notes.push('sentElectronicallyRate is null: no documents in the period');
  if (c.workRecordsCount === 0) notes.push('workRecordsOnlineRate is null: no work records in the period');
  return notes;
}

/**
 * Figures from counts. Rates are always recomputed from (summed) numerators and denominators,
 * never averaged; a rate with a zero denominator is null. Null counts give all-null figures.
 */
export function figuresOf(c: DocumentCounts | null): DocumentFigures {
  if (c === null) {
    return {
      incomingCount: null,
      outgoingCount: null,
      outgoingSignedDigitallyCount: null,
      sentViaAxisCount: null,
      receivedViaAxisCount: null,
      exchangedElectronicallyCount: null,
      workRecordsCount: null,
      workRecordsOnlineCount: null,
      signedDigitallyRate: null,
      sentElectronicallyRate: null,
      workRecordsOnlineRate: null,
    };
  }
  const exchanged = c.sentViaAxisCount + c.receivedViaAxisCount;
  return {
    ...c,
    exchangedElectronicallyCount: exchanged,
    signedDigitallyRate: ratio(c.outgoingSignedDigitallyCount, c.outgoingCount),
    sentElectronicallyRate: ratio(exchanged, c.incomingCount + c.outgoingCount),
    workRecordsOnlineRate: ratio(c.workRecordsOnlineCount, c.workRecordsCount),
  };
}
