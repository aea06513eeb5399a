import { BadUserInputError } from '../../../lib/errors/index.ts';
import { parsePlanDocument, type ParsedPlan } from '../../../lib/plan-parser/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { findUnit } from '../../../lib/units/index.ts';
import { checkIssuer } from './import-input.ts';

/** A plan ready to store: parsed, with the metadata a registry record cannot lack, and its unit. */
export interface ImportablePlan {
  readonly plan: ParsedPlan & { readonly symbol: string; readonly issuer: string; readonly issuedOn: string };
  readonly unit: AdministrativeUnitRecord;
  readonly warnings: readonly string[];
}

/**
 * Parses a plan document for import. Everything that fails is reported at once, and nothing is
 * stored unless all of it holds: the text parses, it has a symbol, issuer and date, and the unit
 * code names a unit in force on the issue date, whose issuer is that unit (or one merged into it).
 */
export function prepareImport(text: string, unitCode: string, units: readonly AdministrativeUnitRecord[]): ImportablePlan {
  const result = parsePlanDocument(text.normalize('NFC'));
  const errors = result.ok ? [] : [...result.errors];
  const plan = result.ok ? result.plan : result.partial;
  if (plan.symbol === null && !errors.some((e) => /symbol/.test(e))) errors.push('no document symbol found');
  if (plan.issuer === null) errors.push('no issuer found');
  if (plan.issuedOn === null) errors.push('no issue date found');
  const unit = plan.issuedOn === null ? undefined : findUnit(units, unitCode, plan.issuedOn);
  if (plan.issuedOn !== null && unit === undefined) errors.push(`unit code "${unitCode}" names no unit in force on ${plan.issuedOn}`);
  if (errors.length > 0 || plan.symbol === null || plan.issuer === null || plan.issuedOn === null || unit === undefined) {
    throw new BadUserInputError(`the document could not be imported as a plan: ${errors.join('; ')}`, { argument: 'text' });
  }
  checkIssuer(plan.issuer, unit, units);
  return {
    plan: { ...plan, symbol: plan.symbol, issuer: plan.issuer, issuedOn: plan.issuedOn },
    unit,
    warnings: result.ok ? result.warnings : [],
  };
}
