// Tasks: (1) items followed by labelled fields ("Đơn vị chủ trì:", "Cơ quan phối hợp:", "Thời gian
// thực hiện:", "Kết quả:"); (2) assignments under an agency heading ("2. Sở Nội vụ: a) Chủ trì, phối
// hợp với ... xây dựng ..."); (3) inline "Sở X chủ trì, phối hợp với Y ..." sentences.
import { AGENCY_START, inlineCooperating, splitAgencies } from './agencies.ts';
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import type { Block, Section } from './structure.ts';
import { parseTimeframe } from './timeframe.ts';
import type { PlanTask } from './types.ts';

type FieldName = 'lead' | 'cooperating' | 'timeframe' | 'result' | 'content';

const FIELD_LABELS: ReadonlyArray<readonly [FieldName, RegExp]> = [
  ['lead', /^(?:(?:đơn vị|cơ quan|bộ phận)\s+)?chủ trì(?:\s+(?:thực hiện|triển khai))?\s*:\s*/u],
  ['cooperating', /^(?:(?:đơn vị|cơ quan|bộ phận)\s+)?phối hợp(?:\s+(?:thực hiện|triển khai))?\s*:\s*/u],
  ['timeframe', /^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*/u],
  ['result', /^(?:kết quả|sản phẩm)(?:\s*(?:,|và|\/)\s*sản phẩm)?(?:\s+(?:dự kiến|đầu ra|đạt được))?\s*:\s*/u],
  ['content', /^nội dung(?:\s+thực hiện)?\s*:\s*/u],
];

/** Recognises a labelled task field at the start of a block; returns the field and its value. */
export function parseField(text: string): { field: FieldName; value: string } | null {
  const f = fold(text);
  for (const [field, re] of FIELD_LABELS) {
    const m = re.exec(f);
    if (m) return { field, value: squash(text.slice(m[0].length)) };
  }
  return null;
}

function emptyTask(title: string): PlanTask {
  return { title, lead: [], cooperating: [], timeframe: null, timeframeFrom: null, timeframeTo: null, result: null };
}

function cleanTitle(s: string): string {
  return stripTrailingPunct(squash(s));
}

/** First sentence of a paragraph (cut at ". " before a capital). */
function firstSentence(s: string): string {
  const m = /\.\s+(?=\p{Lu})/u.exec(s);
  return m ? s.slice(0, m.index) : s;
}

function setTimeframe(task: PlanTask, value: string): void {
  const tf = stripTrailingPunct(value);
  task.timeframe = tf === '' ? null : tf;
  const range = parseTimeframe(tf);
  task.timeframeFrom = range?.from ?? null;
  task.timeframeTo = range?.to ?? null;
}

const TITLE_KINDS = new Set(['roman', 'number', 'letter', 'none']);

/** Tasks written as an item followed by labelled fields. */
function fieldTasks(blocks: readonly Block[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  let title: string | null = null;
  let current: PlanTask | null = null;
  for (const b of blocks) {
    const field = parseField(b.text);
    if (!field) {
      // A numbered/lettered non-field item is a new task title; bullets between fields are content.
      if (b.kind !== 'none' && TITLE_KINDS.has(b.kind)) {
        title = cleanTitle(b.head);
        current = null;
      } else if (b.kind === 'none' && current === null && title === null) {
        title = cleanTitle(b.head);
      }
      continue;
    }
    if (field.field === 'content') continue;
    if (!current) {
      if (title === null) continue;
      current = emptyTask(title);
      tasks.push(current);
    }
    switch (field.field) {
      case 'lead':
        current.lead = splitAgencies(field.value);
        break;
      case 'cooperating':
        current.cooperating = splitAgencies(field.value);
        break;
      case 'timeframe':
        setTimeframe(current, field.value);
        break;
      case 'result': {
        const r = stripTrailingPunct(field.value);
        current.result = r === '' ? null : r;
        break;
      }
    }
  }
  return tasks.filter((t) => t.lead.length > 0 || t.timeframe !== null || t.result !== null);
}

const CHU_TRI_START = /^chủ trì(?![\p{L}])(?!\s*:)/u;

/** Whether a heading names an agency ("Sở Thông tin và Truyền thông", "UBND các huyện, thị xã, thành phố:"). */
function agencyHeading(b: Block): string | null {
  if (b.kind !== 'number') return null;
  const h = stripTrailingPunct(b.head);
  if (!AGENCY_START.test(h)) return null;
  if (h.split(/\s+/).length > 30 || /chủ trì/u.test(fold(h))) return null;
  return h;
}

function assignmentTask(agency: string, item: string): PlanTask {
  const title = cleanTitle(firstSentence(squash(item)));
  const task = emptyTask(title);
  task.lead = splitAgencies(agency);
  task.cooperating = inlineCooperating(title);
  return task;
}

/** Tasks written as "N. <Agency>" followed by items starting with "Chủ trì". */
function assignmentTasks(blocks: readonly Block[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  let agency: string | null = null;
  for (const b of blocks) {
    const a = agencyHeading(b);
    if (a !== null) {
      agency = a;
      for (const para of b.body) if (CHU_TRI_START.test(fold(para))) tasks.push(assignmentTask(agency, para));
      continue;
    }
    if (b.kind === 'number' || b.kind === 'roman') {
      agency = null;
      continue;
    }
    if (agency === null) continue;
    // A marked item is one statement even if a wrapped line looked like a new paragraph.
    const paras = b.kind === 'none' ? [b.head, ...b.body] : [b.text];
    for (const para of paras) if (CHU_TRI_START.test(fold(para))) tasks.push(assignmentTask(agency, para));
  }
  return tasks;
}

const INLINE_LEAD = /^(?:giao\s+)?(.{3,120}?)\s+chủ trì(?![\p{L}])(?!\s*:)/u;

/** Tasks stated as "<Agency> chủ trì, phối hợp với ... <task>" in one sentence. */
function inlineTasks(blocks: readonly Block[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  for (const b of blocks) {
    for (const para of [b.head, ...b.body]) {
      if (parseField(para)) continue;
      const sentence = firstSentence(squash(para));
      const m = INLINE_LEAD.exec(sentence);
      const agency = m?.[1]?.replace(/^giao\s+/iu, '');
      if (!agency || !AGENCY_START.test(agency) || agency.split(/\s+/).length > 20) continue;
      if (/[.:]/u.test(agency)) continue;
      const task = emptyTask(cleanTitle(sentence));
      task.lead = splitAgencies(agency);
      task.cooperating = inlineCooperating(sentence.slice((m?.index ?? 0) + (m?.[0].length ?? 0)));
      tasks.push(task);
    }
  }
  return tasks;
}

/** Extracts tasks from the sections that can hold them (tasks, organisation, objectives, other). */
export function extractTasks(sections: readonly Section[]): PlanTask[] {
  const out: PlanTask[] = [];
  const seen = new Set<string>();
  const add = (t: PlanTask): void => {
    const key = fold(t.title);
    if (t.title === '' || seen.has(key)) return;
    seen.add(key);
    out.push(t);
  };
  for (const s of sections) {
    if (s.kind === 'preamble' || s.kind === 'state' || s.kind === 'purpose' || s.kind === 'budget') continue;
    for (const t of fieldTasks(s.blocks)) add(t);
    if (s.kind === 'tasks' || s.kind === 'organisation' || s.kind === 'other') {
      for (const t of assignmentTasks(s.blocks)) add(t);
      for (const t of inlineTasks(s.blocks)) add(t);
    }
  }
  return out;
}
