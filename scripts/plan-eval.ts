// Compares the plan parser's output with the hand-checked fixtures in test/fixtures/plans and prints
// precision/recall per document and overall. Usage: npx node scripts/plan-eval.ts
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { agencyKey } from '../lib/plan-parser/agencies.ts';
import { parsePlanDocument } from '../lib/plan-parser/index.ts';
import type { BudgetLine, ParsedPlan, PlanTarget, PlanTask } from '../lib/plan-parser/index.ts';
import { fold } from '../lib/plan-parser/normalise.ts';

const targetSchema = z.object({
  text: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.enum(['percent', 'count', 'VND']),
  targetYear: z.number().int().nullable(),
  level: z.enum(['province', 'district', 'commune']).nullable(),
});
const taskSchema = z.object({
  title: z.string(),
  lead: z.array(z.string()),
  cooperating: z.array(z.string()),
  timeframe: z.string().nullable(),
  timeframeFrom: z.string().nullable(),
  timeframeTo: z.string().nullable(),
  result: z.string().nullable(),
});
/** A hand-written expected extraction. */
export const fixtureSchema = z.object({
  symbol: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  legalBasis: z.array(z.string()),
  targets: z.array(targetSchema),
  tasks: z.array(taskSchema),
  budget: z.array(z.object({ year: z.number().int(), amountVND: z.number() })),
  budgetTotalVND: z.number().nullable(),
});
export type Fixture = z.infer<typeof fixtureSchema>;

/** Matched/predicted/expected counts, from which precision and recall follow. */
export interface Counts {
  matched: number;
  predicted: number;
  expected: number;
}

/** Per-document comparison. */
export interface DocScore {
  name: string;
  targets: Counts;
  targetValues: Counts;
  /** Target text equal after whitespace normalisation: a target glued to its neighbour has the right value but not the right text. */
  targetTexts: Counts;
  /** Value, unit, year, level and text all equal. */
  targetsWithText: Counts;
  leads: Counts;
  cooperating: Counts;
  timeframes: Counts;
  tasksMatched: Counts;
  budget: Counts;
  metadata: { correct: number; total: number };
}

const add = (a: Counts, b: Counts): Counts => ({ matched: a.matched + b.matched, predicted: a.predicted + b.predicted, expected: a.expected + b.expected });
const zero = (): Counts => ({ matched: 0, predicted: 0, expected: 0 });

/** Greedy one-to-one matching of predicted to expected items by a boolean predicate. */
function countMatches<P, E>(pred: readonly P[], exp: readonly E[], same: (p: P, e: E) => boolean): Counts {
  const used = new Set<number>();
  let matched = 0;
  for (const p of pred) {
    const i = exp.findIndex((e, j) => !used.has(j) && same(p, e));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return { matched, predicted: pred.length, expected: exp.length };
}

const valueEq = (p: PlanTarget, e: PlanTarget): boolean => p.min === e.min && p.max === e.max;
const fullEq = (p: PlanTarget, e: PlanTarget): boolean => valueEq(p, e) && p.unit === e.unit && p.targetYear === e.targetYear && p.level === e.level;
/** Text as compared: NFC, whitespace runs collapsed, trimmed; otherwise exact (case and punctuation count). */
const normText = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const textEq = (p: PlanTarget, e: PlanTarget): boolean => normText(p.text) === normText(e.text);

function trigrams(s: string): Set<string> {
  const t = ` ${fold(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ')} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** Dice similarity of character trigrams of two titles (0..1). */
export function titleSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  for (const g of x) if (y.has(g)) inter++;
  return (2 * inter) / (x.size + y.size);
}

const TITLE_THRESHOLD = 0.6;

/** Pairs predicted with expected tasks greedily by descending title similarity (≥ threshold). */
function pairTasks(pred: readonly PlanTask[], exp: readonly PlanTask[]): Array<[PlanTask, PlanTask]> {
  const cands: Array<[number, number, number]> = [];
  pred.forEach((p, i) => exp.forEach((e, j) => {
    const s = titleSimilarity(p.title, e.title);
    if (s >= TITLE_THRESHOLD) cands.push([s, i, j]);
  }));
  cands.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedE = new Set<number>();
  const pairs: Array<[PlanTask, PlanTask]> = [];
  for (const [, i, j] of cands) {
    if (usedP.has(i) || usedE.has(j)) continue;
    usedP.add(i);
    usedE.add(j);
    const p = pred[i];
    const e = exp[j];
    if (p && e) pairs.push([p, e]);
  }
  return pairs;
}

/** Agency-set precision/recall over paired tasks; agencies of unpaired tasks count as predicted/expected but unmatched. */
function agencyCounts(pred: readonly PlanTask[], exp: readonly PlanTask[], pairs: ReadonlyArray<[PlanTask, PlanTask]>, pick: (t: PlanTask) => string[]): Counts {
  let matched = 0;
  for (const [p, e] of pairs) {
    const ek = new Set(pick(e).map(agencyKey));
    for (const k of new Set(pick(p).map(agencyKey))) if (ek.has(k)) matched++;
  }
  const predicted = pred.reduce((n, t) => n + new Set(pick(t).map(agencyKey)).size, 0);
  const expected = exp.reduce((n, t) => n + new Set(pick(t).map(agencyKey)).size, 0);
  return { matched, predicted, expected };
}

function taskCounts(pred: readonly PlanTask[], exp: readonly PlanTask[]): { leads: Counts; cooperating: Counts; timeframes: Counts; tasks: Counts } {
  const pairs = pairTasks(pred, exp);
  const hasRange = (t: PlanTask): boolean => t.timeframeFrom !== null || t.timeframeTo !== null;
  const rangeMatched = pairs.filter(([p, e]) => hasRange(p) && p.timeframeFrom === e.timeframeFrom && p.timeframeTo === e.timeframeTo).length;
  return {
    leads: agencyCounts(pred, exp, pairs, (t) => t.lead),
    cooperating: agencyCounts(pred, exp, pairs, (t) => t.cooperating),
    timeframes: { matched: rangeMatched, predicted: pred.filter(hasRange).length, expected: exp.filter(hasRange).length },
    tasks: { matched: pairs.length, predicted: pred.length, expected: exp.length },
  };
}

const budgetEq = (p: BudgetLine, e: BudgetLine): boolean => p.year === e.year && p.amountVND === e.amountVND;

/** Scores one parsed plan against its fixture. */
export function scoreDocument(name: string, plan: ParsedPlan, fx: Fixture): DocScore {
  const { leads, cooperating, timeframes, tasks } = taskCounts(plan.tasks, fx.tasks);
  const budgetPred = [...plan.budget, ...(plan.budgetTotalVND === null ? [] : [{ year: 0, amountVND: plan.budgetTotalVND }])];
  const budgetExp = [...fx.budget, ...(fx.budgetTotalVND === null ? [] : [{ year: 0, amountVND: fx.budgetTotalVND }])];
  const metaChecks = [
    plan.symbol === fx.symbol,
    plan.issuer === fx.issuer,
    plan.issuedOn === fx.issuedOn,
    JSON.stringify(plan.legalBasis) === JSON.stringify(fx.legalBasis),
  ];
  return {
    name,
    targets: countMatches(plan.targets, fx.targets, fullEq),
    targetValues: countMatches(plan.targets, fx.targets, valueEq),
    targetTexts: countMatches(plan.targets, fx.targets, textEq),
    targetsWithText: countMatches(plan.targets, fx.targets, (p, e) => fullEq(p, e) && textEq(p, e)),
    leads,
    cooperating,
    timeframes,
    tasksMatched: tasks,
    budget: countMatches(budgetPred, budgetExp, budgetEq),
    metadata: { correct: metaChecks.filter(Boolean).length, total: metaChecks.length },
  };
}

const emptyPlan = (): ParsedPlan => ({ symbol: null, issuer: null, issuedOn: null, legalBasis: [], targets: [], tasks: [], budget: [], budgetTotalVND: null });

/** Runs the parser over every seed with a fixture and returns per-document and overall scores. */
export function evaluate(root: string): { docs: DocScore[]; overall: DocScore } {
  const fixtureDir = join(root, 'test/fixtures/plans');
  const docs: DocScore[] = [];
  for (const f of readdirSync(fixtureDir).filter((n) => n.endsWith('.expected.json')).sort()) {
    const name = basename(f, '.expected.json');
    const fx = fixtureSchema.parse(JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')));
    const result = parsePlanDocument(readFileSync(join(root, 'data/seeds', `${name}.txt`), 'utf8'));
    docs.push(scoreDocument(name, result.ok ? result.plan : emptyPlan(), fx));
  }
  const overall = docs.reduce<DocScore>(
    (acc, d) => ({
      name: 'OVERALL',
      targets: add(acc.targets, d.targets),
      targetValues: add(acc.targetValues, d.targetValues),
      targetTexts: add(acc.targetTexts, d.targetTexts),
      targetsWithText: add(acc.targetsWithText, d.targetsWithText),
      leads: add(acc.leads, d.leads),
      cooperating: add(acc.cooperating, d.cooperating),
      timeframes: add(acc.timeframes, d.timeframes),
      tasksMatched: add(acc.tasksMatched, d.tasksMatched),
      budget: add(acc.budget, d.budget),
      metadata: { correct: acc.metadata.correct + d.metadata.correct, total: acc.metadata.total + d.metadata.total },
    }),
    { name: 'OVERALL', targets: zero(), targetValues: zero(), targetTexts: zero(), targetsWithText: zero(), leads: zero(), cooperating: zero(), timeframes: zero(), tasksMatched: zero(), budget: zero(), metadata: { correct: 0, total: 0 } },
  );
  return { docs, overall };
}

/** Precision (1 when nothing was predicted). */
export const precision = (c: Counts): number => (c.predicted === 0 ? 1 : c.matched / c.predicted);
/** Recall (1 when nothing was expected). */
export const recall = (c: Counts): number => (c.expected === 0 ? 1 : c.matched / c.expected);

function fmt(c: Counts): string {
  const p = (precision(c) * 100).toFixed(1).padStart(5);
  const r = (recall(c) * 100).toFixed(1).padStart(5);
  return `P ${p}%  R ${r}%  (${c.matched}/${c.predicted} pred, ${c.expected} exp)`;
}

function report(d: DocScore): string {
  return [
    `${d.name}`,
    `  targets (value+unit+year+level) ${fmt(d.targets)}`,
    `  targets (value only)            ${fmt(d.targetValues)}`,
    `  targets (text exact, ws-norm.)  ${fmt(d.targetTexts)}`,
    `  targets (all fields + text)     ${fmt(d.targetsWithText)}`,
    `  task lead agencies              ${fmt(d.leads)}`,
    `  tasks paired by title           ${fmt(d.tasksMatched)}`,
    `  task cooperating agencies       ${fmt(d.cooperating)}`,
    `  task date ranges (exact)        ${fmt(d.timeframes)}`,
    `  budget lines + total (exact)    ${fmt(d.budget)}`,
    `  metadata fields exact           ${d.metadata.correct}/${d.metadata.total}`,
  ].join('\n');
}

if (import.meta.main) {
  const { docs, overall } = evaluate(join(import.meta.dirname, '..'));
  for (const d of docs) process.stdout.write(`${report(d)}\n`);
  process.stdout.write(`${report(overall)}\n`);
}
