import { BadUserInputError } from '../../../lib/errors/index.ts';
import { parsePlanDocument, type ParsedPlan } from '../../../lib/plan-parser/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { findUnit } from '../../../lib/units/index.ts';
import { inOneLine, type Bilingual } from '../../../lib/util/bilingual.ts';
import { issuerMismatch } from './import-input.ts';
import { importMessages, parserMessage, parserProblem, type PlanProblem } from './messages.ts';

/** A plan ready to store: parsed, with the metadata a registry record cannot lack, and its unit. */
export interface ImportablePlan {
  readonly plan: ParsedPlan & { readonly symbol: string; readonly issuer: string; readonly issuedOn: string };
  readonly unit: AdministrativeUnitRecord;
  readonly warnings: readonly Bilingual[];
}

/** What the import reads from a document, and everything that would stop it being stored. */
export interface PlanReading {
  /** The parser's reading: the whole plan when it parses, else whatever it found. */
  readonly plan: ParsedPlan;
  /** The unit the code names on the issue date, when there is a date and such a unit. */
  readonly unit: AdministrativeUnitRecord | undefined;
  /** Why the text is not a storable plan: parse failures, missing symbol, issuer or date, no unit. */
  readonly errors: readonly PlanProblem[];
  /** Set when the issuer is not the unit (nor one merged into it). */
  readonly issuerError: PlanProblem | null;
  /** What the parser noted without failing. */
  readonly warnings: readonly Bilingual[];
}

/**
 * Reads a plan document as the import does, without deciding: the parser's reading, the unit the
 * code names on the issue date, and every check that would refuse it.
 */
export function readPlanForImport(text: string, unitCode: string, units: readonly AdministrativeUnitRecord[]): PlanReading {
  const result = parsePlanDocument(text.normalize('NFC'));
  const errors = result.ok ? [] : result.errors.map(parserProblem);
  const plan = result.ok ? result.plan : result.partial;
  if (plan.symbol === null && !errors.some((e) => /symbol/.test(e.messageEn))) errors.push(importMessages.noSymbol());
  if (plan.issuer === null) errors.push(importMessages.noIssuer());
  if (plan.issuedOn === null) errors.push(importMessages.noIssueDate());
  const unit = plan.issuedOn === null ? undefined : findUnit(units, unitCode, plan.issuedOn);
  if (plan.issuedOn !== null && unit === undefined) errors.push(importMessages.noUnitOnDate(unitCode, plan.issuedOn));
  const issuerError = plan.issuer === null || unit === undefined ? null : issuerMismatch(plan.issuer, unit, units);
  return { plan, unit, errors, issuerError, warnings: result.ok ? result.warnings.map(parserMessage) : [] };
}

/**
 * Parses a plan document for import. Everything that fails is reported at once, and nothing is
 * stored unless all of it holds: the text parses, it has a symbol, issuer and date, and the unit
 * code names a unit in force on the issue date, whose issuer is that unit (or one merged into it).
 */
export function prepareImport(text: string, unitCode: string, units: readonly AdministrativeUnitRecord[]): ImportablePlan {
  const { plan, unit, errors, issuerError, warnings } = readPlanForImport(text, unitCode, units);
  if (errors.length > 0 || plan.symbol === null || plan.issuer === null || plan.issuedOn === null || unit === undefined) {
    throw new BadUserInputError(inOneLine(importMessages.notAPlan(errors)), { argument: 'text' });
  }
  if (issuerError !== null) throw new BadUserInputError(inOneLine(issuerError), { argument: 'unitCode' });
  return { plan: { ...plan, symbol: plan.symbol, issuer: plan.issuer, issuedOn: plan.issuedOn }, unit, warnings };
}
