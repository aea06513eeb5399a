import { BadUserInputError } from '../../../lib/errors/index.ts';

/** A unit identity split into the official code and the first day of validity. */
export interface ParsedUnitId {
  readonly code: string;
  /** ISO date; null for a unit in force before the period covered (`@origin`). */
  readonly validFrom: string | null;
}

const UNIT_ID = /^([^@\s]+)@(origin|\d{4}-\d{2}-\d{2})$/;

/** Splits a unit id (`56@2025-07-01`, `01@origin`) into code and validity start; BAD_USER_INPUT otherwise. */
export function parseUnitId(id: string): ParsedUnitId {
  const match = UNIT_ID.exec(id.trim());
  const code = match?.[1];
  const from = match?.[2];
  if (code === undefined || from === undefined) {
    throw new BadUserInputError(`"${id}" is not a unit id: expected CODE@YYYY-MM-DD or CODE@origin (e.g. 56@2025-07-01)`, { argument: 'unitId' });
  }
  return { code, validFrom: from === 'origin' ? null : from };
}
