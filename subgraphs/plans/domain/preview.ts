import { issuerLevel, type AdminLevel, type ParsedPlan } from '../../../lib/plan-parser/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { inOneLine } from '../../../lib/util/bilingual.ts';
import { cleanText, textProblem, type ImportLimits } from './import-input.ts';
import { readPlanForImport } from './import.ts';
import type { PlanProblem } from './messages.ts';

/** What `importPlan` would store from a document, and why it would refuse it: nothing is stored. */
export interface PlanPreview {
  /** True when `importPlan` would accept the document as it stands (the registry may still refuse a duplicate). */
  readonly importable: boolean;
  /** Each reason `importPlan` would refuse it: code, the argument at fault, Vietnamese and English. */
  readonly errors: readonly PlanProblem[];
  /** What the parser or the checks noted without refusing (Vietnamese — English). */
  readonly warnings: readonly string[];
  /** The title as it would be stored (NFC, trimmed); null when none or refused. */
  readonly title: string | null;
  /** The parser's reading (empty when the text is over the size limit and was not read). */
  readonly plan: ParsedPlan;
  /** The issuing body's administrative level, from its name. */
  readonly level: AdminLevel | null;
  /** The unit the plan would be filed under, when the code names one in force on the issue date. */
  readonly unit: AdministrativeUnitRecord | null;
}

const NOTHING_READ: ParsedPlan = { symbol: null, issuer: null, issuedOn: null, legalBasis: [], targets: [], tasks: [], budget: [], budgetTotalVND: null };

/**
 * Reads a plan document exactly as `importPlan` does (same bounds, same cleaning, same parser and
 * checks) and reports every refusal instead of throwing on the first. A text over the size limit is
 * not parsed at all: the bound protects the parser as it protects the import.
 */
export function previewImport(
  input: { readonly text: string; readonly title: string | null; readonly unitCode: string },
  units: readonly AdministrativeUnitRecord[],
  limits: ImportLimits,
): PlanPreview {
  const errors: PlanProblem[] = [];
  const titleProblem = input.title === null ? null : textProblem('title', input.title, limits.maxTitleChars, 'PLAN_MAX_TITLE_CHARS');
  if (titleProblem !== null) errors.push(titleProblem);
  const trimmedTitle = input.title === null || titleProblem !== null ? '' : cleanText(input.title).trim();
  const storedTitle = trimmedTitle === '' ? null : trimmedTitle;
  const textIssue = textProblem('text', input.text, limits.maxTextChars, 'PLAN_MAX_TEXT_CHARS');
  if (textIssue?.code === 'TOO_LONG') {
    errors.push(textIssue);
    return { importable: false, errors, warnings: [], title: storedTitle, plan: NOTHING_READ, level: null, unit: null };
  }
  if (textIssue !== null) errors.push(textIssue);
  // A refused text is still read (as the import would have read it, CRLF as LF) so the user sees what else is wrong.
  const reading = readPlanForImport(textIssue === null ? cleanText(input.text) : input.text.replace(/\r\n/g, '\n'), input.unitCode.trim(), units);
  errors.push(...reading.errors);
  if (reading.issuerError !== null) errors.push(reading.issuerError);
  return {
    importable: errors.length === 0,
    errors,
    warnings: reading.warnings.map(inOneLine),
    title: storedTitle,
    plan: reading.plan,
    level: issuerLevel(reading.plan.issuer),
    unit: reading.unit ?? null,
  };
}
