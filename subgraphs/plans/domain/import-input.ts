import { BadUserInputError } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { predecessorsOf } from '../../../lib/units/index.ts';
import { inOneLine } from '../../../lib/util/bilingual.ts';
import { importMessages, type PlanProblem } from './messages.ts';

/** Bounds on what `importPlan` stores. */
export interface ImportLimits {
  /** Longest document text, in characters. @default 200000 */
  readonly maxTextChars: number;
  /** Longest title, in characters. @default 300 */
  readonly maxTitleChars: number;
}

// C0 controls except tab and line feed (CR is accepted only as part of CRLF, normalised away), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/u;

function describeChar(c: string): string {
  return c === '\u0000' ? 'NUL' : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What must never be stored, in the first place it occurs: too long, a lone surrogate, a control character (NUL included); null when none. */
export function textProblem(field: string, value: string, maxChars: number, variable: string): PlanProblem | null {
  if (value.length > maxChars) return importMessages.tooLong(field, value.length, maxChars, variable);
  if (!value.isWellFormed()) {
    const at = [...value].findIndex((c) => c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff);
    return importMessages.loneSurrogate(field, at);
  }
  const m = CONTROL.exec(value);
  return m === null ? null : importMessages.controlCharacter(field, describeChar(m[0]), m.index);
}

/** A text as it is stored: CRLF as LF, NFC. */
export function cleanText(value: string): string {
  return value.replace(/\r\n/g, '\n').normalize('NFC');
}

/** Refuses what must never be stored (textProblem, BAD_USER_INPUT on the argument); the cleaned text. */
export function checkText(field: string, value: string, maxChars: number, variable: string): string {
  const problem = textProblem(field, value, maxChars, variable);
  if (problem !== null) throw new BadUserInputError(inOneLine(problem), { argument: field });
  return cleanText(value);
}

/** Checks and cleans `importPlan`'s free text: the document and the title (NFC, trimmed, kept as plain text). */
export function cleanImportInput(input: { readonly text: string; readonly title: string | null }, limits: ImportLimits): { text: string; title: string | null } {
  const text = checkText('text', input.text, limits.maxTextChars, 'PLAN_MAX_TEXT_CHARS');
  const title = input.title === null ? null : checkText('title', input.title, limits.maxTitleChars, 'PLAN_MAX_TITLE_CHARS').trim();
  // HTML in a title is kept as text: it is stored and returned verbatim, never interpreted or stripped.
  return { text, title: title === '' ? null : title };
}

// Names compare without diacritics, case or the level word: "UBND tỉnh Khánh Hoà" names "Tỉnh Khánh Hòa".
function fold(s: string): string {
  return ` ${s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}
function nameKey(unitName: string): string {
  return fold(unitName.replace(/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu, ''));
}

function withPredecessors(units: readonly AdministrativeUnitRecord[], unit: AdministrativeUnitRecord): AdministrativeUnitRecord[] {
  const out: AdministrativeUnitRecord[] = [];
  const queue = [unit];
  const seen = new Set<string>();
  while (queue.length > 0 && out.length < 200) {
    const u = queue.shift();
    if (u === undefined || seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
    queue.push(...predecessorsOf(units, u));
  }
  return out;
}

/**
 * Why the document's issuer is not the unit it is filed under, or null when it is: the issuer
 * must belong to that unit or to one of its predecessors (a merged province keeps the plans of the
 * provinces merged into it).
 */
export function issuerMismatch(issuer: string, unit: AdministrativeUnitRecord, units: readonly AdministrativeUnitRecord[]): PlanProblem | null {
  const issuerKey = fold(issuer);
  const candidates = withPredecessors(units, unit);
  if (candidates.some((u) => issuerKey.includes(nameKey(u.name)))) return null;
  return importMessages.issuerNotUnit(issuer, unit.name, unit.code, candidates.length > 1);
}

/** Refuses (BAD_USER_INPUT on unitCode) a document whose issuer is not the unit it is filed under; see issuerMismatch. */
export function checkIssuer(issuer: string, unit: AdministrativeUnitRecord, units: readonly AdministrativeUnitRecord[]): void {
  const mismatch = issuerMismatch(issuer, unit, units);
  if (mismatch !== null) throw new BadUserInputError(inOneLine(mismatch), { argument: 'unitCode' });
}
