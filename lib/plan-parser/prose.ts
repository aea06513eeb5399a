// Targets stated in running prose, for a copy with no objectives section: a news report of a plan
// ("Theo đó, UBND huyện phấn đấu …, 100% cơ quan nhà nước …") or a plan published as a plain article.
// Read only when the structured reading found no objectives at all, and only from sentences that state an
// aim: a sentence with an aim word ("phấn đấu", "đặt mục tiêu", "hướng đến", "ít nhất" …), or a topic-led
// sentence ("Về chính quyền số, 80% …") after one. Percentages are read, and counts only with a floor ("ít
// nhất 3 mô hình"): in prose a bare number is more often a fact ("23 lớp/7.008 người") than a target, and a
// sum of money a budget ("dự kiến … đồng"). A line that does not end a sentence (a headline, a caption, a
// related-news link) is not read, unless it is where the copy is cut; nor is a line met before. Each target's text is its whole
// sentence, the statement it was read from.
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { headingYear, targetsFromItem } from './targets.ts';
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
const ISSUED_PLAN = /ban hành\s+(?:kế hoạch|chương trình)[^.]*/iu;

/**
 * Year of the plan a report names in its lead ("UBND huyện … vừa ban hành kế hoạch … năm 2024"): the default
 * year of its targets, as a title's is; null when no such sentence or no single year.
 */
export function leadYear(lines: readonly string[]): number | null {
  for (const l of lines.slice(0, 12)) {
    const m = ISSUED_PLAN.exec(l);
    if (m) return headingYear(m[0].replace(/\([^)]*\)/gu, ' '));
  }
  return null;
}

/** Percentage targets (and counts with a floor) stated in prose, in document order; `cityLevel` reads "cấp thành phố". */
export function proseTargets(lines: readonly string[], year: number | null, cityLevel: AdminLevel = 'province'): PlanTarget[] {
  const out: PlanTarget[] = [];
  let aimed = false;
  const ps = paragraphs(lines);
  const seen = new Set<string>();
  for (const [i, p] of ps.entries()) {
    // A line met before is page furniture (the headline again in a related-news list).
    const key = squash(p);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!SENTENCE_END.test(p.trim()) && i !== ps.length - 1) continue;
    for (const s of sentences(p)) {
      const f = fold(s);
      const aim = AIM.test(f);
      if (aim) aimed = true;
      if (PAST.test(f)) continue;
      if (!aim && !(aimed && TOPIC_LEAD.test(f))) continue;
      const text = stripTrailingPunct(squash(s));
      const read = targetsFromItem(s, year, cityLevel).filter((t) => t.unit === 'percent' || (t.unit === 'count' && t.min !== null && t.max === null));
      out.push(...read.map((t) => ({ ...t, text })));
    }
  }
  return out;
}
