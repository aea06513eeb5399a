import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, precision, recall } from '../../scripts/plan-eval.ts';

// Floors at the figures reached on the hand-checked seed fixtures (see scripts/plan-eval.ts). They are
// the parser's development set, so they guard against regressions rather than measure generality.
describe('seed fixtures', () => {
  const { overall } = evaluate(join(import.meta.dirname, '../..'));
  it('targets', () => {
    expect(precision(overall.targets)).toBeGreaterThanOrEqual(0.95);
    expect(recall(overall.targets)).toBeGreaterThanOrEqual(0.95);
  });
  it('target texts (a target glued to its neighbour keeps its value but not its text)', () => {
    expect(precision(overall.targetsWithText)).toBeGreaterThanOrEqual(0.95);
    expect(recall(overall.targetsWithText)).toBeGreaterThanOrEqual(0.95);
  });
  it('task lead agencies', () => {
    expect(precision(overall.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(overall.leads)).toBeGreaterThanOrEqual(0.95);
  });
  it('budget lines and metadata', () => {
    expect(precision(overall.budget)).toBe(1);
    expect(recall(overall.budget)).toBe(1);
    expect(overall.metadata.correct).toBe(overall.metadata.total);
  });
});
