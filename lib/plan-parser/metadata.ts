// Document identification: own symbol ("Số: 4949/KH-UBND"), issuer, issue date, cited legal basis.
import { squash } from './normalise.ts';
import type { PlanMetadata } from './types.ts';

// "4949/KH-UBND", "01/2022/TT-BLĐTBXH", "146/QĐ-TTg", "28-KL/TW", "15-CTr/HU" (a district Party committee's
// action programme, mixed case), "07-TB/CQTTBCĐ" (a notice of the standing office of a central steering
// committee: the organ after the slash runs to seven letters and more).
// A space after a hyphen is the source's ("424/QĐ- UBND", "57- NQ/TW"): read, and dropped from the symbol.
const SYMBOL_SRC = String.raw`\d{1,5}(?:\/\d{4})?\/[\p{Lu}Đ][\p{L}Đđ]{0,9}(?:- ?[\p{L}0-9Đđ&]{1,12}){1,3}|\d{1,5}- ?\p{Lu}[\p{L}]{0,5}\/[\p{Lu}]{1,10}`;
const SYMBOL_RE = new RegExp(`(?<![\\p{L}\\d/])(?:${SYMBOL_SRC})(?![\\p{L}\\d])`, 'gu');
// The hyphen between a document type and its organ dropped in the source ("Nghị quyết số 71/NQCP", "4732/KHUBND"):
// read only for a known type glued to a known organ, and given its hyphen back.
const GLUED_SYMBOL_RE = /(?<![\p{L}\d/])(\d{1,5}(?:\/\d{4})?\/)(NQ|QĐ|KH|CT|CTr|TB|KL|HD|BC|ĐA)(CP|TTg|UBND|HĐND|TU|TW|HU|ĐU|BCĐ)(?![\p{L}\d-])/gu;

/** All document symbols in a text, in order of appearance. */
export function findSymbols(text: string): string[] {
  // Pasted text loses the space after a symbol ("263/KH-UBNDngày 31/12/2024"): an all-caps organ code never
  // ends in a run of lower-case letters (only "TTg" ends in one), so such a run is the next word.
  const found = [...text.matchAll(SYMBOL_RE)].map((m) => ({ at: m.index, sym: m[0].replace(/\s+/gu, '').replace(/(\p{Lu}{2,})\p{Ll}{2,}$/u, '$1') }));
  for (const m of text.matchAll(GLUED_SYMBOL_RE)) found.push({ at: m.index, sym: `${m[1]}${m[2]}-${m[3]}` });
  return found.sort((a, b) => a.at - b.at).map((f) => f.sym);
}

/** Key for comparing symbols regardless of case and whitespace ("146/QĐ-TTG" = "146/QĐ-TTg"). */
export function symbolKey(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** Extracts the document's own symbol: "Số: X" near the top, else "ban hành Quyết định/Kế hoạch số X". */
export function extractSymbol(lines: readonly string[]): string | null {
  for (const [i, line] of lines.slice(0, 40).entries()) {
    const m = /^(?:Số|SỐ|Số hiệu)\s*[:.]?\s*(.*)$/u.exec(line);
    if (m) {
      // A letterhead cell split across lines leaves "Số:" alone on its line, the number on the next.
      const rest = /^[\s:.|]*$/u.test(m[1] ?? '') ? (lines[i + 1] ?? '') : (m[1] ?? '');
      const sym = findSymbols(squash(rest).replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-'))[0];
      if (sym) return sym;
    }
  }
  const head = squash(lines.slice(0, 30).join(' '));
  // "… ban hành Quyết định số X", "UBND xã … xây dựng Kế hoạch số: X ngày …" (the body that issues it is the subject),
  // or passive: "theo kế hoạch số X vừa được UBND tỉnh … ban hành".
  const m = /(?:ban hành|xây dựng)\s+(?:kèm theo\s+)?(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết)\s+(?:số\s*:?\s*)?(\S+)/iu.exec(head)
    ?? /(?:Quyết định|Kế hoạch)\s+số\s*:?\s*(\S+)\s+(?:(?:vừa|đã|mới)\s+)?được\s+[^.;:]{0,60}?ban hành/iu.exec(head);
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

const ISSUER_LEVEL = String.raw`tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn`;
const MOTTO = /CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/gu;
const LEVEL_WORD_LINE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+\p{Lu}/u;
// A name: capitalised words, which may carry an apostrophe ("Đăk R’lấp").
const NAME = String.raw`(?:\p{Lu}[\p{L}’']*\s?){1,4}`;

/**
 * Issuer when the letterhead does not name it: a site's metadata table ("Cơ quan ban hành | Tỉnh Bắc Ninh"),
 * a sentence naming the body that issues ("Uỷ ban nhân dân xã Long Phụng đã ban hành …", "UBND huyện Quế Sơn vừa
 * ban hành …", "Ban Chỉ đạo chuyển
 * đổi số huyện Đăk R’lấp (…) ban hành …"), or the level the body gives itself ("Ủy ban nhân dân tỉnh ban
 * hành …") with the name of the place it dates the document from ("Tây Ninh, ngày …").
 */
function issuerFromBody(lines: readonly string[]): string | null {
  const body = squash(lines.slice(0, 40).join(' '));
  // One row of the table per line: the cell ends with the line.
  const tableRe = new RegExp(`^Cơ quan ban hành\\s*\\|?\\s*(${ISSUER_LEVEL})\\s+([^|]+?)\\s*(?:\\||$)`, 'iu');
  for (const line of lines.slice(0, 20)) {
    const table = tableRe.exec(line);
    if (table?.[1] && table[2]) return `UBND ${table[1].toLowerCase()} ${table[2].trim()}`;
  }
  // The committee's office issues plans of its own ("Văn phòng UBND tỉnh Lai Châu ban hành Kế hoạch số …/KH-VPUBND"): the
  // office is the issuer, not the committee.
  const named = new RegExp(`(Văn phòng\\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+(${ISSUER_LEVEL})\\s+(${NAME})(?=\\s*(?:(?:đã|vừa|mới)\\s+)?(?:ban hành|xây dựng|triển khai))`, 'u').exec(body);
  if (named?.[2] && named[3]) return `${named[1] ? 'Văn phòng ' : ''}UBND ${named[2]} ${named[3].trim()}`;
  // A decision's enacting line, on its own after the title: "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN" (or "CHỦ TỊCH ỦY BAN …").
  for (const line of lines.slice(0, 40)) {
    const enact = /^(?:CHỦ TỊCH\s+)?((?:ỦY|UỶ)\s*BAN\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?:[\s-]+\p{Lu}+(?![\p{L}\d]))+)\s*$/u.exec(line);
    if (enact?.[1]) return formatIssuer(enact[1]);
  }
  const committee = new RegExp(`(Ban Chỉ đạo [\\p{Ll}\\s]+?(?:${ISSUER_LEVEL})\\s+${NAME})\\s*(?:\\([^)]*\\)\\s*)?(?:(?:đã|vừa|mới)\\s+)?ban hành`, 'u').exec(body);
  if (committee?.[1]) return squash(committee[1]);
  const self = new RegExp(`(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+(${ISSUER_LEVEL})\\s+(?:ban hành|xây dựng)`, 'u').exec(body);
  const place = /(?:^|\|\s*)(\p{Lu}[\p{L}\s.-]{1,30}?)\s*,\s*ngày(?![\p{L}])/u;
  if (self?.[1]) {
    for (const line of lines.slice(0, 40)) {
      const m = place.exec(line);
      if (m?.[1]) return `UBND ${self[1]} ${squash(m[1])}`;
    }
    // No dated place: the body's own area, named with the same level word ("… của phường Xuân Phương", "trên địa bàn xã X").
    const area = new RegExp(`(?:của|trên địa bàn|tại)\\s+${self[1]}\\s+(${NAME})`, 'u').exec(body);
    if (area?.[1]) return `UBND ${self[1]} ${area[1].trim()}`;
  }
  return null;
}

/** Issuer from the letterhead (lines before "CỘNG HÒA XÃ HỘI...") or from a sentence of the text. */
export function extractIssuer(lines: readonly string[]): string | null {
  const headerLines: string[] = [];
  // A site's banner and metadata block ("Số hiệu: 94/KH-UBND Loại văn bản: …") may come before the letterhead: it
  // starts at the first line that opens with the committee's name, when there is one near the top.
  const start = Math.max(0, lines.slice(0, 25).findIndex((l) => /^(?:(?:ỦY|UỶ)\s*BAN\s+NHÂN\s+DÂN|UBND)(?![\p{L}])/u.test(l)));
  for (const [j, line] of lines.slice(start, start + 15).entries()) {
    const i = start + j;
    // The letterhead ends at the symbol, the place-and-date line or the document type, whichever comes first.
    if (LETTERHEAD_END.test(line)) break;
    const cut = line.search(/CỘNG\s*$|CỘNG\s+H[OÒ]A/u);
    if (cut >= 0) {
      if (cut > 0) headerLines.push(line.slice(0, cut));
      // A two-column letterhead pasted row by row: "ỦY BAN NHÂN DÂN CỘNG HÒA …" / "XÃ ĐỊNH HƯNG Độc lập …".
      const next = lines[i + 1];
      if (next !== undefined && LEVEL_WORD_LINE.test(next)) headerLines.push(next.replace(MOTTO, ' '));
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
  return issuerFromBody(lines);
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
  // A place, not a cited symbol ("Nghị quyết số 15-NQ/TU, ngày 22 tháng 3 năm 2022"): its word starts a word.
  const m = /(?<![\p{L}\d/-])[\p{L}.]+\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(head);
  if (m?.[1] && m[2] && m[3]) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  if (symbol) {
    const idx = head.indexOf(symbol);
    if (idx >= 0) {
      // A news lead: "Ngày 18 tháng 7 năm 2025 Uỷ ban nhân dân xã … đã ban hành Quyết định số X".
      const from = Math.max(0, idx - 160);
      // Or with the date in figures: "Ngày 18/3/2022, Chủ tịch UBND tỉnh … ban hành Quyết định số X".
      const lead = [...head.slice(from, idx).matchAll(/ngày\s+(\d{1,2})(?:\s+tháng\s+|\s*\/\s*)(\d{1,2})(?:\s+năm\s+|\s*\/\s*)(\d{4})/giu)].at(-1);
      if (lead?.[1] && lead[2] && lead[3]) {
        const between = head.slice(from + lead.index + lead[0].length, idx);
        if (/ban hành/u.test(between) && findSymbols(between).length === 0) return iso(Number(lead[3]), Number(lead[2]), Number(lead[1]));
      }
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
    // "Theo đề nghị của …", "Xét đề nghị …", "trên cơ sở đề xuất của …", "; đề xuất của Sở … tại Công văn số …".
    const proposalAt = clause.toLowerCase().search(/(theo|xét) (đề nghị|đề xuất)|(đề nghị|đề xuất) của|tờ trình/u);
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
