import { stringify } from 'csv-stringify/sync';
import type { ExportRow } from './rows.ts';

const COLUMNS: ReadonlyArray<readonly [keyof ExportRow, string]> = [
  ['unitCode', 'unit_code'],
  ['unitName', 'unit_name'],
  ['unitValidFrom', 'unit_valid_from'],
  ['unitValidTo', 'unit_valid_to'],
  ['year', 'year'],
  ['methodology', 'methodology'],
  ['catalogueVersion', 'catalogue_version'],
  ['dtiScore', 'dti_score_so_far'],
  // Next to the score, so a provisional figure is never read as the official one.
  ['dtiScoreStatus', 'dti_score_status'],
  ['dtiEstimate', 'dti_estimate'],
  ['dtiSynthetic', 'dti_synthetic'],
  ['dtiCompleteness', 'dti_completeness'],
  ['inputCode', 'input_code'],
  ['inputName', 'input_name'],
  ['inputNameEn', 'input_name_en'],
  ['unit', 'unit'],
  ['value', 'value'],
  ['status', 'status'],
  ['sourceSystem', 'source_system'],
  ['sourceAsOf', 'source_as_of'],
  ['fetchedAt', 'fetched_at'],
  ['recordRef', 'record_ref'],
  ['confirmed', 'confirmed'],
  ['note', 'note'],
];

/** UTF-8 byte-order mark: Excel reads the file as UTF-8 (diacritics intact) only with it. */
export const UTF8_BOM = '\uFEFF';

/** The header row plus one line per row; empty cells for nulls, never a 0 in their place. */
export function toCsv(rows: readonly ExportRow[], options: { readonly header?: boolean; readonly bom?: boolean } = {}): string {
  const body = stringify(
    rows.map((r) => COLUMNS.map(([key]) => {
      const v = r[key];
      return v === null ? '' : typeof v === 'boolean' ? String(v) : v;
    })),
    { header: options.header ?? true, columns: COLUMNS.map(([, name]) => name), record_delimiter: 'windows' },
  );
  return `${options.bom ?? true ? UTF8_BOM : ''}${body}`;
}
