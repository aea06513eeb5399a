export { asOfForYear, UNIT_EXPORT_QUERY, UNIT_LIST_QUERY, UNITS_EXPORT_QUERY } from './query.ts';
export type { ExportRow, ExportUnit } from './rows.ts';
export { exportResponseSchema, scoreStatus, toRows } from './rows.ts';
export { toCsv, UTF8_BOM } from './csv.ts';
export type { ImportInput, ReadResult, RowProblem, TemplateAnswer, TemplateItem, TemplateKey, TemplateUnit } from './template.ts';
export { columnOfField, headerOf, parseTemplateAnswer, readFilledTemplate, TEMPLATE_COLUMNS, TEMPLATE_QUERY, templateOf, toTemplateCsv } from './template.ts';
