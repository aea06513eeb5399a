// Targets stated in running prose, for a copy with no objectives section: a news report of a plan
// ("Theo đó, UBND huyện phấn đấu …, 100% cơ quan nhà nước …") or a plan published as a plain article.
// Read only when the structured reading found no objectives at all, and only from sentences that state an
// aim: a sentence with an aim word ("phấn đấu", "đặt mục tiêu", "hướng đến", "ít nhất" …), or a topic-led
// sentence ("Về chính quyền số, 80% …") after one. Percentages are read, and counts only with a floor ("ít
// nhất 3 mô hình"): in prose a bare number is more often a fact ("23 lớp/7.008 người") than a target, and a
// sum of money a budget ("dự kiến … đồng"). A line that does not end a sentence (a headline, a caption, a
// related-news link) is not read, unless it is where the copy is cut; nor is a line met before. Each target's text is its whole
// sentence, the statement it was read from. A statement that announces a list of targets ("giao chỉ tiêu … cụ thể
// như sau") makes the items after it targets, counts included; "mục tiêu đến năm 2025" sets the year of the
// sentences after it.
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { LIST_MARKER, headingYear, targetsFromItem } from './targets.ts';
import type { AdminLevel, PlanTarget } from './types.ts';

const AIM = /(?<![\p{L}])(phấn đấu|đặt mục tiêu|mục tiêu|chỉ tiêu|hướng đến|hướng tới|dự kiến|ít nhất|tối thiểu)(?![\p{L}])/u;
const TOPIC_LEAD = /^(về|trong lĩnh vực|đối với|riêng)\s+[^,]{1,60},/u;
// A sentence reporting what was done is not an aim, even after one.
const PAST = /(?<![\p{L}])(đã|đạt được|vừa qua|năm qua|hiện nay|hiện có)(?![\p{L}])/u;

/** Paragraphs from lines: a line that starts with ";", "," or a lower-case letter continues the one before. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const prev = out.length - 1;
    if (prev >= 0 && /^[;,]|^\p{Ll}/u.test(l)) out[prev] = `${out[prev] ?? ''} ${l}`;
    else out.push(l);
  }
  return out;
}

/** Sentences of a paragraph: a full stop (or "...") followed by a capital or a digit ends one. */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d])/u).filter((s) => s.trim() !== '');
}

const SENTENCE_END = /[.;:!?…)"”]$/u;
// The plan the report is about: issued ("vừa ban hành kế hoạch …"), or put into effect by the body it binds
// ("UBND xã … triển khai Kế hoạch chuyển đổi số năm 2025", "thông qua kế hoạch …").
const ISSUED_PLAN = /(?:ban hành|triển khai|thông qua)\s+(?:kế hoạch|chương trình)[^.]*/iu;
// A sentence that sets the year of the objectives after it ("Cụ thể mục tiêu đến năm 2025 … là: …").
const AIM_YEAR = /(?:mục tiêu|chỉ tiêu)[^.;:]{0,40}?(?:đến|tới)\s+năm\s+(\d{4})(?!\d)/u;
// A statement that announces a list of targets ("… giao chỉ tiêu … Cụ thể như sau", "… theo từng năm, cụ thể như
// sau:"): the statements after it are its items, read with their counts until one without a value ends a sentence.
const LIST_OPENER = /(?:như sau|sau đây)\s*:?\s*$|:\s*$/u;
const TARGETS_WORD = /(?<![\p{L}])(chỉ tiêu|mục tiêu)(?![\p{L}])/u;
// Or an aim that a colon closes inside its paragraph, the first item after it ("… tỉnh Lào Cai phấn đấu đến năm
// 2025: Có 100% hệ thống …"), the next items on lines of their own.
const AIM_COLON = /(?<![\p{L}])(phấn đấu|đặt mục tiêu|mục tiêu|chỉ tiêu)(?![\p{L}])[^.;:]{0,80}:\s*\S/u;

/**
 * Year of the plan a report names in its lead ("UBND huyện … vừa ban hành kế hoạch … năm 2024"): the default
 * year of its targets, as a title's is; null when no such sentence or no single year.
 */
export function leadYear(lines: readonly string[], ownSymbol: string | null = null): number | null {
  for (const l of lines.slice(0, 12)) {
    const m = ISSUED_PLAN.exec(l);
    if (m) return headingYear(m[0].replace(/\([^)]*\)/gu, ' '));
  }
  // Or the sentence that names the plan by its number ("Thực hiện Kế hoạch số 29/KH-UBND … năm 2025; UBND xã …
  // xây dựng Kế hoạch số: 25/KH-UBND ngày 11/02/2025 về …"): its one year, dates in figures aside.
  if (ownSymbol !== null) {
    for (const l of lines.slice(0, 12)) {
      const s = sentences(l).find((x) => x.includes(ownSymbol));
      if (s) return headingYear(s.replace(/\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/gu, ' '));
    }
  }
  return null;
}

/** Percentage targets (and counts with a floor) stated in prose, in document order; `cityLevel` reads "cấp thành phố". */
export function proseTargets(lines: readonly string[], year: number | null, cityLevel: AdminLevel = 'province'): PlanTarget[] {
  const out: PlanTarget[] = [];
  let aimed = false;
  // Inside a list of targets its opener announced (see LIST_OPENER).
  let listed = false;
  let running = year;
  const ps = paragraphs(lines);
  const seen = new Set<string>();
  for (const [i, p] of ps.entries()) {
    // A line met before is page furniture (the headline again in a related-news list).
    const key = squash(p);
    if (seen.has(key)) continue;
    seen.add(key);
    const f0 = fold(p.trim());
    if (((LIST_OPENER.test(f0) && TARGETS_WORD.test(f0)) || AIM_COLON.test(f0)) && !PAST.test(f0)) {
      listed = true;
      aimed = true;
    }
    if (!SENTENCE_END.test(p.trim()) && i !== ps.length - 1) continue;
    // A list goes on while its paragraphs hold values: one without any ends it (a sentence without a value inside
    // an item's paragraph does not: "Mỗi cơ sở … trực tuyến. Tỷ lệ … đạt trên 30%.").
    const listedHere = listed;
    let valuedHere = false;
    // A sentence that goes on, in the same paragraph, from one stating an aim states aims too ("Huyện hướng đến
    // 100% …. Tỷ lệ số hóa hồ sơ … đạt 90%, …"), unless it reports what was done.
    let aimInParagraph = false;
    for (const s of sentences(p)) {
      const f = fold(s);
      const aim = AIM.test(f) || aimInParagraph;
      if (AIM.test(f) && !PAST.test(f)) aimInParagraph = true;
      if (aim) aimed = true;
      const y = AIM_YEAR.exec(f);
      if (y?.[1]) running = Number(y[1]);
      if (PAST.test(f)) {
        listed = false;
        continue;
      }
      const text = stripTrailingPunct(squash(s)).replace(LIST_MARKER, '');
      const all = targetsFromItem(s, running, cityLevel);
      if (listed && listedHere) {
        if (all.length > 0 || LIST_OPENER.test(f)) valuedHere = true;
        out.push(...all.filter((t) => t.unit !== 'VND').map((t) => ({ ...t, text })));
        continue;
      }
      if (!aim && !(aimed && TOPIC_LEAD.test(f))) continue;
      const read = all.filter((t) => t.unit === 'percent' || (t.unit === 'count' && t.min !== null && t.max === null));
      out.push(...read.map((t) => ({ ...t, text })));
    }
    if (listedHere && listed && !valuedHere) listed = false;
  }
  return out;
}
