import { BadUserInputError, NotFoundError } from '../../../lib/errors/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import { checkAsOf, checkYear, fromGraphQLLevel, predecessorsOf, recordsBegin, successorsOf, toGraphQLLevel, unitYear } from '../../../lib/units/index.ts';
import type { DtiContext } from '../context.ts';
import { childrenOf, listUnits, unitByCode, type UnitYearRecord } from '../domain/units.ts';

type Unit = AdministrativeUnitRecord;

// Every walk spends from the request's budget, so a nesting bomb stops early (the subgraph's own guard).
function walked(ctx: DtiContext, units: Unit[]): Unit[] {
  ctx.walk.spend(1 + units.length);
  return units;
}

/** The unit queries: reference data, answered without any upstream call. */
export const unitQueries = {
  unit: (_: unknown, args: { code: string; asOf?: string | null }, ctx: DtiContext): Unit => {
    const units = ctx.units.units;
    return unitByCode(units, args.code.trim(), checkAsOf(args.asOf ?? ctx.today, units, recordsBegin(ctx.dataYears)));
  },

  unitById: (_: unknown, args: { id: string }, ctx: DtiContext): Unit => {
    const unit = ctx.units.byId.get(args.id);
    if (unit === undefined) throw new NotFoundError(`no administrative unit has id "${args.id}"`, { argument: 'id' });
    return unit;
  },

  units: (_: unknown, args: { level?: string | null; asOf?: string | null }, ctx: DtiContext): Unit[] => {
    const units = ctx.units.units;
    return listUnits(units, fromGraphQLLevel(args.level ?? 'PROVINCE'), checkAsOf(args.asOf ?? ctx.today, units, recordsBegin(ctx.dataYears)));
  },

  dataYears: (_: unknown, __: unknown, ctx: DtiContext) => ctx.dataYears,
};

export const AdministrativeUnit = {
  __resolveReference: (ref: { id: string }, ctx: DtiContext): Unit | null => ctx.units.byId.get(ref.id) ?? null,

  level: (u: Unit) => toGraphQLLevel(u.level),

  parent: (u: Unit, _: unknown, ctx: DtiContext): Unit | null => {
    if (u.parentCode === null) return null;
    const parentCode = u.parentCode;
    // The parent in force on the child's last day (or today) — the province it belonged to.
    const day = u.validTo ?? ctx.today;
    return ctx.units.units.find((p) => p.code === parentCode && (p.validTo === null || p.validTo >= day) && (p.validFrom === null || p.validFrom <= day)) ?? null;
  },

  children: (u: Unit, _: unknown, ctx: DtiContext): Unit[] => walked(ctx, childrenOf(ctx.units.units, u)),

  predecessors: (u: Unit, _: unknown, ctx: DtiContext): Unit[] => walked(ctx, predecessorsOf(ctx.units.units, u)),

  successors: (u: Unit, _: unknown, ctx: DtiContext): Unit[] => walked(ctx, successorsOf(ctx.units.units, u)),

  year: (u: Unit, args: { year: number }, ctx: DtiContext): UnitYearRecord => unitYear(ctx.units.units, u, checkYear(args.year, ctx.dataYears)),

  years: (u: Unit, args: { from: number; to: number }, ctx: DtiContext): UnitYearRecord[] => {
    const from = checkYear(args.from, ctx.dataYears);
    const to = checkYear(args.to, ctx.dataYears);
    if (from > to) throw new BadUserInputError(`from (${from}) is after to (${to})`, { argument: 'from' });
    return Array.from({ length: to - from + 1 }, (_, i) => unitYear(ctx.units.units, u, from + i));
  },
};
