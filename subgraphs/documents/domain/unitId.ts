/** A unit identity `code@validFrom` split into its parts; `validFrom` null for `origin`. */
export interface UnitIdParts {
  readonly code: string;
  readonly validFrom: string | null;
}

/** Parses a unit id made by lib/units `unitId` (e.g. `56@2025-07-01`, `01@origin`); undefined when malformed. */
export function parseUnitId(id: string): UnitIdParts | undefined {
  const m = /^(\d{2,5})@(origin|\d{4}-\d{2}-\d{2})$/.exec(id);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  return { code: m[1], validFrom: m[2] === 'origin' ? null : m[2] };
}

/** The scope an agency's own records cover in a year: its validity clipped to the year; undefined when not in force. */
export function agencyYearScope(
  agency: { readonly code: string; readonly name: string; readonly unitId: string; readonly validFrom: string | null; readonly validTo: string | null },
  year: number,
): { unitId: string; code: string; name: string; from: string; to: string } | undefined {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const from = agency.validFrom !== null && agency.validFrom > start ? agency.validFrom : start;
  const to = agency.validTo !== null && agency.validTo < end ? agency.validTo : end;
  return from <= to ? { unitId: agency.unitId, code: agency.code, name: agency.name, from, to } : undefined;
}
