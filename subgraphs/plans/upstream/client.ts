import type { z } from 'zod';
import type { UpstreamClient } from '../../../lib/http/index.ts';
import type { AdministrativeUnitRecord } from '../../../lib/units/index.ts';
import type { Plan } from '../domain/types.ts';
import { toPlan, toUnit } from './mappers.ts';
import { createdPlanSchema, pageSchema, wirePlanSchema, wireUnitSchema } from './schemas.ts';
import { BadUserInputError, UpstreamHttpError } from '../../../lib/errors/index.ts';
import { inOneLine } from '../../../lib/util/bilingual.ts';
import { importMessages } from '../domain/messages.ts';
import type { WirePlanInput } from './outgoing.ts';

/** Rows per page asked of the registry (its maximum): the whole catalogue fits in one page. */
const PAGE_SIZE = 500;

/** A fetched list with when it was fetched and what was asked. */
export interface Fetched<T> {
  readonly items: readonly T[];
  readonly fetchedAt: string;
  readonly url: string;
}

/** Typed access to the plan registry; returns domain types only. */
export interface PlansUpstream {
  units(): Promise<Fetched<AdministrativeUnitRecord>>;
  plansOf(codes: readonly string[]): Promise<Fetched<Plan>>;
  plansById(ids: readonly string[]): Promise<Fetched<Plan>>;
  /** Stores a new plan record; the registry refuses a duplicate (409). */
  createPlan(record: WirePlanInput): Promise<Plan>;
}

async function allPages<R extends z.ZodType, T>(
  client: UpstreamClient,
  path: string,
  row: R,
  query: Record<string, string>,
  map: (r: z.output<R>) => T,
): Promise<Fetched<T>> {
  const schema = pageSchema(row);
  const items: T[] = [];
  let first: { fetchedAt: string; url: string } | undefined;
  for (let trang = 1; ; trang++) {
    const res = await client.get(path, { query: { ...query, trang, soBanGhi: PAGE_SIZE }, schema });
    first ??= { fetchedAt: res.fetchedAt, url: res.url };
    items.push(...res.data.duLieu.map(map));
    if (trang * PAGE_SIZE >= res.data.tongSo) break;
  }
  return { items, ...first };
}

/** Wraps the shared HTTP client with the registry's endpoints. */
export function createPlansUpstream(client: UpstreamClient): PlansUpstream {
  return {
    units: () => allPages(client, '/api/v1/danh-muc/don-vi-hanh-chinh', wireUnitSchema, {}, toUnit),
    plansOf: (codes) => allPages(client, '/api/v1/ke-hoach', wirePlanSchema, { maDonVi: [...new Set(codes)].sort().join(',') }, toPlan),
    plansById: (ids) => allPages(client, '/api/v1/ke-hoach', wirePlanSchema, { maKeHoach: [...new Set(ids)].sort().join(',') }, toPlan),
    createPlan: async (record) => {
      try {
        const res = await client.post('/api/v1/ke-hoach', { body: { json: record }, schema: createdPlanSchema });
        return toPlan(res.data.duLieu);
      } catch (e: unknown) {
        // The registry refuses what it cannot store (a duplicate, an invalid record): the user's input, not an outage.
        if (e instanceof UpstreamHttpError && (e.status === 409 || e.status === 400)) {
          throw new BadUserInputError(inOneLine(importMessages.registryRefused(e.message)), { cause: e });
        }
        throw e;
      }
    },
  };
}
