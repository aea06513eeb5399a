import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_SETS, evaluateReal, precision, recall } from '../../scripts/plan-eval.ts';
import type { Counts, RealScore, RealSet } from '../../scripts/plan-eval.ts';

// Floors at the figures reached on the real corpus (test/fixtures/plans/real: plans published by provincial,
// district and commune People's Committees, expectations written by hand before the parser first ran on
// them; see FIRST_RUN.md for where it started). The held-out documents were never used to change the
// parser; they are checked apart so a regression there cannot hide in the tuned figures. Raise a floor when
// the parser improves; never lower one to make a change pass.
const ROOT = join(import.meta.dirname, '../..');

function atLeast(c: Counts, p: number, r: number): void {
  expect(precision(c), `precision ${c.matched}/${c.predicted}`).toBeGreaterThanOrEqual(p);
  expect(recall(c), `recall ${c.matched}/${c.expected}`).toBeGreaterThanOrEqual(r);
}
const rate = (c: { correct: number; total: number }): number => (c.total === 0 ? 1 : c.correct / c.total);

type Floor = readonly [precision: number, recall: number];
interface Floors {
  docs: number;
  value: Floor; unit: Floor; year: Floor; level: Floor; target: Floor;
  legalBasis: Floor;
  issuer: number; issuedOn: number; accepted: number;
}
// Reached on 2026-11-30 with 64 documents (RESULTS.md): every set at 100 %. Each batch's first run,
// before the parser was changed for what it showed, is in FIRST_RUN.md (heldout2: the third batch;
// heldout3: the fourth, targets P 26.7% R 19.0%; heldout4: the fifth, P/R 23.5% on the parser after the
// fourth's fixes); from then on these floors guard those fixes. A floor that drops below 1 gets its own entry.
const ALL: Omit<Floors, 'docs'> = {
  value: [1, 1], unit: [1, 1], year: [1, 1], level: [1, 1], target: [1, 1],
  legalBasis: [1, 1], issuer: 1, issuedOn: 1, accepted: 1,
};
const FLOORS: Readonly<Record<RealSet, Floors>> = {
  tuned: { docs: 27, ...ALL },
  heldout: { docs: 9, ...ALL },
  heldout2: { docs: 11, ...ALL },
  heldout3: { docs: 12, ...ALL },
  heldout4: { docs: 5, ...ALL },
};

describe.each(REAL_SETS)('real corpus, %s set', (set) => {
  const f = FLOORS[set];
  const { docs, overall } = evaluateReal(ROOT, set);
  it('has its documents', () => {
    expect(docs.length).toBeGreaterThanOrEqual(f.docs);
  });
  it('targets: value, unit, year and level together', () => atLeast(overall.target, ...f.target));
  it('targets: each field', () => {
    for (const k of ['value', 'unit', 'year', 'level'] as const satisfies ReadonlyArray<keyof RealScore>) atLeast(overall[k], ...f[k]);
  });
  it('legal basis symbols', () => atLeast(overall.legalBasis, ...f.legalBasis));
  it('metadata', () => {
    expect(rate(overall.symbol)).toBe(1);
    expect(rate(overall.issuer)).toBeGreaterThanOrEqual(f.issuer);
    expect(rate(overall.issuedOn)).toBeGreaterThanOrEqual(f.issuedOn);
    expect(rate(overall.accepted)).toBeGreaterThanOrEqual(f.accepted);
  });
  it('invents no tasks or budget where the copies hold none', () => {
    expect(overall.leads.predicted).toBe(0);
    expect(overall.budget.predicted).toBe(0);
  });
});
