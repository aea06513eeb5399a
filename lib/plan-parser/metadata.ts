// Document identification: own symbol ("Số: 4949/KH-UBND"), issuer, issue date, cited legal basis.
import { squash } from './normalise.ts';
import type { PlanMetadata } from './types.ts';

// "4949/KH-UBND", "01/2022/TT-BLĐTBXH", "146/QĐ-TTg", "28-KL/TW".
const SYMBOL_SRC = String.raw`\d{1,5}(?:\/\d{4})?\/[\p{Lu}Đ][\p{L}Đđ]{0,9}(?:-[\p{L}0-9Đđ&]{1,12}){1,3}|\d{1,5}-[\p{Lu}]{1,5}\/[\p{Lu}]{1,6}`;
const SYMBOL_RE = new RegExp(`(?<![\\p{L}\\d/])(?:${SYMBOL_SRC})(?![\\p{L}\\d])`, 'gu');

/** All document symbols in a text, in order of appearance. */
export function findSymbols(text: string): string[] {
  return [...text.matchAll(SYMBOL_RE)].map((m) => m[0]);
}

/** Key for comparing symbols regardless of case and whitespace ("146/QĐ-TTG" = "146/QĐ-TTg"). */
export function symbolKey(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** Extracts the document's own symbol: "Số: X" near the top, else "ban hành Quyết định/Kế hoạch số X". */
export function extractSymbol(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 40)) {
    const m = /^(?:Số|SỐ|Số hiệu)\s*[:.]?\s*(.+)$/u.exec(line);
    if (m?.[1]) {
      const sym = findSymbols(squash(m[1]).replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-'))[0];
      if (sym) return sym;
    }
  }
  const head = squash(lines.slice(0, 30).join(' '));
  const m = /ban hành\s+(?:kèm theo\s+)?(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết)\s+(?:số\s+)?(\S+)/iu.exec(head);
  if (m?.[1]) return findSymbols(m[1])[0] ?? null;
  return null;
}

const VN_UPPER_WORD = /[\p{L}]+/gu;

function titleCaseWords(s: string): string {
  return s.toLowerCase().replace(VN_UPPER_WORD, (w) => (w[0] ?? '').toUpperCase() + w.slice(1));
}

/** Renders "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA" as "UBND tỉnh Khánh Hòa"; other issuers as written. */
export function formatIssuer(raw: string): string {
  const s = squash(raw.replace(/[-–]+/g, (d) => (d.length > 1 ? ' ' : '-')));
  const m = /^(?:ỦY|UỶ|Ủy|Uỷ)\s*BAN\s+NHÂN\s+DÂN\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)[\s-]+(.+)$/iu.exec(s)
    ?? /^UBND\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)[\s-]+(.+)$/iu.exec(s);
  if (m?.[1] && m[2]) {
    const name = m[2].trim();
    return `UBND ${m[1].toLowerCase()} ${name === name.toUpperCase() ? titleCaseWords(name) : name}`;
  }
  return s;
}

const LETTERHEAD_END = /^(?:Số|SỐ|Số hiệu)\s*[:.]|^[\p{L}\s.]+,\s*ngày(?![\p{L}])|^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|CHƯƠNG TRÌNH|ĐỀ ÁN)\s*$/u;

/** Issuer from the letterhead (lines before "CỘNG HÒA XÃ HỘI...") or from "UBND tỉnh X ban hành". */
export function extractIssuer(lines: readonly string[]): string | null {
  const headerLines: string[] = [];
  for (const line of lines.slice(0, 15)) {
    // The letterhead ends at the symbol, the place-and-date line or the document type, whichever comes first.
    if (LETTERHEAD_END.test(line)) break;
    const cut = line.search(/CỘNG\s*$|CỘNG\s+H[OÒ]A/u);
    if (cut >= 0) {
      if (cut > 0) headerLines.push(line.slice(0, cut));
      break;
    }
    headerLines.push(line);
  }
  const header = squash(headerLines.join(' ').replace(/\|/g, ' '));
  // The name is whole all-caps words, so a following "Số:" or mixed-case text cannot leak into it.
  const parent = /((?:ỦY|UỶ)\s*BAN\s+NHÂN\s+DÂN|UBND)\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)[\s-]*((?:\p{Lu}+(?![\p{L}\d])[\s-]*)+)/u.exec(header);
  if (parent) {
    const full = squash(parent[0]).replace(/\s+KẾ HOẠCH.*$/u, '');
    // A subordinate organ after the UBND line (SỞ ..., BAN ...) is the actual issuer, as written.
    const sub = /\s(SỞ|BAN(?!\s+NHÂN)|VĂN PHÒNG|CÔNG AN|TRUNG TÂM|ĐÀI|BỘ CHỈ HUY)\s[\p{Lu}\s-]+$/u.exec(full);
    if (sub) return squash(sub[0]);
    return formatIssuer(full);
  }
  if (header.length > 0 && header.length < 80 && /^(BỘ|TỈNH ỦY|HĐND|HỘI ĐỒNG NHÂN DÂN|SỞ|BAN)\s/u.test(header)) return header;
  const body = squash(lines.slice(0, 30).join(' '));
  const m = /(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố|huyện|quận|thị xã)\s+((?:\p{Lu}[\p{Ll}]*\s?){1,4})(?=\s*(?:ban hành|đã ban hành|xây dựng|triển khai))/u.exec(body);
  if (m?.[2] && m[3]) return `UBND ${m[2]} ${m[3].trim()}`;
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Builds an ISO date from parts, or null when the parts are not a real date. */
export function isoDate(y: number, m: number, d: number): string | null {
  return iso(y, m, d);
}

/** Issue date from "Khánh Hòa, ngày 03 tháng 6 năm 2022", else "<own symbol> ngày 24/5/2022". */
export function extractIssueDate(lines: readonly string[], symbol: string | null): string | null {
  const head = squash(lines.slice(0, 30).join(' '));
  const m = /[\p{L}.]+\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(head);
  if (m?.[1] && m[2] && m[3]) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  if (symbol) {
    const idx = head.indexOf(symbol);
    if (idx >= 0) {
      const after = head.slice(idx + symbol.length, idx + symbol.length + 60);
      const d = /^\s*,?\s*ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(after)
        ?? /^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(after);
      if (d?.[1] && d[2] && d[3]) return iso(Number(d[3]), Number(d[2]), Number(d[1]));
    }
  }
  return null;
}

/** Prefers the mixed-case spelling ("146/QĐ-TTg") over an all-caps one from a heading. */
function betterSpelling(a: string, b: string): string {
  const aCaps = a === a.toUpperCase();
  const bCaps = b === b.toUpperCase();
  return aCaps && !bCaps ? b : a;
}

/**
 * Legal basis: symbols cited in the preamble (before the first section), excluding the document's own
 * symbol and the proposal it answers ("theo đề nghị/đề xuất của ... tại Tờ trình/Công văn số ...").
 */
export function extractLegalBasis(preamble: string, ownSymbol: string | null): string[] {
  const own = ownSymbol ? symbolKey(ownSymbol) : null;
  const order: string[] = [];
  const best = new Map<string, string>();
  // Split into clauses so that a proposal clause can be dropped on its own.
  for (const clause of preamble.split(/[;]|(?<=\.)\s+(?=\p{Lu})/u)) {
    const proposalAt = clause.toLowerCase().search(/(theo|xét) (đề nghị|đề xuất)|tờ trình/u);
    const usable = proposalAt >= 0 ? clause.slice(0, proposalAt) : clause;
    for (const sym of findSymbols(usable)) {
      const key = symbolKey(sym);
      if (key === own) continue;
      const prev = best.get(key);
      if (prev === undefined) {
        order.push(key);
        best.set(key, sym);
      } else best.set(key, betterSpelling(prev, sym));
    }
  }
  return order.map((k) => best.get(k) ?? k);
}

/** Reads all metadata fields. `preamble` is the text before the first section heading. */
export function extractMetadata(lines: readonly string[], preamble: string): PlanMetadata {
  const symbol = extractSymbol(lines);
  return {
    symbol,
    issuer: extractIssuer(lines),
    issuedOn: extractIssueDate(lines, symbol),
    legalBasis: extractLegalBasis(preamble, symbol),
  };
}
