// Tasks: (0) rows of a task table ("STT | Nhiệm vụ | Cơ quan chủ trì | ..."); (1) items followed by
// labelled fields ("Đơn vị chủ trì:", "Cơ quan phối hợp:", "Đơn vị thực hiện: X chủ trì, ...", "Thời gian
// thực hiện:", "Kết quả:"); (2) assignments under an agency heading ("2. Sở Nội vụ: a) Chủ trì, phối
// hợp với ... xây dựng ..."); (3) inline "Sở X chủ trì, phối hợp với Y ..." sentences; (4) an item whose
// title is followed by a sentence that only names the performers ("1. Title. Sở X chủ trì, phối hợp với Y
// thực hiện; thời gian hoàn thành: năm 2023.", "Title:" / "Giao Sở X chủ trì ...", "Sở X (chủ trì)").
import { AGENCY_START, hasListEndVerb, inlineCooperating, splitAgencies } from './agencies.ts';
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { isTableRow, tableCells } from './structure.ts';
import type { Block, Section } from './structure.ts';
import { parseTimeframe } from './timeframe.ts';
import type { PlanTask } from './types.ts';

type FieldName = 'lead' | 'cooperating' | 'performer' | 'timeframe' | 'result' | 'content';

const FIELD_LABELS: ReadonlyArray<readonly [FieldName, RegExp]> = [
  // "Đơn vị thực hiện: Phòng Nội vụ chủ trì, phối hợp với ...": lead and cooperating in one field.
  ['performer', /^(?:(?:đơn vị|cơ quan|bộ phận)\s+thực hiện|trách nhiệm thực hiện|phân công thực hiện)\s*:\s*/u],
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

// Where a paragraph holding several fields ("Đơn vị chủ trì: X; đơn vị phối hợp: Y; thời gian hoàn thành: Z")
// is cut: at ";" or "." before a label and its colon.
const FIELD_BOUNDARY = /[;.]\s+(?=(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|phối hợp|thực hiện)[^:;.]{0,25}:|(?:thời gian|thời hạn|tiến độ)[^:;.]{0,25}:|(?:kết quả|sản phẩm)[^:;.]{0,30}:)/giu;

/** The labelled fields of a paragraph, which may hold several ("Chủ trì: X; phối hợp: Y"); [] when it does not start with one. */
export function parseFields(text: string): Array<{ field: FieldName; value: string }> {
  if (!parseField(text)) return [];
  const out: Array<{ field: FieldName; value: string }> = [];
  let start = 0;
  for (const m of text.matchAll(FIELD_BOUNDARY)) {
    const f = parseField(text.slice(start, m.index));
    if (f) out.push(f);
    start = m.index + m[0].length;
  }
  const last = parseField(text.slice(start));
  if (last) out.push(last);
  return out;
}

// "Giao Sở X chủ trì ...": the assignment verb is not part of the agency name.
const ASSIGN_PREFIX = /^giao\s+(?:cho\s+)?/iu;
// "... phối hợp với Y thực hiện": a closing verb that only says they do it, not what.
const CLOSING_VERB = /\s+(?:cùng\s+)?(?:tổ chức\s+)?(?:thực hiện|triển khai(?:\s+thực hiện)?)(?:\s+nhiệm vụ(?:\s+này)?)?$/u;
// "Sở X (chủ trì), Sở Y (phối hợp)": roles written as notes after the names.
const ROLE_NOTE = /\(\s*(?:đơn vị\s+|cơ quan\s+)?(chủ trì|phối hợp)\s*\)/giu;

function dropAssignVerb(v: string): string {
  const rest = v.replace(ASSIGN_PREFIX, '');
  return rest !== v && AGENCY_START.test(rest) ? rest : v;
}

function dropClosingVerb(v: string): string {
  return ` ${v}`.replace(CLOSING_VERB, '').trim();
}

function dropLeadingSeparator(s: string): string {
  return s.replace(/^\s*[,;]\s*/u, '');
}

/** "Sở X (chủ trì), Sở Y, Sở Z (phối hợp)"; names after "X (chủ trì)" with no note of their own cooperate. */
function annotatedPerformers(v: string): { lead: string[]; cooperating: string[] } | null {
  const notes = [...v.matchAll(ROLE_NOTE)];
  if (notes.length === 0) return null;
  const lead: string[] = [];
  const cooperating: string[] = [];
  let start = 0;
  for (const n of notes) {
    const names = agencies(dropLeadingSeparator(v.slice(start, n.index)));
    (fold(n[1] ?? '') === 'chủ trì' ? lead : cooperating).push(...names);
    start = n.index + n[0].length;
  }
  const tail = agencies(dropLeadingSeparator(v.slice(start)));
  (lead.length === 0 ? lead : cooperating).push(...tail);
  return { lead, cooperating };
}

/** Cooperating list of what follows "X chủ trì" ("phối hợp với Y", "; Y phối hợp"), '' when none, null when it is not one. */
function cooperatingAfterLead(rest: string): string | null {
  const r = dropClosingVerb(stripTrailingPunct(rest));
  if (r === '') return '';
  return /^[,;]?\s*(?:và\s+)?phối hợp(?:\s+với)?\s+(.+)$/u.exec(r)?.[1] ?? /^[,;]?\s*(.+?)\s+(?:cùng\s+)?phối hợp$/u.exec(r)?.[1] ?? null;
}

// "X chủ trì …", and "Chủ tịch UBND các xã chịu trách nhiệm (chủ trì) …": the office that answers for a task leads it.
const LEAD_THEN_REST = /^(.+?)\s+(?:chủ trì|chịu trách nhiệm(?:\s+chủ trì)?)(?![\p{L}])\s*(.*)$/u;

// "Trưởng Phòng Văn hóa và Thông tin chủ trì", "Giám đốc Sở X chủ trì", "Chủ tịch UBND các xã …", "Chánh Văn
// phòng UBND tỉnh": the office holder speaks for the office, which is the agency.
const OFFICE_HOLDER = /^(?:Phó\s+)?(?:Trưởng|Giám đốc|Chủ tịch|Thủ trưởng|Người đứng đầu|Chánh)\s+(?=\p{Lu}|các\s|UBND|Ủy ban|Uỷ ban)/u;

function agencies(raw: string): string[] {
  return splitAgencies(raw).map((n) => n.replace(OFFICE_HOLDER, ''));
}

/** Lead and cooperating agencies from "X chủ trì, phối hợp với Y (thực hiện)" / "X chủ trì; Y phối hợp" / "X (chủ trì), Y (phối hợp)" / "X". */
export function performers(value: string): { lead: string[]; cooperating: string[] } {
  const v = dropAssignVerb(stripTrailingPunct(squash(value)));
  const annotated = annotatedPerformers(v);
  if (annotated) return annotated;
  const m = LEAD_THEN_REST.exec(v);
  if (!m?.[1]) return { lead: agencies(v), cooperating: [] };
  const coop = cooperatingAfterLead(m[2] ?? '') ?? '';
  return { lead: agencies(m[1]), cooperating: coop === '' ? [] : agencies(coop) };
}

const isAgencyList = (s: string): boolean => {
  const names = splitAgencies(s);
  return names.length > 0 && !hasListEndVerb(s) && names.every((n) => AGENCY_START.test(n) && n.split(/\s+/u).length <= 20);
};

/**
 * Whether a clause only says who performs a task, with no work in it: "Sở X chủ trì, phối hợp với Y thực
 * hiện", "Giao Sở X chủ trì", "Sở X chủ trì; Y phối hợp", "Sở X (chủ trì), Sở Y (phối hợp)".
 */
export function isPerformerClause(text: string): boolean {
  const v = dropAssignVerb(stripTrailingPunct(squash(text)));
  if (!AGENCY_START.test(v) || /[.:]/u.test(v)) return false;
  if ([...v.matchAll(ROLE_NOTE)].length > 0) return isAgencyList(v.replace(ROLE_NOTE, ' ').replace(/\s+([,;])/gu, '$1'));
  const m = LEAD_THEN_REST.exec(v);
  if (!m?.[1] || !isAgencyList(m[1])) return false;
  const coop = cooperatingAfterLead(m[2] ?? '');
  return coop === '' || (coop !== null && isAgencyList(coop));
}

// The first place a paragraph moves on to a labelled field ("; thời gian hoàn thành:").
const FIRST_FIELD_BOUNDARY = new RegExp(FIELD_BOUNDARY.source, 'iu');

/**
 * Fields of a paragraph that says who performs a task and when, labelled ("Cơ quan chủ trì: X; thời gian:
 * Y") or as a sentence ("Sở X chủ trì, phối hợp với Y thực hiện; thời gian hoàn thành: năm 2023").
 */
export function taskFields(text: string): Array<{ field: FieldName; value: string }> {
  const labelled = parseFields(text);
  if (labelled.length > 0) return labelled;
  const cut = FIRST_FIELD_BOUNDARY.exec(text);
  const head = cut ? text.slice(0, cut.index) : text;
  if (isPerformerClause(head)) return [{ field: 'performer', value: head }, ...(cut ? parseFields(text.slice(cut.index + cut[0].length)) : [])];
  // "Sở X chủ trì thực hiện. Hoàn thành trong năm 2023.": the sentence after the performers is not a field.
  const first = firstSentence(text);
  return first !== text && isPerformerClause(first) ? [{ field: 'performer', value: first }] : [];
}

/** "Title. Sở X chủ trì ...; thời gian: Y" or "Title: Giao Sở X chủ trì ..." in one item: the title and the fields after it. */
function titleAndFields(head: string): { title: string; fields: Array<{ field: FieldName; value: string }> } | null {
  for (const m of head.matchAll(/[.:]\s+(?=\p{Lu})/gu)) {
    const fields = taskFields(head.slice(m.index + m[0].length));
    if (fields.some((f) => f.field !== 'content')) return { title: head.slice(0, m.index), fields };
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

function applyField(task: PlanTask, field: { field: FieldName; value: string }): void {
  switch (field.field) {
    case 'lead':
      task.lead = splitAgencies(field.value);
      break;
    case 'cooperating':
      task.cooperating = splitAgencies(field.value);
      break;
    case 'performer': {
      const p = performers(field.value);
      task.lead = p.lead;
      if (p.cooperating.length > 0) task.cooperating = p.cooperating;
      break;
    }
    case 'timeframe':
      setTimeframe(task, field.value);
      break;
    case 'result': {
      const r = stripTrailingPunct(field.value);
      task.result = r === '' ? null : r;
      break;
    }
    case 'content':
      break;
  }
}

/** Tasks written as an item followed by labelled fields, as bullets or as paragraphs under the item. */
function fieldTasks(blocks: readonly Block[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  let title: string | null = null;
  let current: PlanTask | null = null;
  const apply = (fields: ReadonlyArray<{ field: FieldName; value: string }>): void => {
    for (const field of fields) {
      if (field.field === 'content') continue;
      if (!current) {
        if (title === null) return;
        current = emptyTask(title);
        tasks.push(current);
      }
      applyField(current, field);
    }
  };
  for (const b of blocks) {
    if (isTableRow(b.text)) continue;
    const titled = TITLE_KINDS.has(b.kind) && b.kind !== 'none';
    // A numbered item that is only a performer sentence would be read as a title; under a title it is the
    // title's fields only when it is a bullet ("1. Title" / "- Sở X chủ trì, phối hợp với Y thực hiện").
    const fields = titled ? parseFields(b.text) : taskFields(b.text);
    if (fields.length === 0) {
      // A numbered/lettered non-field item is a new task title; bullets between fields are content.
      if (titled) {
        // "1. Title. Sở X chủ trì, phối hợp với Y thực hiện; thời gian: Z." holds title and fields in one paragraph.
        const split = titleAndFields(b.head);
        title = cleanTitle(split?.title ?? b.head);
        current = null;
        if (split) apply(split.fields);
      } else if (b.kind === 'none' && current === null && title === null) {
        title = cleanTitle(b.head);
      }
      // Fields may follow the title as paragraphs of the same item ("1.1. Title:" / "Sở X chủ trì ...").
      if (b.kind !== 'none') for (const para of b.body) apply(taskFields(para));
      continue;
    }
    apply(fields);
  }
  return tasks.filter((t) => t.lead.length > 0 || t.timeframe !== null || t.result !== null);
}

// Column headers of a task table ("STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành").
const COLUMN_OF: ReadonlyArray<readonly [Exclude<FieldName, 'content' | 'performer'> | 'title', RegExp]> = [
  ['lead', /chủ trì/u],
  ['cooperating', /phối hợp/u],
  ['timeframe', /thời gian|thời hạn|tiến độ|hoàn thành/u],
  ['result', /kết quả|sản phẩm/u],
  ['title', /nhiệm vụ|nội dung|tên (?:đề án|dự án|nhiệm vụ)|hoạt động/u],
];

/** Tasks from a flattened table whose header row names a task column and a lead column. */
function tableTasks(blocks: readonly Block[]): PlanTask[] {
  const tasks: PlanTask[] = [];
  let columns: Map<string, number> | null = null;
  let width = 0;
  for (const b of blocks) {
    if (!isTableRow(b.text)) {
      if (b.kind !== 'none') columns = null;
      continue;
    }
    const cells = tableCells(b.text);
    const header = new Map<string, number>();
    cells.forEach((c, i) => {
      const col = COLUMN_OF.find(([, re]) => re.test(fold(c)))?.[0];
      if (col && !header.has(col)) header.set(col, i);
    });
    if (header.has('title') && header.has('lead')) {
      columns = header;
      width = cells.length;
      continue;
    }
    if (!columns) continue;
    const cell = (name: string): string => {
      const i = columns?.get(name);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const title = cleanTitle(cell('title'));
    // Group rows ("I | Chính quyền số") have fewer cells and no lead.
    if (cells.length < width - 1 || title === '' || cell('lead') === '') continue;
    const task = emptyTask(title);
    task.lead = splitAgencies(cell('lead'));
    task.cooperating = splitAgencies(cell('cooperating'));
    if (cell('timeframe') !== '') setTimeframe(task, cell('timeframe'));
    const r = stripTrailingPunct(cell('result'));
    task.result = r === '' ? null : r;
    tasks.push(task);
  }
  return tasks;
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
    if (isTableRow(b.text)) continue;
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
    if (isTableRow(b.text)) continue;
    for (const para of [b.head, ...b.body]) {
      // Fields of a task titled elsewhere (fieldTasks reads them), not a task of their own.
      if (taskFields(para).length > 0) continue;
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
    if (s.kind === 'state' || s.kind === 'budget') continue;
    // An annexed task table can sit anywhere, even before the first heading.
    for (const t of tableTasks(s.blocks)) add(t);
    if (s.kind === 'preamble' || s.kind === 'purpose') continue;
    for (const t of fieldTasks(s.blocks)) add(t);
    if (s.kind === 'tasks' || s.kind === 'organisation' || s.kind === 'other') {
      for (const t of assignmentTasks(s.blocks)) add(t);
      for (const t of inlineTasks(s.blocks)) add(t);
    }
  }
  return out;
}
