import type { PlanTarget as ParsedTarget, PlanTask as ParsedTask } from '../../../lib/plan-parser/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import type { PlansContext } from '../context.ts';
import type { PlanPreview as Preview } from '../domain/preview.ts';
import { targetIndicator } from '../domain/targets.ts';
import { toGraphQLLevel } from '../../../lib/units/index.ts';

/** The preview's reading in the shape of the GraphQL type; targets and tasks resolved below. */
export const PlanPreview = {
  symbol: (p: Preview) => p.plan.symbol,
  issuer: (p: Preview) => p.plan.issuer,
  issuedOn: (p: Preview) => p.plan.issuedOn,
  level: (p: Preview) => (p.level === null ? null : toGraphQLLevel(p.level)),
  legalBasis: (p: Preview) => p.plan.legalBasis,
  unit: (p: Preview): AdministrativeUnitRecord | null => p.unit,
  targets: (p: Preview) => p.plan.targets,
  tasks: (p: Preview) => p.plan.tasks,
  budget: (p: Preview) => p.plan.budget,
  budgetTotalVND: (p: Preview) => p.plan.budgetTotalVND,
};

export const PlanTargetReading = {
  unit: (t: ParsedTarget) => t.unit.toUpperCase(),
  level: (t: ParsedTarget) => (t.level === null ? null : toGraphQLLevel(t.level)),
  indicator: (t: ParsedTarget, _: unknown, ctx: PlansContext) => {
    const link = targetIndicator({ ...t, index: 0 }, ctx.indicators);
    return link === null ? null : { ...link, sourceSystem: link.sourceSystem.toUpperCase() };
  },
};

export const PlanTaskReading = {
  timeframe: (t: ParsedTask) => (t.timeframe === null && t.timeframeFrom === null ? null : { text: t.timeframe, from: t.timeframeFrom, to: t.timeframeTo }),
};
