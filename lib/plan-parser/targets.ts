// Targets ("chỉ tiêu") in objective sections: percentages, ranges ("55 - 60%", "15% đến 20%"),
// bounds ("trên 80%"), counts and money, with target year (from the item or its heading) and
// administrative level (cấp tỉnh / cấp huyện / cấp xã).
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { MONEY_SRC, parseVietnameseNumber, toVND } from './numbers.ts';
import type { Block } from './structure.ts';
import type { AdminLevel, PlanTarget, TargetUnit } from './types.ts';

interface ValueHit {
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  unit: TargetUnit;
}

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const RANGE_PCT = new RegExp(`(${NUM})\\s*%?\\s*(?:-|–|—|đến|tới|÷)\\s*(${NUM})\\s*%`, 'gu');
const SINGLE_PCT = new RegExp(`(${NUM})\\s*%`, 'gu');
const MONEY = new RegExp(MONEY_SRC, 'gu');
// A count: a number followed by a noun ("1.000 chuyên gia", "02 nền tảng", "300 Tổ công nghệ số"), not by an
// acronym or code ("4 DTI", "5 G").
const COUNT = new RegExp(`(?<![\\p{L}\\d/.,-])(${NUM})\\s+(?=\\p{Ll}|\\p{Lu}\\p{Ll})`, 'gu');
const NOT_COUNT_BEFORE = /(năm|tháng|ngày|quý|số|mức độ|mức|cấp|giai đoạn|lần thứ|khoản|điểm|điều|mục|phiên bản|top|nhóm|thứ|vị|hạng|tuổi|khóa|kỳ|phần|chương|bước|lớp|tầng|độ|phụ lục)\s*$/u;
// Nor a number of parts of the plan itself ("06 nội dung trọng tâm của cải cách hành chính", "05 chỉ tiêu").
const NOT_COUNT_AFTER = /^(năm|tháng|ngày|giờ|phút|quý|tuần|lần|tuổi|giây|g\b|%|nội dung|nhóm nhiệm vụ|nhóm giải pháp|trụ cột|chỉ tiêu|mục tiêu|quan điểm)/u;

// A bound word may be followed by a linking word: "tối thiểu là 50%", "không quá mức 2%".
const LOWER_BOUND_BEFORE = /(trên|hơn|vượt|tối thiểu|ít nhất|không dưới|không thấp hơn|không ít hơn|từ)\s*(?:(?:là|đạt|bằng|mức|ở mức)\s*)?$/u;
const UPPER_BOUND_BEFORE = /(dưới|tối đa|không quá|không vượt quá|ít hơn|thấp hơn|nhỏ hơn)\s*(?:(?:là|đạt|bằng|mức|ở mức)\s*)?$/u;
const LOWER_BOUND_AFTER = /^\s*(trở lên)/u;
const UPPER_BOUND_AFTER = /^\s*(trở xuống)/u;

function overlaps(hits: readonly ValueHit[], s: number, e: number): boolean {
  return hits.some((h) => s < h.end && e > h.start);
}

function bounds(text: string, start: number, end: number, value: number): { min: number | null; max: number | null } {
  const before = fold(text.slice(Math.max(0, start - 20), start));
  const after = fold(text.slice(end, end + 15));
  if (LOWER_BOUND_BEFORE.test(before) || LOWER_BOUND_AFTER.test(after)) return { min: value, max: null };
  if (UPPER_BOUND_BEFORE.test(before) || UPPER_BOUND_AFTER.test(after)) return { min: null, max: value };
  return { min: value, max: value };
}

/** Finds target values (percent, range, money, count) in one clause of text. */
export function findValues(text: string, allowCounts = true): ValueHit[] {
  const hits: ValueHit[] = [];
  for (const m of text.matchAll(RANGE_PCT)) {
    const a = parseVietnameseNumber(m[1] ?? '');
    const b = parseVietnameseNumber(m[2] ?? '');
    if (a === null || b === null || a >= b || b > 1000) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, min: a, max: b, unit: 'percent' });
  }
  for (const m of text.matchAll(SINGLE_PCT)) {
    const s = m.index;
    const e = s + m[0].length;
    const v = parseVietnameseNumber(m[1] ?? '');
    if (v === null || overlaps(hits, s, e) || v > 1000) continue;
    hits.push({ start: s, end: e, ...bounds(text, s, e, v), unit: 'percent' });
  }
  for (const m of text.matchAll(MONEY)) {
    const s = m.index;
    const e = s + m[0].length;
    const v = toVND(m[1] ?? '', m[2]);
    if (v === null || overlaps(hits, s, e)) continue;
    hits.push({ start: s, end: e, ...bounds(text, s, e, v), unit: 'VND' });
  }
  if (allowCounts) {
    for (const m of text.matchAll(COUNT)) {
      const s = m.index;
      const e = s + (m[1] ?? '').length;
      if (overlaps(hits, s, e + 2)) continue;
      const before = fold(text.slice(Math.max(0, s - 20), s));
      const after = fold(text.slice(e).trimStart());
      if (NOT_COUNT_BEFORE.test(before) || NOT_COUNT_AFTER.test(after)) continue;
      const v = parseVietnameseNumber(m[1] ?? '');
      if (v === null || v === 0 || !Number.isInteger(v)) continue;
      if (v >= 1900 && v <= 2100 && !/\./u.test(m[1] ?? '')) continue; // a year
      hits.push({ start: s, end: e, ...bounds(text, s, e, v), unit: 'count' });
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}

// "cấp thành phố" is the level of the city that issues the plan: the provincial level in a centrally-run city's
// plan (Cần Thơ, Đà Nẵng: its districts are "quận, huyện"), the district level in the plan of a city under a
// province (thành phố thuộc tỉnh, whose communes are "phường, xã"). The caller says which (`cityLevel`).
const LEVEL_RE = /cấp\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?![\p{L}])/gu;
const BARE_LEVEL_RE = /^\s*(?:ở|tại|đối với)?\s*(?:cấp\s+)?(tỉnh|huyện|xã)(?![\p{L}])/u;
const LEVEL_OF: Readonly<Record<string, AdminLevel>> = {
  tỉnh: 'province', huyện: 'district', quận: 'district', 'thị xã': 'district', xã: 'commune', phường: 'commune', 'thị trấn': 'commune',
};

// The district-level units named as a series, without "cấp" ("hồ sơ công việc của cơ quan quản lý y tế huyện, thị xã,
// thành phố"): the district level — unless a value counts them ("12 huyện, thị xã, thành phố", "100% các huyện"), a
// target over them of the body that sets it, or the clause names units of other levels too ("100% các Sở, Ban,
// ngành, UBND các huyện, thị xã, thành phố, UBND các xã, phường, thị trấn").
const DISTRICT_SERIES = /(?<![\p{L}])(?:huyện,\s*thị xã,\s*thành phố|quận,\s*huyện|huyện,\s*thị xã|huyện,\s*thành phố)(?![\p{L}])/gu;
const COUNTED = /(?:^\s*|\d\s*%?\s*)(?:số\s+)?(?:các\s+)?$/u;
const OTHER_UNITS = /(?<![\p{L}])(?:xã|phường|thị trấn|sở|tỉnh)(?![\p{L}])/u;

function levelsIn(s: string, cityLevel: AdminLevel): AdminLevel[] {
  const found = new Set<AdminLevel>();
  const f = fold(s);
  for (const m of f.matchAll(LEVEL_RE)) {
    const l = m[1] === 'thành phố' ? cityLevel : LEVEL_OF[m[1] ?? ''];
    if (l) found.add(l);
  }
  if (!OTHER_UNITS.test(f.replace(DISTRICT_SERIES, ' '))) {
    for (const m of f.matchAll(DISTRICT_SERIES)) if (!COUNTED.test(f.slice(0, m.index))) found.add('district');
  }
  return [...found];
}

/**
 * Level of each value in a clause. Levels are read from the text after each value ("90% hồ sơ tại cấp
 * tỉnh; 80% ... cấp huyện") or before it ("cấp tỉnh đạt 90%, cấp huyện 80%"), whichever reading
 * explains more values. A bare "tỉnh/huyện/xã" right after a value counts only in a series of two or more.
 */
function assignLevels(text: string, hits: readonly ValueHit[], cityLevel: AdminLevel): Array<AdminLevel | null> {
  // A level belongs to the clause of its value: neither reading looks across a ";" ("… cấp tỉnh đạt 90%; cấp huyện
  // đạt 80%": "cấp huyện" is the next value's).
  const after = hits.map((h, i) => text.slice(h.end, hits[i + 1]?.start ?? text.length).split(';')[0] ?? '');
  const before = hits.map((h, i) => text.slice(i === 0 ? 0 : (hits[i - 1]?.end ?? 0), h.start).split(';').at(-1) ?? '');
  const one = (segs: string[]): Array<AdminLevel | null> =>
    segs.map((s) => {
      const ls = levelsIn(s, cityLevel);
      return ls.length === 1 ? (ls[0] ?? null) : null;
    });
  const a = one(after);
  const b = one(before);
  const count = (xs: Array<AdminLevel | null>): number => xs.filter((x) => x !== null).length;
  let chosen = count(b) > count(a) ? b : a;
  if (count(chosen) === 0 && hits.length >= 2) {
    const bare = after.map((s) => {
      const m = BARE_LEVEL_RE.exec(fold(s));
      return m ? (LEVEL_OF[m[1] ?? ''] ?? null) : null;
    });
    if (count(bare) >= 2 && new Set(bare.filter((x) => x !== null)).size === count(bare)) chosen = bare;
  }
  if (hits.length === 1 && count(chosen) === 0) {
    // A single value whose clause names exactly one level anywhere ("tại cấp xã đạt 60%").
    const ls = levelsIn(text, cityLevel);
    if (ls.length === 1) return [ls[0] ?? null];
  }
  return respectively(text, hits, chosen, cityLevel);
}

const LEVEL_IN_ORDER = /cấp\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?![\p{L}])/gu;

/**
 * "… cấp huyện, UBND cấp xã … đạt tương ứng các cấp là 80%/60%": the values after "tương ứng" take, in order,
 * the levels the clause named before it, when there are as many of each. Other values keep their reading.
 */
function respectively(text: string, hits: readonly ValueHit[], levels: Array<AdminLevel | null>, cityLevel: AdminLevel): Array<AdminLevel | null> {
  const at = fold(text).search(/tương ứng/u);
  if (at < 0) return levels;
  const clauseStart = Math.max(text.lastIndexOf(';', at), 0);
  const named: AdminLevel[] = [];
  for (const m of fold(text.slice(clauseStart, at)).matchAll(LEVEL_IN_ORDER)) {
    const l = m[1] === 'thành phố' ? cityLevel : LEVEL_OF[m[1] ?? ''];
    if (l && !named.includes(l)) named.push(l);
  }
  const clauseEnd = text.indexOf(';', at);
  const after = hits.map((h, i) => ({ h, i })).filter(({ h }) => h.start > at && (clauseEnd < 0 || h.start < clauseEnd));
  if (named.length < 2 || after.length !== named.length) return levels;
  const out = [...levels];
  after.forEach(({ i }, k) => { out[i] = named[k] ?? null; });
  return out;
}

const YEAR_IN_TEXT = /(?:(?:đến|tới|vào|trong|đến hết|hết)\s+năm\s+|đến\s+|giai đoạn\s+\d{4}\s*[-–]\s*)(\d{4})(?!\d)/gu;

/** Target years mentioned in a text ("đến năm 2025", "giai đoạn 2022-2025" → 2025), distinct, in order. */
export function yearsIn(text: string): number[] {
  const ys: number[] = [];
  const f = fold(text);
  // An item led by its year: "- Năm 2022: 94 xã, phường, thị trấn".
  const lead = /^\s*(?:[-–+•*]\s*)?năm\s+(\d{4})\s*:/u.exec(f);
  for (const m of [...(lead ? [lead] : []), ...f.matchAll(YEAR_IN_TEXT)]) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100 && !ys.includes(y)) ys.push(y);
  }
  return ys;
}

/** Splits text into clauses at ";" outside parentheses. */
function clauses(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (i === text.length || (ch === ';' && depth === 0)) {
      out.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return out;
}

function cleanTargetText(s: string): string {
  return stripTrailingPunct(squash(s).replace(LIST_MARKER, ''));
}

/** A list marker at the start of a statement: "-", "+", "•", "(1)", "1)". */
export const LIST_MARKER = /^(?:[-–+*•]|\(\d{1,2}\)|\d{1,2}\))\s*/u;

/** Extracts targets from one item text, given the year in force from its headings; `cityLevel` reads "cấp thành phố". */
export function targetsFromItem(item: string, contextYear: number | null, cityLevel: AdminLevel = 'province'): PlanTarget[] {
  const text = squash(item);
  const all = findValues(text);
  if (all.length === 0) return [];
  const itemYears = yearsIn(text);
  const year = itemYears.length === 1 ? (itemYears[0] ?? null) : contextYear;
  const levels = assignLevels(text, all, cityLevel);
  const leveledSeries = levels.filter((l) => l !== null).length >= 2;
  return all.map((h, i) => {
    const clause = clauses(text).find((c) => h.start >= c.offset && h.start < c.offset + c.text.length + 1);
    const own = leveledSeries || !clause ? text : clause.text;
    return { text: cleanTargetText(own), min: h.min, max: h.max, unit: h.unit, targetYear: year, level: levels[i] ?? null };
  });
}

const HEADING_YEAR = /(?:(?:đến|tới)\s+(?:năm\s+)?|năm\s+|giai đoạn\s+\d{4}\s*[-–]\s*)(\d{4})(?!\d)/gu;

/** Year set by an objectives sub-heading ("Mục tiêu đến năm 2025", "Định hướng đến 2030"); null when none or ambiguous. */
export function headingYear(heading: string): number | null {
  const ys = new Set<number>();
  for (const m of fold(heading).matchAll(HEADING_YEAR)) ys.add(Number(m[1]));
  return ys.size === 1 ? ([...ys][0] ?? null) : null;
}

/** Extracts targets from the blocks of an objectives section; `sectionYear` comes from its heading. */
export function extractTargets(blocks: readonly Block[], sectionYear: number | null, cityLevel: AdminLevel = 'province'): PlanTarget[] {
  const out: PlanTarget[] = [];
  // Heading context: depth → year set by the most recent heading at that depth.
  const context: Array<{ depth: number; year: number | null }> = [{ depth: -1, year: sectionYear }];
  for (const b of blocks) {
    const hasValues = findValues(b.head).length > 0;
    const isHeading = !hasValues && (b.kind === 'number' || b.kind === 'roman' || b.kind === 'letter') && b.body.length === 0;
    if (isHeading || (!hasValues && b.kind === 'number')) {
      while (context.length > 1 && (context[context.length - 1]?.depth ?? -1) >= b.depth) context.pop();
      const y = headingYear(b.head);
      const inherited = context[context.length - 1]?.year ?? null;
      context.push({ depth: b.depth, year: y ?? (/(mục tiêu chung|chung)$/u.test(fold(b.head)) ? null : inherited) });
    }
    const year = [...context].reverse().find((c) => c.year !== null)?.year ?? null;
    // Each paragraph of an item is its own statement.
    for (const para of [b.head, ...b.body]) out.push(...targetsFromItem(para, year, cityLevel));
  }
  return out;
}
