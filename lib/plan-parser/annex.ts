// Annex tables of targets ("Phụ lục … chỉ tiêu") as web pages give them once flattened: one cell per line,
// cells separated by lines holding only "|", row boundaries lost. The header row says which column holds
// the target's name, its unit and its value; a target row is then recognised by a unit cell followed by a
// value cell, and its name is the cell that many columns before the unit.
import { fold, squash, stripTrailingPunct } from './normalise.ts';
import { parseVietnameseNumber } from './numbers.ts';
import type { PlanTarget, TargetUnit } from './types.ts';

/** Cells of a flattened table: the text between separator lines ("|" alone). Empty when there is none. */
export function flattenedCells(raw: string): string[] {
  const lines = raw.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const separators = lines.filter((l) => l.trim() === '|').length;
  if (separators < 8) return [];
  const cells: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === '|') {
      cells.push(squash(cur.join(' ')));
      cur = [];
    } else cur.push(l);
  }
  cells.push(squash(cur.join(' ')));
  return cells;
}

const NAME_HEAD = /^(tên chỉ tiêu|chỉ tiêu|nội dung chỉ tiêu|tên tiêu chí)$/u;
const UNIT_HEAD = /^đơn vị( tính)?$/u;
const VALUE_HEAD = /(chỉ tiêu|giá trị|mục tiêu|kế hoạch|năm \d{4})/u;

function unitOf(cell: string): TargetUnit | null {
  const c = fold(cell);
  if (c === '%' || /^tỷ lệ\s*\(?%\)?$/u.test(c)) return 'percent';
  // A count unit: a short noun ("người", "hộ", "doanh nghiệp"), no digits.
  if (c.length > 0 && c.length <= 15 && /^\p{L}[\p{L} ]*$/u.test(c) && !/^(stt|tt)$/u.test(c)) return 'count';
  return null;
}

function valueOf(cell: string): { min: number | null; max: number | null } | null {
  const c = fold(cell).replace(/\s+/gu, ' ').trim();
  const range = /^(\d[\d.,]*)\s*%?\s*(?:-|–|đến)\s*(\d[\d.,]*)\s*%?$/u.exec(c);
  if (range) {
    const a = parseVietnameseNumber(range[1] ?? '');
    const b = parseVietnameseNumber(range[2] ?? '');
    return a !== null && b !== null && a < b ? { min: a, max: b } : null;
  }
  const lower = /^(?:≥|>=|>|trên|tối thiểu|từ)\s*(\d[\d.,]*)\s*%?(?:\s*trở lên)?$/u.exec(c) ?? /^(\d[\d.,]*)\s*%?\s*trở lên$/u.exec(c);
  if (lower) {
    const v = parseVietnameseNumber(lower[1] ?? '');
    return v === null ? null : { min: v, max: null };
  }
  const single = /^(\d[\d.,]*)\s*%?$/u.exec(c);
  if (single) {
    const v = parseVietnameseNumber(single[1] ?? '');
    return v === null ? null : { min: v, max: v };
  }
  return null;
}

/** Targets of a flattened annex table, with the plan's year and level; empty when the text holds none. */
export function annexTargets(raw: string, year: number | null): PlanTarget[] {
  const cells = flattenedCells(raw);
  const nameAt = cells.findIndex((c) => NAME_HEAD.test(fold(c)));
  if (nameAt < 0) return [];
  const unitAt = cells.findIndex((c, i) => i > nameAt && UNIT_HEAD.test(fold(c)));
  if (unitAt < 0 || !VALUE_HEAD.test(fold(cells[unitAt + 1] ?? ''))) return [];
  const offset = unitAt - nameAt;
  const out: PlanTarget[] = [];
  for (let i = unitAt + 2; i + 1 < cells.length; i++) {
    const unit = unitOf(cells[i] ?? '');
    const value = unit === null ? null : valueOf(cells[i + 1] ?? '');
    const name = cells[i - offset] ?? '';
    if (unit === null || value === null || !/^\p{L}/u.test(name) || parseVietnameseNumber(name) !== null) continue;
    out.push({ text: stripTrailingPunct(name), ...value, unit, targetYear: year, level: null });
    i++;
  }
  return out;
}
