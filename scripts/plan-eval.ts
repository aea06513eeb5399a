// Compares the plan parser's output with the hand-checked fixtures in test/fixtures/plans and prints
// precision/recall per document and overall. Usage: npx node scripts/plan-eval.ts
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { agencyKey } from '../lib/plan-parser/agencies.ts';
import { parsePlanDocument } from '../lib/plan-parser/index.ts';
import type { BudgetLine, ParsedPlan, PlanTarget, PlanTask } from '../lib/plan-parser/index.ts';
import { fold } from '../lib/plan-parser/normalise.ts';
import { symbolKey } from '../lib/plan-parser/metadata.ts';

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

// ---------------------------------------------------------------------------------------------------------
// Real corpus (test/fixtures/plans/real): documents published by People's Committees, each with a sidecar
// naming its source and whether it belongs to the tuned or the held-out set. Scored per field so a figure
// says which part of the extraction is right, not only whether the whole target is.

const levelSchema = z.enum(['province', 'district', 'commune']);
/**
 * Sets of the real corpus: `tuned` (the parser may be changed for what these show), `heldout` (first and second
 * batches' held-out documents, never used to change the parser), `heldout2` (the third batch, unseen until
 * its first run; scored apart so that first run stays visible), `heldout3` (the fourth batch, likewise) and `heldout4`
 * (a fifth batch, run once on the parser as changed for the fourth, to see whether those changes carry).
 */
export const REAL_SETS = ['tuned', 'heldout', 'heldout2', 'heldout3', 'heldout4'] as const;
export type RealSet = (typeof REAL_SETS)[number];
/** A hand-written expected extraction of a real document: the fixture shape plus the issuer's level. */
export const realFixtureSchema = fixtureSchema.extend({ issuerLevel: levelSchema.nullable() });
/** Where a real document came from and which set it belongs to. */
export const realSourceSchema = z.object({
  source: z.string().url(),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  whole: z.boolean(),
  issuerLevel: levelSchema,
  kind: z.string(),
  province: z.string(),
  set: z.enum(REAL_SETS),
  note: z.string(),
});

/** Level of the body the parser named as issuer ("UBND huyện X" → district); null when it cannot tell. */
export function levelOfIssuer(issuer: string | null): 'province' | 'district' | 'commune' | null {
  if (issuer === null) return null;
  const ascii = issuer.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();
  const f = ascii.replace(/^(van phong\s+)?(ubnd|uy ban nhan dan)\s+/u, '').replace(/^ban chi dao [\p{L} ]*?(?=(huyen|quan|thi xa|tinh|xa) )/u, '');
  if (/^(xa|phuong|thi tran) /u.test(f)) return 'commune';
  if (/^(huyen|quan|thi xa) /u.test(f)) return 'district';
  if (/^tinh /u.test(f)) return 'province';
  // Centrally-run cities are provinces; other "thành phố" are district-level cities.
  if (/^thanh pho (ha noi|ho chi minh|hai phong|da nang|can tho|hue)$/u.test(f)) return 'province';
  if (/^thanh pho /u.test(f)) return 'district';
  return null;
}

/** Per-field scores of one real document. */
export interface RealScore {
  name: string;
  set: RealSet;
  /** Target value (min and max) equal. */
  value: Counts;
  /** Value and unit equal. */
  unit: Counts;
  /** Value and target year equal. */
  year: Counts;
  /** Value and level equal. */
  level: Counts;
  /** Value, unit, year and level all equal. */
  target: Counts;
  /** Target text equal after whitespace normalisation. */
  text: Counts;
  /** Legal-basis symbols as a set (order ignored). */
  legalBasis: Counts;
  leads: Counts;
  cooperating: Counts;
  budget: Counts;
  symbol: { correct: number; total: number };
  issuer: { correct: number; total: number };
  issuedOn: { correct: number; total: number };
  issuerLevel: { correct: number; total: number };
  /** Parsed as a plan (a rejected document is scored on what the parser found before rejecting it). */
  accepted: { correct: number; total: number };
}

const one = (ok: boolean): { correct: number; total: number } => ({ correct: ok ? 1 : 0, total: 1 });

function setCounts(pred: readonly string[], exp: readonly string[]): Counts {
  const p = new Set(pred.map(symbolKey));
  const e = new Set(exp.map(symbolKey));
  return { matched: [...p].filter((k) => e.has(k)).length, predicted: p.size, expected: e.size };
}

/** Scores one parsed real document against its expectation. */
export function scoreReal(name: string, set: RealSet, plan: ParsedPlan, fx: z.infer<typeof realFixtureSchema>, accepted: boolean): RealScore {
  const { leads, cooperating } = taskCounts(plan.tasks, fx.tasks);
  const budgetPred = [...plan.budget, ...(plan.budgetTotalVND === null ? [] : [{ year: 0, amountVND: plan.budgetTotalVND }])];
  const budgetExp = [...fx.budget, ...(fx.budgetTotalVND === null ? [] : [{ year: 0, amountVND: fx.budgetTotalVND }])];
  return {
    name,
    set,
    value: countMatches(plan.targets, fx.targets, valueEq),
    unit: countMatches(plan.targets, fx.targets, (p, e) => valueEq(p, e) && p.unit === e.unit),
    year: countMatches(plan.targets, fx.targets, (p, e) => valueEq(p, e) && p.targetYear === e.targetYear),
    level: countMatches(plan.targets, fx.targets, (p, e) => valueEq(p, e) && p.level === e.level),
    target: countMatches(plan.targets, fx.targets, fullEq),
    text: countMatches(plan.targets, fx.targets, textEq),
    legalBasis: setCounts(plan.legalBasis, fx.legalBasis),
    leads,
    cooperating,
    budget: countMatches(budgetPred, budgetExp, budgetEq),
    symbol: one(plan.symbol === fx.symbol),
    issuer: one(plan.issuer === fx.issuer),
    issuedOn: one(plan.issuedOn === fx.issuedOn),
    issuerLevel: one(levelOfIssuer(plan.issuer) === fx.issuerLevel),
    accepted: one(accepted),
  };
}

const COUNT_FIELDS = ['value', 'unit', 'year', 'level', 'target', 'text', 'legalBasis', 'leads', 'cooperating', 'budget'] as const;
const EXACT_FIELDS = ['symbol', 'issuer', 'issuedOn', 'issuerLevel', 'accepted'] as const;

/** Sums per-field scores over documents. */
export function sumReal(name: string, docs: readonly RealScore[]): RealScore {
  const acc: RealScore = {
    name, set: 'tuned',
    value: zero(), unit: zero(), year: zero(), level: zero(), target: zero(), text: zero(), legalBasis: zero(), leads: zero(), cooperating: zero(), budget: zero(),
    symbol: { correct: 0, total: 0 }, issuer: { correct: 0, total: 0 }, issuedOn: { correct: 0, total: 0 }, issuerLevel: { correct: 0, total: 0 }, accepted: { correct: 0, total: 0 },
  };
  for (const d of docs) {
    for (const f of COUNT_FIELDS) acc[f] = add(acc[f], d[f]);
    for (const f of EXACT_FIELDS) acc[f] = { correct: acc[f].correct + d[f].correct, total: acc[f].total + d[f].total };
  }
  return acc;
}

/** Runs the parser over every real document and scores it; `only` restricts to one set. */
export function evaluateReal(root: string, only?: RealSet): { docs: RealScore[]; overall: RealScore } {
  const dir = join(root, 'test/fixtures/plans/real');
  const docs: RealScore[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort()) {
    const name = basename(f, '.expected.json');
    const src = realSourceSchema.parse(JSON.parse(readFileSync(join(dir, `${name}.source.json`), 'utf8')));
    if (only !== undefined && src.set !== only) continue;
    const fx = realFixtureSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const result = parsePlanDocument(readFileSync(join(dir, `${name}.txt`), 'utf8'));
    docs.push(scoreReal(name, src.set, result.ok ? result.plan : result.partial, fx, result.ok));
  }
  return { docs, overall: sumReal(only === undefined ? 'ALL' : only.toUpperCase(), docs) };
}

function fmtExact(c: { correct: number; total: number }): string {
  return `${((c.total === 0 ? 1 : c.correct / c.total) * 100).toFixed(1).padStart(5)}%  (${c.correct}/${c.total})`;
}

/** Per-field table of a real-corpus score. */
export function reportReal(d: RealScore): string {
  return [
    `${d.name}`,
    `  target value (min/max)            ${fmt(d.value)}`,
    `  target value + unit               ${fmt(d.unit)}`,
    `  target value + year               ${fmt(d.year)}`,
    `  target value + level              ${fmt(d.level)}`,
    `  target value+unit+year+level      ${fmt(d.target)}`,
    `  target text (ws-normalised)       ${fmt(d.text)}`,
    `  legal basis symbols (set)         ${fmt(d.legalBasis)}`,
    `  task lead agencies                ${fmt(d.leads)}`,
    `  task cooperating agencies         ${fmt(d.cooperating)}`,
    `  budget lines + total              ${fmt(d.budget)}`,
    `  symbol exact                      ${fmtExact(d.symbol)}`,
    `  issuer exact                      ${fmtExact(d.issuer)}`,
    `  issue date exact                  ${fmtExact(d.issuedOn)}`,
    `  issuer level                      ${fmtExact(d.issuerLevel)}`,
    `  accepted as a plan                ${fmtExact(d.accepted)}`,
  ].join('\n');
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const perDoc = process.argv.includes('--docs');
  const { docs, overall } = evaluate(root);
  process.stdout.write('== Hand-written fixtures (seeds, data/seeds) ==\n');
  if (perDoc) for (const d of docs) process.stdout.write(`${report(d)}\n`);
  process.stdout.write(`${report(overall)}\n`);
  process.stdout.write('\n== Real corpus (test/fixtures/plans/real) ==\n');
  for (const set of REAL_SETS) {
    const r = evaluateReal(root, set);
    if (perDoc) for (const d of r.docs) process.stdout.write(`${reportReal(d)}\n`);
    process.stdout.write(`${reportReal({ ...r.overall, name: `${set.toUpperCase()} (${r.docs.length} documents)` })}\n`);
  }
  const all = evaluateReal(root);
  process.stdout.write(`${reportReal({ ...all.overall, name: `ALL REAL (${all.docs.length} documents)` })}\n`);
}
