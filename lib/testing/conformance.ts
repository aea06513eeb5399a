import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ProvenanceStatus, SystemName, UpstreamErrorCode } from '../errors/index.ts';
import type { Subgraph } from '../subgraph/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, unitsInForce } from '../units/index.ts';
import { unitYearRepresentation, type UnitYearRepresentation } from './representations.ts';
import { graphqlResponseSchema, startSubgraphStack, type StackSimulator, type SubgraphStack } from './stack.ts';

/** Environment variables as `loadConfig` reads them. */
type Env = Readonly<Record<string, string | undefined>>;

/** What a source subgraph hands the conformance suite. */
export interface SubgraphConformanceOptions<C> {
  /** The upstream system the subgraph wraps; errors must carry it as `extensions.system`. */
  readonly system: SystemName;
  /** The field the subgraph contributes to `UnitYear`, e.g. `documents`. */
  readonly field: string;
  /** Starts the system's simulator on `host:port` (port 0 picks a free one). */
  readonly startSimulator: (port: number, host: string) => Promise<StackSimulator>;
  /** The subgraph's public `createSubgraph`. */
  readonly createSubgraph: (config: C) => Subgraph;
  /** The subgraph's public `loadConfig`. */
  readonly loadConfig: (env: Env) => C;
  /**
   * Statuses a healthy upstream may give a province-year. The plan registry answers MISSING for a
   * unit that filed no plan, which is an answer, not a failure. @default ['OK', 'PARTIAL', 'STALE']
   */
  readonly healthyStatuses?: readonly ProvenanceStatus[];
  /**
   * Every subgraph's SDL, by name (lib/ imports no subgraph, so the caller hands them in). The sources
   * `@require` the record scopes of the unit-year dti owns, and dti and plans `@require` the sources'
   * figures, so a subgraph composes only alongside the others; the one under test is swapped for its
   * real schema as started here.
   */
  readonly subgraphSdls: () => Promise<Readonly<Record<string, string>>>;
}

const YEAR = 2024;
/** A deadline far below the simulator's injected latency, so the timeout fault trips on every attempt. */
const SHORT_TIMEOUT_MS = '50';

const entitiesSchema = graphqlResponseSchema.extend({
  data: z.object({ _entities: z.array(z.record(z.string(), z.unknown()).nullable()) }).nullable(),
});
const fieldSchema = z.object({ source: z.object({ system: z.string(), status: z.string() }) }).nullable();

function startStack<C>(options: SubgraphConformanceOptions<C>, env: Env = {}): Promise<SubgraphStack> {
  return startSubgraphStack({
    startSimulator: options.startSimulator,
    createSubgraph: (upstreamUrl) => options.createSubgraph(options.loadConfig({ UPSTREAM_URL: upstreamUrl, PORT: '0', LOG_LEVEL: 'error', ...env })),
  });
}

/** Closes a subgraph that was built but never started (its upstream pool) when the scope ends. */
function disposable(subgraph: Subgraph): Subgraph & AsyncDisposable {
  return { ...subgraph, [Symbol.asyncDispose]: () => subgraph.close() };
}


/** UnitYear representations as the router sends them: the provinces in force today, for `year`. */
function provinceRepresentations(year: number): UnitYearRepresentation[] {
  const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
  const today = new Date().toISOString().slice(0, 10);
  return unitsInForce(units, 'province', today).map((u) => unitYearRepresentation(units, u, year));
}

/**
 * The checks every source subgraph passes against its real simulator: its SDL composes with every
 * other subgraph, an `_entities` batch of 34 provinces costs one upstream request, and an upstream
 * that is down, failing, malformed or slow gives a null field with a typed error naming the system.
 */
export function defineSubgraphConformance<C>(options: SubgraphConformanceOptions<C>): void {
  const { system, field, healthyStatuses = ['OK', 'PARTIAL', 'STALE'] } = options;
  const query = /* GraphQL */ `
    query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on UnitYear { unitId year ${field} { source { system status } } } }
    }
  `;
  const entities = async (stack: SubgraphStack, r: readonly object[]) => entitiesSchema.parse(await stack.gql(query, { r }));

  describe(`${system} subgraph conformance`, () => {
    it('composes with every other subgraph', async () => {
      await using own = disposable(options.createSubgraph(options.loadConfig({ PORT: '0', LOG_LEVEL: 'error' })));
      const result = composeServices(
        Object.entries(await options.subgraphSdls()).map(([name, sdl]) => ({
          name,
          typeDefs: parse(name === system ? printSubgraphSchema(own.schema) : sdl),
          url: `http://${name}.invalid/graphql`,
        })),
      );
      expect(compositionHasErrors(result) ? result.errors.map((e) => e.message) : []).toEqual([]);
    });

    it(`resolves ${field} for the 34 provinces of ${YEAR} with exactly one upstream request`, async () => {
      await using stack = await startStack(options);
      const representations = provinceRepresentations(YEAR);
      expect(representations).toHaveLength(34);
      await stack.resetRequests();
      const res = await entities(stack, representations);
      expect((await stack.upstreamRequests()).total).toBe(1);
      expect(res.errors).toBeUndefined();
      const got = res.data?._entities ?? [];
      expect(got.map((e) => e?.['unitId'])).toEqual(representations.map((r) => r.unitId));
      const statuses = got.map((e) => {
        const value = fieldSchema.parse(e?.[field]);
        expect(value?.source.system).toBe(system.toUpperCase());
        expect(healthyStatuses, String(e?.['unitId'])).toContain(value?.source.status);
        return value?.source.status;
      });
      expect(statuses).toContain('OK');
    });

    // Each case gets a fresh stack, so the circuit is closed and the code is the fault's own.
    const faults: readonly { readonly faults: Readonly<Record<string, unknown>>; readonly code: UpstreamErrorCode; readonly env?: Env }[] = [
      { faults: { down: true }, code: 'UPSTREAM_UNAVAILABLE' },
      { faults: { errorRate: 1 }, code: 'UPSTREAM_HTTP_ERROR' },
      { faults: { malformed: true }, code: 'UPSTREAM_BAD_RESPONSE' },
      { faults: { latencyMs: 400 }, code: 'UPSTREAM_TIMEOUT', env: { UPSTREAM_TIMEOUT_MS: SHORT_TIMEOUT_MS } },
    ];
    it.each(faults)(`gives a null ${field} with $code naming ${system} on fault $faults`, async ({ faults: f, code, env }) => {
      await using stack = await startStack(options, env);
      await stack.fault(f);
      // Two plain provinces and one merged since, whose figures roll up several units' records.
      const all = provinceRepresentations(YEAR);
      const representations = [...all.slice(0, 2), ...all.filter((r) => r.recordScopes.length > 1).slice(0, 1)];
      expect(representations).toHaveLength(3);
      const res = await entities(stack, representations);
      const got = res.data?._entities ?? [];
      expect(got.map((e) => e?.['unitId'])).toEqual(representations.map((r) => r.unitId));
      expect(got.map((e) => e?.[field])).toEqual(representations.map(() => null));
      // One error per entity, at its field: the loader fails each key, not the whole batch.
      expect(res.errors?.map((e) => e.path)).toEqual(representations.map((_, i) => ['_entities', i, field]));
      for (const error of res.errors ?? []) {
        expect(error.extensions?.['code']).toBe(code);
        expect(error.extensions?.['system']).toBe(system);
      }
    });
  });
}
