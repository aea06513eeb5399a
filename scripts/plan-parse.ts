// Prints the plan parser's extraction of one document as JSON.
// Usage: npx node scripts/plan-parse.ts FILE   (exit 1 with errors on stderr when it is not a plan)
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePlanDocument } from '../lib/plan-parser/index.ts';
import type { ParsedPlan } from '../lib/plan-parser/index.ts';

const argsSchema = z.tuple([z.string().min(1, 'usage: plan-parse FILE')]);

/** The CLI's output shape, in a fixed key order (the issue's shape plus normalised task dates and the stated budget total). */
export function toCliJson(plan: ParsedPlan): unknown {
  return {
    symbol: plan.symbol,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    legalBasis: plan.legalBasis,
    targets: plan.targets.map((t) => ({ text: t.text, min: t.min, max: t.max, unit: t.unit, targetYear: t.targetYear, level: t.level })),
    tasks: plan.tasks.map((t) => ({
      title: t.title,
      lead: t.lead,
      cooperating: t.cooperating,
      timeframe: t.timeframe,
      timeframeFrom: t.timeframeFrom,
      timeframeTo: t.timeframeTo,
      result: t.result,
    })),
    budget: plan.budget.map((b) => ({ year: b.year, amountVND: b.amountVND })),
    budgetTotalVND: plan.budgetTotalVND,
  };
}

function main(argv: readonly string[]): number {
  const args = argsSchema.safeParse(argv);
  if (!args.success) {
    process.stderr.write('usage: npx node scripts/plan-parse.ts FILE\n');
    return 2;
  }
  const [file] = args.data;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const result = parsePlanDocument(text);
  if (!result.ok) {
    process.stderr.write(`${file}: not a plan document:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`${JSON.stringify(toCliJson(result.plan), null, 2)}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
