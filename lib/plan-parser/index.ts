// Parser for Vietnamese digital-transformation plan documents (Kế hoạch, Quyết định ban hành kế hoạch).
// Pure: text in, structured plan out; no I/O.
import { annexTargets } from './annex.ts';
import { extractBudget } from './budget.ts';
import { issuerLevel, planLevel } from './level.ts';
import { extractMetadata } from './metadata.ts';
import { fold, normaliseLines, squash } from './normalise.ts';
import { leadYear, proseTargets } from './prose.ts';
import { toBlocks, toSections } from './structure.ts';
import type { Section } from './structure.ts';
import { extractTargets, findValues, headingYear } from './targets.ts';
import { extractTasks } from './tasks.ts';
import type { AdminLevel, ParsedPlan, PlanParseResult, PlanTarget } from './types.ts';

export type {
  AdminLevel,
  BudgetLine,
  IndicatorCode,
  IndicatorLink,
  ParsedPlan,
  PlanMetadata,
  PlanParseResult,
  PlanTarget,
  PlanTask,
  TargetUnit,
} from './types.ts';
export { linkTargetToIndicator } from './indicator-link.ts';
export { issuerLevel } from './level.ts';
export { parseTimeframe } from './timeframe.ts';
export { parseMoneyVND, parseVietnameseNumber } from './numbers.ts';

function blockLines(s: Section): string[] {
  return s.blocks.flatMap((b) => [b.head, ...b.body]);
}

const DOC_TYPE = /^(KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUYẾT ĐỊNH)(?![\p{L}])/u;
const SELF_ISSUED = /(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?[^.;:]{0,40}?\s+ban hành\s+(?:kế hoạch|chương trình)[^.;:]{0,200}?(?:như sau|sau đây)/u;
// Not a report on a plan ("Báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND nhằm …"): no "thực hiện"/"kết quả" before
// it, no number between.
const PLAN_PURPOSE = /(?<![\p{L}])(?<!(?:thực hiện|kết quả|báo cáo|tổng kết|sơ kết)\s)kế hoạch(?:\s+[^.;:/\d]{0,60}?)?\s+nhằm(?![\p{L}])/u;
const PLAN_SECTION = /^(căn cứ (lập|xây dựng|ban hành) kế hoạch|mục (đích|tiêu),? yêu cầu)(?![\p{L}])/u;
const NOT_TITLE = /^(căn cứ|thực hiện|theo|xét|nhằm|số\s*:|ủy ban|uỷ ban|ubnd|triển khai thực hiện)/u;

/**
 * Year a plan's title sets ("Kế hoạch chuyển đổi số tỉnh X năm 2024", "... giai đoạn 2024 - 2025"): the
 * default for targets stated without one. The plan's own title wins over a wrapping decision's.
 */
export function titleYear(preamble: Section | undefined): number | null {
  const blocks = preamble?.blocks ?? [];
  const idx = blocks.findLastIndex((b) => DOC_TYPE.test(b.head) && !/^QUYẾT ĐỊNH/u.test(b.head));
  const at = idx >= 0 ? idx : blocks.findIndex((b) => DOC_TYPE.test(b.head));
  if (at < 0) return null;
  const parts = [(blocks[at]?.text ?? '').replace(DOC_TYPE, '')];
  const next = blocks[at + 1];
  if (next && !NOT_TITLE.test(fold(next.head))) parts.push(next.text);
  // A parenthesis cites the decision that issues the plan, with its date.
  return headingYear(parts.join(' ').replace(/\([^)]*\)/gu, ' '));
}

/** Objective regions: objectives sections, plus "N. Mục tiêu ..." sub-sections inside other sections. */
function objectiveTargets(sections: readonly Section[], planYear: number | null, cityLevel: AdminLevel): PlanTarget[] {
  const out: PlanTarget[] = [];
  for (const s of sections) {
    if (s.kind === 'objectives') {
      out.push(...extractTargets(s.blocks, (s.heading ? headingYear(s.heading) : null) ?? planYear, cityLevel));
      continue;
    }
    if (s.kind === 'preamble' || s.kind === 'state') continue;
    // A numbered sub-heading "Mục tiêu ..." / "Chỉ tiêu ..." opens an objectives region until the next one at its depth.
    let i = 0;
    while (i < s.blocks.length) {
      const b = s.blocks[i];
      if (b && (b.kind === 'number' || b.kind === 'roman') && /^(mục tiêu|chỉ tiêu|các chỉ tiêu)/u.test(fold(b.head))) {
        let j = i + 1;
        while (j < s.blocks.length && !((s.blocks[j]?.kind === 'number' || s.blocks[j]?.kind === 'roman') && (s.blocks[j]?.depth ?? 99) <= b.depth)) j++;
        out.push(...extractTargets(s.blocks.slice(i, j), planYear, cityLevel));
        i = j;
      } else i++;
    }
  }
  return out;
}

/**
 * A copy cut mid-sentence right after a value ("… 80% hồ sơ công việc tại cấp huyện và 70% hồ sơ c") leaves that
 * value without its subject: not a target. A value followed by three or more whole syllables before the cut keeps
 * its subject and stays ("100% trường học ứng dụng công nghệ số trong giảng dạy, quản lý và s").
 */
function dropCutValue(lines: readonly string[], targets: PlanTarget[]): PlanTarget[] {
  const tail = lines.at(-1);
  if (tail === undefined || /[.;:!?…)"”]$/u.test(tail)) return targets;
  const last = findValues(tail).at(-1);
  if (!last) return targets;
  const rest = tail.slice(last.end).trim().split(/\s+/u).filter((w) => w !== '');
  // Whole syllables after the value: all but the last, which the cut may have split.
  if (rest.length - 1 >= 3) return targets;
  const end = squash(lines.join(' '));
  const at = targets.findLastIndex((t) => t.min === last.min && t.max === last.max && t.unit === last.unit && end.endsWith(squash(t.text)));
  return at < 0 ? targets : targets.filter((_, i) => i !== at);
}

/** Parses a plan document's text into metadata, targets, tasks and budget. */
export function parsePlanDocument(text: string): PlanParseResult {
  const lines = normaliseLines(text);
  const sections = toSections(toBlocks(lines));
  const preamble = sections.find((s) => s.kind === 'preamble');
  // The basis is cited before the first section, or in a section of its own ("I. CĂN CỨ PHÁP LÝ"); a plan
  // that opens with last year's results ("Phần I. ĐÁNH GIÁ KẾT QUẢ …") cites documents there that are not
  // its basis.
  // The heading may also be "I. CƠ SỞ XÂY DỰNG KẾ HOẠCH" / "CƠ SỞ PHÁP LÝ" (a dash list of documents, no "Căn cứ").
  const basisSections = sections.filter((s) => s.heading !== null && /^(căn cứ|cơ sở (pháp lý|xây dựng|ban hành|lập))/u.test(fold(s.heading)));
  const preambleText = [
    (preamble ? blockLines(preamble).join(' ') : '').split(/(?<![\p{L}])(?:PHẦN|Phần)\s+(?:I|1|THỨ NHẤT)(?![\p{L}\d])/u)[0] ?? '',
    ...basisSections.map((s) => [(s.heading ?? '').replace(/^\S+\s+(?:CĂN CỨ|Căn cứ)[\p{Lu}\s]*/u, ''), ...blockLines(s)].join(' ; ')),
  ].join(' ');
  const meta = extractMetadata(lines, preambleText);

  const year = titleYear(preamble);
  const level = planLevel(meta.issuer, lines);
  // "cấp thành phố" in a plan of a city under a province is the city's own, district level.
  const cityLevel: AdminLevel = meta.issuer !== null && /thành phố/iu.test(meta.issuer) && issuerLevel(meta.issuer) === 'district' ? 'district' : 'province';
  const structured = [...objectiveTargets(sections, year, cityLevel), ...annexTargets(text, year)];
  // A copy with no objectives at all (a news report of a plan, a plan published as an article) states its
  // targets in sentences.
  const tasks = extractTasks(sections);
  const article = structured.length === 0 && tasks.length === 0 && !sections.some((s) => s.kind === 'objectives' || s.kind === 'budget');
  const prose = article ? proseTargets(lines, year ?? leadYear(lines, meta.symbol), cityLevel) : [];
  // A target that names no level is at the level of the plan.
  const targets = dropCutValue(lines, [...structured, ...prose].map((t) => ({ ...t, level: t.level ?? level })));
  const budgetSections = sections.filter((s) => s.kind === 'budget');
  // Sentences, so that a total and a following per-year row joined into one paragraph are read apart.
  const budgetLines = (budgetSections.length > 0 ? budgetSections.flatMap(blockLines) : lines.filter((l) => /kinh phí|dự toán/u.test(fold(l))))
    .flatMap((p) => p.split(/(?<=[.;])\s+(?=\S)/u));
  const { budget, totalVND, totalHedge } = extractBudget(budgetLines);

  const plan: ParsedPlan = { ...meta, targets, tasks, budget, budgetTotalVND: totalVND };
  const warnings: string[] = [];
  const errors: string[] = [];
  if (lines.length === 0) errors.push('empty document');
  if (meta.symbol === null) warnings.push('no document symbol found');
  if (targets.length === 0 && tasks.length === 0) warnings.push('no targets or tasks found');
  // A copy without a number and without targets is still a plan when it has a plan's title and names its
  // issuer (a district page that starts at "KẾ HOẠCH", a commune plan with the number left blank).
  const titled = lines.slice(0, 30).some((l) => DOC_TYPE.test(l));
  // Or when the body declares, in its own words, that it issues this plan ("Ủy ban nhân dân thành phố ban hành Kế
  // hoạch triển khai như sau:"), even in a copy that starts there, without title or name.
  const declared = SELF_ISSUED.test(fold(squash(lines.slice(0, 30).join(' '))));
  // Or when it is a plan's own body: it states the plan's purpose ("Kế hoạch nhằm …", "Kế hoạch được UBND phường xây
  // dựng, triển khai nhằm …", "Thông qua kế hoạch nhằm …"), or carries a plan's own sections ("I. CĂN CỨ LẬP KẾ
  // HOẠCH", "I. MỤC TIÊU, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU") — a copy cut before its number, issuer or targets.
  const body = PLAN_PURPOSE.test(fold(squash(lines.slice(0, 30).join(' ')))) || sections.some((s) => s.heading !== null && PLAN_SECTION.test(fold(s.heading)));
  if (meta.symbol === null && targets.length === 0 && tasks.length === 0 && !(titled && meta.issuer !== null) && !declared && !body) errors.push('no document symbol found', 'no targets or tasks found');
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)], partial: plan };
  if (meta.issuer === null) warnings.push('no issuer found');
  if (meta.issuedOn === null) warnings.push('no issue date found');
  if (!sections.some((s) => s.kind === 'objectives')) warnings.push('no objectives section found; targets are only read from objectives sections');
  if (totalHedge?.kind === 'approximate') warnings.push(`budget total is stated as approximate ("${totalHedge.phrase}"); kept as the total`);
  if (totalHedge?.kind === 'bound') warnings.push(`budget total is stated only as a bound ("${totalHedge.phrase}"); no total recorded`);
  const budgetSum = budget.reduce((a, b) => a + b.amountVND, 0);
  if (totalVND !== null && budget.length > 0 && budgetSum !== totalVND) warnings.push(`budget lines sum to ${budgetSum} đồng but the stated total is ${totalVND} đồng`);
  return { ok: true, plan, warnings };
}
