// Targets stated in running prose, for a copy with no objectives section: a news report of a plan
// ("Theo đó, UBND huyện phấn đấu …, 100% cơ quan nhà nước …") or a plan published as a plain article.
// Read only when the structured reading found no objectives at all, and only from sentences that state an
// aim: a sentence with an aim word ("phấn đấu", "đặt mục tiêu", "hướng đến" …), or a topic-led sentence
// ("Về chính quyền số, 80% …") after one. Only percentages are read here: in prose a bare number is more
// often a fact ("23 lớp/7.008 người") than a target, and a sum of money a budget ("dự kiến … đồng").
// Each target's text is its whole sentence, the statement it was read from.
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { targetsFromItem } from './targets.ts';
import type { AdminLevel, PlanTarget } from './types.ts';

const AIM = /(?<![\p{L}])(phấn đấu|đặt mục tiêu|mục tiêu|chỉ tiêu|hướng đến|hướng tới|dự kiến)(?![\p{L}])/u;
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

/** Percentage targets stated in prose, in document order; `cityLevel` reads "cấp thành phố". */
export function proseTargets(lines: readonly string[], year: number | null, cityLevel: AdminLevel = 'province'): PlanTarget[] {
  const out: PlanTarget[] = [];
  let aimed = false;
  for (const p of paragraphs(lines)) {
    for (const s of sentences(p)) {
      const f = fold(s);
      const aim = AIM.test(f);
      if (aim) aimed = true;
      if (PAST.test(f)) continue;
      if (!aim && !(aimed && TOPIC_LEAD.test(f))) continue;
      const text = stripTrailingPunct(squash(s));
      out.push(...targetsFromItem(s, year, cityLevel).filter((t) => t.unit === 'percent').map((t) => ({ ...t, text })));
    }
  }
  return out;
}
