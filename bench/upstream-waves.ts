/**
 * How many upstream latencies sit in sequence on a query's critical path, read from the query plan the
 * gateway's own planner (the Rust planner of `@graphql-hive/router-runtime`) makes over the committed
 * supergraph: a fetch to a subgraph that wraps an upstream costs one latency, one to a subgraph with none
 * (dti, submissions) costs none, fetches in parallel cost their longest, in sequence their sum. The
 * benchmarks' latency floor is this count × the simulators' added latency.
 * Run alone: node bench/upstream-waves.ts '{ unit(code: "56") { … } }'
 */
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { REPO_ROOT_URL, SUBGRAPHS } from '../lib/topology/index.ts';

// The plan's shape, as far as the count needs it (the planner's own types say more).
type PlanNode =
  | { readonly kind: 'Sequence' | 'Parallel'; readonly nodes: readonly PlanNode[] }
  | { readonly kind: 'Fetch' | 'BatchFetch'; readonly serviceName: string }
  | { readonly kind: 'Flatten'; readonly node: PlanNode }
  | { readonly kind: 'Condition'; readonly ifClause?: PlanNode | null | undefined; readonly elseClause?: PlanNode | null | undefined };
const planNode: z.ZodType<PlanNode> = z.lazy(() =>
  z.union([
    z.object({ kind: z.enum(['Sequence', 'Parallel']), nodes: z.array(planNode) }),
    z.object({ kind: z.enum(['Fetch', 'BatchFetch']), serviceName: z.string() }),
    z.object({ kind: z.literal('Flatten'), node: planNode }),
    z.object({ kind: z.literal('Condition'), ifClause: planNode.nullish(), elseClause: planNode.nullish() }),
  ]),
);
const planSchema = z.object({ kind: z.literal('QueryPlan'), node: planNode.nullish() });

const WITH_UPSTREAM: ReadonlySet<string> = new Set(SUBGRAPHS.filter((s) => s.upstream !== null).map((s) => s.name));

/** One path's upstream latencies and the subgraphs it fetches from, wave by wave. */
interface Path {
  readonly upstream: number;
  readonly fetches: readonly string[];
}

function longest(node: PlanNode | null | undefined): Path {
  if (node === null || node === undefined) return { upstream: 0, fetches: [] };
  switch (node.kind) {
    case 'Fetch':
    case 'BatchFetch':
      return { upstream: WITH_UPSTREAM.has(node.serviceName) ? 1 : 0, fetches: [node.serviceName] };
    case 'Flatten':
      return longest(node.node);
    case 'Sequence':
      return node.nodes.map(longest).reduce((a, b) => ({ upstream: a.upstream + b.upstream, fetches: [...a.fetches, ...b.fetches] }), { upstream: 0, fetches: [] });
    case 'Parallel': {
      const paths = node.nodes.map(longest);
      const worst = paths.reduce((a, b) => (b.upstream > a.upstream ? b : a), { upstream: 0, fetches: [] });
      return { upstream: worst.upstream, fetches: [`(${paths.map((p) => p.fetches.join(' → ')).join(' | ')})`] };
    }
    case 'Condition':
      return [longest(node.ifClause), longest(node.elseClause)].reduce((a, b) => (b.upstream > a.upstream ? b : a));
  }
}

/** The upstream latencies in sequence on `query`'s critical path, and the plan's fetches in order. */
export function upstreamWaves(query: string, supergraphSdl: string = readFileSync(new URL('schema/supergraph.graphql', REPO_ROOT_URL), 'utf8')): { readonly waves: number; readonly plan: string } {
  const plan = planSchema.parse(new QueryPlanner(supergraphSdl).plan(query, null, new Set(), 0));
  const path = longest(plan.node);
  return { waves: path.upstream, plan: path.fetches.join(' → ') };
}

if (import.meta.main) {
  const query = process.argv[2];
  if (query === undefined) throw new Error('usage: node bench/upstream-waves.ts QUERY');
  const { waves, plan } = upstreamWaves(query);
  process.stdout.write(`${plan}\nupstream latencies in sequence on the critical path: ${waves}\n`);
}
