// Splits cleaned lines into numbered blocks ("1.", "1.1.", "a)", "-", "+", "I.") and groups blocks into
// top-level sections (objectives, tasks, budget, organisation...). Wrapped lines are re-joined.
import { fold, squash, startsUpper, upperRatio } from './normalise.ts';

/** Numbering style of a block. */
export type MarkerKind = 'roman' | 'number' | 'letter' | 'dash' | 'plus' | 'star' | 'none';

/** One numbered item: its marker, its first paragraph (head) and following paragraphs (body). */
export interface Block {
  kind: MarkerKind;
  marker: string;
  /** Nesting rank used for heading context: roman 0, "1." 1, "1.1." 2, letters 10, bullets 20, none 30. */
  depth: number;
  head: string;
  body: string[];
  /** Head and body joined with spaces. */
  text: string;
}

/** What a top-level section is about, from its heading. */
export type SectionKind = 'preamble' | 'objectives' | 'tasks' | 'budget' | 'organisation' | 'state' | 'purpose' | 'other';

/** A top-level section: heading block (null for the preamble) and its blocks. */
export interface Section {
  kind: SectionKind;
  heading: string | null;
  blocks: Block[];
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{1,3}|V|X))\s*[.)]\s*(?=\S)/u;
const MULTI_NUMBER = /^(\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(?=\S)/u;
// "3. 100% hồ sơ" is an item; "3.5 tỷ" and "1.000 chuyên gia" are numbers (no space after the dot).
const NUMBER = /^(\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\d\s]))/u;
const LETTER = /^([a-zđ])\s*[)]\s*(?=\S)|^([a-zđ])\.\s+(?=\S)/u;
const DASH = /^[-–—•]\s*(?=\S)/u;
const PLUS = /^\+\s*(?=\S)/u;
const STAR = /^\*\s*(?=\S)/u;

interface Marker {
  kind: MarkerKind;
  marker: string;
  depth: number;
  rest: string;
}

/** Recognises a list marker at the start of a line. */
export function detectMarker(line: string): Marker | null {
  let m = ROMAN.exec(line);
  if (m?.[1]) return { kind: 'roman', marker: m[1], depth: 0, rest: line.slice(m[0].length) };
  m = MULTI_NUMBER.exec(line);
  if (m?.[1]) return { kind: 'number', marker: m[1], depth: m[1].split('.').length, rest: line.slice(m[0].length) };
  m = NUMBER.exec(line);
  if (m?.[1]) return { kind: 'number', marker: m[1], depth: 1, rest: line.slice(m[0].length) };
  m = LETTER.exec(line);
  if (m) return { kind: 'letter', marker: m[1] ?? m[2] ?? '', depth: 10, rest: line.slice(m[0].length) };
  m = DASH.exec(line);
  if (m) return { kind: 'dash', marker: '-', depth: 20, rest: line.slice(m[0].length) };
  m = PLUS.exec(line);
  if (m) return { kind: 'plus', marker: '+', depth: 21, rest: line.slice(m[0].length) };
  m = STAR.exec(line);
  if (m) return { kind: 'star', marker: '*', depth: 22, rest: line.slice(m[0].length) };
  return null;
}

// Words after which a wrapped line continues even if the next line starts with a capital.
const DANGLING = new Set([
  'và', 'của', 'về', 'cho', 'với', 'tại', 'trong', 'các', 'những', 'ngày', 'theo', 'từ', 'đến', 'là', 'để',
  'thuộc', 'trên', 'dưới', 'giữa', 'bởi', 'do', 'hoặc', 'như', 'gồm', 'cả', 'mà', 'được', 'bị', 'có', 'nhằm', 'vào',
  'sang', 'qua', 'tới', 'duyệt', 'hành', 'hiện', 'khai', 'giao', 'tên', 'thành',
]);

function lastWord(line: string): string {
  const parts = line.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function isCapsLine(s: string): boolean {
  return upperRatio(s) === 1 && s.replace(/[^\p{L}]/gu, '').length >= 4;
}

/** Whether `next` starts a new paragraph after `prev` (both without a list marker). */
export function isParagraphBreak(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  if (!startsUpper(next)) return false;
  if (/(\.\/\.|[.:!?…])$/u.test(p)) return true;
  // An all-caps line is a heading or title: it neither continues into a mixed-case line ("IV. KINH PHÍ
  // THỰC HIỆN" / "Tổng kinh phí ...") nor is one continued by a mixed-case line ("..., ngày 14 tháng 8 năm 2023" / "KẾ HOẠCH").
  if (isCapsLine(p) !== isCapsLine(next)) return true;
  // A wrapped line may start with an acronym (UBND, HĐND, CNTT) mid-sentence.
  const firstWord = next.split(/\s+/)[0] ?? '';
  if (firstWord.length >= 2 && upperRatio(firstWord) === 1 && upperRatio(p) < 0.8) return false;
  if (/[,;(\-–&/]$/u.test(p)) return false;
  const w = lastWord(p);
  if (DANGLING.has(fold(w))) return false;
  if (/[)\]"”]$/u.test(w)) return true;
  if (upperRatio(w) === 1 && w.length > 1) {
    // An all-caps word continues only into another all-caps line (headings wrapped over lines).
    return upperRatio(next.split(/\s+/)[0] ?? '') < 1;
  }
  if (startsUpper(w)) return false; // proper-noun continuation: "tỉnh Khánh\nHòa"
  return true;
}

/** Whether a line is a flattened table row with three or more cells ("1 | Nhiệm vụ | Sở Nội vụ"). */
export function isTableRow(line: string): boolean {
  return (line.match(/\s\|\s|\s\|$/gu) ?? []).length >= 2;
}

/** Cells of a flattened table row, trimmed (empty cells kept). */
export function tableCells(line: string): string[] {
  return line.split(/\s*\|\s*/u).map((c) => c.trim());
}

function joinLines(a: string, b: string): string {
  if (a === '') return b;
  if (/\/$/u.test(a) || /^\//u.test(b)) return a.trimEnd() + b.trimStart();
  return `${a} ${b}`;
}

const BULLET_KINDS: ReadonlySet<MarkerKind> = new Set(['dash', 'plus', 'star']);

/** Groups lines into blocks, re-joining wrapped lines and separating paragraphs inside an item. */
export function toBlocks(lines: readonly string[]): Block[] {
  // Web-page text keeps one paragraph per line; PDF/Word exports wrap at ~80 columns.
  const long = lines.filter((l) => l.length > 110).length;
  const unwrapped = lines.length > 0 && long / lines.length > 0.25;
  const blocks: Block[] = [];
  let cur: { kind: MarkerKind; marker: string; depth: number; paras: string[] } | null = null;
  let prevLine: string | undefined;
  const flush = (): void => {
    if (!cur) return;
    const paras = cur.paras.map(squash).filter((p) => p !== '');
    if (paras.length > 0) {
      const head = paras[0] ?? '';
      blocks.push({ kind: cur.kind, marker: cur.marker, depth: cur.depth, head, body: paras.slice(1), text: paras.join(' ') });
    }
    cur = null;
  };
  for (const line of lines) {
    if (isTableRow(line)) {
      // A flattened table row is one record: never joined to its neighbours.
      flush();
      blocks.push({ kind: 'none', marker: '', depth: 30, head: line, body: [], text: line });
      prevLine = line;
      continue;
    }
    const marker = detectMarker(line);
    if (marker) {
      // A marker at the start of a line always opens an item: guessing that it is a wrapped tail
      // ("mức độ 3,\n4. Thực hiện") glued real list items together in unseen plans.
      flush();
      cur = { kind: marker.kind, marker: marker.marker, depth: marker.depth, paras: [marker.rest] };
    } else if (!cur) {
      cur = { kind: 'none', marker: '', depth: 30, paras: [line] };
    } else {
      const lastIdx = cur.paras.length - 1;
      const last = cur.paras[lastIdx] ?? '';
      // A bullet is a statement, never a heading: inside one, a line that does not close with punctuation
      // wraps on ("- Hình thành nền tảng dữ liệu và hạ tầng" / "Internet kết nối vạn vật ...").
      const openBullet = BULLET_KINDS.has(cur.kind) && prevLine !== undefined && !/[.:;!?…]$/u.test(prevLine.trimEnd());
      if (prevLine !== undefined && !openBullet && (unwrapped ? startsUpper(line) : isParagraphBreak(prevLine, line))) {
        if (cur.kind === 'none' && cur.paras.length >= 1) {
          // Unmarked paragraphs stand alone as blocks.
          flush();
          cur = { kind: 'none', marker: '', depth: 30, paras: [line] };
        } else cur.paras.push(line);
      } else cur.paras[lastIdx] = joinLines(last, line);
    }
    prevLine = line;
  }
  flush();
  return blocks;
}

const SECTION_KEYWORD = /^(mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|kinh phí|tổ chức thực hiện|phân công)/u;

/** Whether a block is a top-level section heading ("I. MỤC TIÊU", "1. TỔ CHỨC THỰC HIỆN", "KINH PHÍ"). */
export function isSectionHeading(b: Block): boolean {
  const letters = b.head.replace(/[^\p{L}]/gu, '');
  const upper = upperRatio(b.head) >= 0.8 && letters.length >= 4;
  if (b.kind === 'roman') return true;
  if (b.kind === 'number' && b.depth === 1 && upper) return true;
  if (b.kind === 'none' && upper && SECTION_KEYWORD.test(fold(b.head))) return true;
  return false;
}

/** Classifies a section heading by its keywords. */
export function classifySection(heading: string): SectionKind {
  const h = fold(heading);
  if (/hiện trạng|thực trạng|tình hình|kết quả (đạt được|thực hiện)|đánh giá/u.test(h) && !/mục tiêu|nhiệm vụ/u.test(h)) return 'state';
  // Last period's results on its targets ("I. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU NĂM 2023") report, not set, them.
  if (/^(?:(?:[ivxlc]+|\d+(?:\.\d+)*)[.)]?\s+)?(tình hình|kết quả|đánh giá( kết quả| tình hình)?) thực hiện (các )?(mục tiêu|chỉ tiêu|nhiệm vụ)/u.test(h)) return 'state';
  if (/mục tiêu|chỉ tiêu/u.test(h)) return 'objectives';
  if (/kinh phí|nguồn vốn|dự toán|nguồn lực tài chính/u.test(h)) return 'budget';
  if (/tổ chức thực hiện|phân công|trách nhiệm/u.test(h)) return 'organisation';
  if (/nhiệm vụ|giải pháp|nội dung/u.test(h)) return 'tasks';
  if (/mục đích|yêu cầu/u.test(h)) return 'purpose';
  return 'other';
}

/** Splits blocks into top-level sections. */
export function toSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [{ kind: 'preamble', heading: null, blocks: [] }];
  for (const b of blocks) {
    if (isSectionHeading(b)) {
      sections.push({ kind: classifySection(b.head), heading: b.head, blocks: [] });
      // A heading block may carry a paragraph of body text.
      if (b.body.length > 0) {
        const body = b.body.join(' ');
        sections[sections.length - 1]?.blocks.push({ kind: 'none', marker: '', depth: 30, head: body, body: [], text: body });
      }
    } else sections[sections.length - 1]?.blocks.push(b);
  }
  return sections;
}
