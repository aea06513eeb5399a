/**
 * What a process keeps: compares two V8 heap snapshots (`.heapsnapshot`, e.g. from
 * `npm run soak -- --long --minutes 3 --settle 40 --snapshots DIR`) by constructor: count and
 * self size of each, and the biggest differences. With `--path NAME`, also the shortest retaining
 * path from the GC roots to a few of B's objects of that constructor that A did not have (by id).
 * With `--retained EDGE[,EDGE…]`, what B keeps only through edges of those names (a closure's variable, a
 * property): B's self size reachable from the roots, less what stays reachable when those edges are
 * cut (WeakMap tables hold their values only through their keys, as V8 does).
 * Run: node bench/heap-diff.ts A.heapsnapshot B.heapsnapshot [--top 40] [--path NAME]... [--retained EDGE]...
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const snapshotSchema = z.object({
  snapshot: z.object({
    meta: z.object({
      node_fields: z.array(z.string()),
      node_types: z.tuple([z.array(z.string())]).rest(z.unknown()),
      edge_fields: z.array(z.string()),
      edge_types: z.tuple([z.array(z.string())]).rest(z.unknown()),
    }),
  }),
  nodes: z.array(z.number()),
  edges: z.array(z.number()),
  strings: z.array(z.string()),
});

interface Heap {
  readonly nodeCount: number;
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly strings: readonly string[];
  readonly nodeFields: number;
  readonly edgeFields: number;
  readonly nodeTypes: readonly string[];
  readonly edgeTypes: readonly string[];
  readonly firstEdge: Uint32Array;
  readonly field: { readonly type: number; readonly name: number; readonly id: number; readonly selfSize: number; readonly edgeCount: number };
  readonly edgeField: { readonly type: number; readonly nameOrIndex: number; readonly toNode: number };
}

function load(path: string): Heap {
  const raw = snapshotSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const meta = raw.snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const f = (name: string): number => meta.node_fields.indexOf(name);
  const field = { type: f('type'), name: f('name'), id: f('id'), selfSize: f('self_size'), edgeCount: f('edge_count') };
  const edgeField = { type: meta.edge_fields.indexOf('type'), nameOrIndex: meta.edge_fields.indexOf('name_or_index'), toNode: meta.edge_fields.indexOf('to_node') };
  const nodeCount = raw.nodes.length / nodeFields;
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let i = 0, e = 0; i < nodeCount; i++) {
    firstEdge[i] = e;
    e += (raw.nodes[i * nodeFields + field.edgeCount] ?? 0) * meta.edge_fields.length;
    firstEdge[i + 1] = e;
  }
  return {
    nodeCount,
    nodes: raw.nodes,
    edges: raw.edges,
    strings: raw.strings,
    nodeFields,
    edgeFields: meta.edge_fields.length,
    nodeTypes: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
    firstEdge,
    field,
    edgeField,
  };
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** The group a node is counted in, as DevTools' summary view names it. */
function groupOf(h: Heap, i: number): string {
  const type = h.nodeTypes[h.nodes[i * h.nodeFields + h.field.type] ?? 0] ?? '?';
  const name = h.strings[h.nodes[i * h.nodeFields + h.field.name] ?? 0] ?? '?';
  if (type === 'object') return name;
  if (STRING_TYPES.has(type)) return '(string)';
  if (type === 'closure') return '(closure)';
  if (type === 'code') return '(compiled code)';
  if (type === 'native') return `(native) ${name.replace(/\d+/g, 'N').slice(0, 60)}`;
  if (type === 'hidden' || type === 'array' || type === 'object shape') return `(${type}) ${name.replace(/\d+/g, 'N').slice(0, 40)}`;
  return `(${type})`;
}

interface Group {
  count: number;
  bytes: number;
}

function summary(h: Heap): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (let i = 0; i < h.nodeCount; i++) {
    const g = groupOf(h, i);
    const entry = groups.get(g) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += h.nodes[i * h.nodeFields + h.field.selfSize] ?? 0;
    groups.set(g, entry);
  }
  return groups;
}

/** Shortest retaining path (strong edges only) from the root to each node. */
function parents(h: Heap): Int32Array {
  const parent = new Int32Array(h.nodeCount).fill(-1);
  parent[0] = 0;
  const queue = new Uint32Array(h.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  const weak = h.edgeTypes.indexOf('weak');
  while (head < tail) {
    const n = queue[head++] ?? 0;
    for (let e = h.firstEdge[n] ?? 0; e < (h.firstEdge[n + 1] ?? 0); e += h.edgeFields) {
      if (h.edges[e + h.edgeField.type] === weak) continue;
      const to = (h.edges[e + h.edgeField.toNode] ?? 0) / h.nodeFields;
      if (parent[to] !== -1) continue;
      parent[to] = n;
      queue[tail++] = to;
    }
  }
  return parent;
}

/** Self size of what is reachable from the root by strong edges, not through edges named `cut`. */
function reachableBytes(h: Heap, cut: ReadonlySet<string> | null): number {
  const weak = h.edgeTypes.indexOf('weak');
  const element = h.edgeTypes.indexOf('element');
  const hidden = h.edgeTypes.indexOf('hidden');
  // A WeakMap's table: its values are kept by their keys (V8 adds key → value edges), not by the table.
  const weakTables = new Set<number>();
  for (let n = 0; n < h.nodeCount; n++) {
    const name = h.strings[h.nodes[n * h.nodeFields + h.field.name] ?? 0];
    if (name !== 'WeakMap' && name !== 'WeakSet') continue;
    for (let e = h.firstEdge[n] ?? 0; e < (h.firstEdge[n + 1] ?? 0); e += h.edgeFields) {
      if (h.strings[h.edges[e + h.edgeField.nameOrIndex] ?? 0] === 'table') weakTables.add((h.edges[e + h.edgeField.toNode] ?? 0) / h.nodeFields);
    }
  }
  const seen = new Uint8Array(h.nodeCount);
  const queue = new Uint32Array(h.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  let bytes = 0;
  while (head < tail) {
    const n = queue[head++] ?? 0;
    bytes += h.nodes[n * h.nodeFields + h.field.selfSize] ?? 0;
    if (weakTables.has(n)) continue;
    for (let e = h.firstEdge[n] ?? 0; e < (h.firstEdge[n + 1] ?? 0); e += h.edgeFields) {
      const type = h.edges[e + h.edgeField.type];
      if (type === weak) continue;
      if (cut !== null && type !== element && type !== hidden && cut.has(h.strings[h.edges[e + h.edgeField.nameOrIndex] ?? 0] ?? '')) continue;
      const to = (h.edges[e + h.edgeField.toNode] ?? 0) / h.nodeFields;
      if (seen[to] === 1) continue;
      seen[to] = 1;
      queue[tail++] = to;
    }
  }
  return bytes;
}

function edgeName(h: Heap, from: number, to: number): string {
  for (let e = h.firstEdge[from] ?? 0; e < (h.firstEdge[from + 1] ?? 0); e += h.edgeFields) {
    if ((h.edges[e + h.edgeField.toNode] ?? 0) / h.nodeFields !== to) continue;
    const type = h.edgeTypes[h.edges[e + h.edgeField.type] ?? 0] ?? '?';
    const v = h.edges[e + h.edgeField.nameOrIndex] ?? 0;
    return type === 'element' || type === 'hidden' ? `[${v}]` : (h.strings[v] ?? '?');
  }
  return '?';
}

function describe(h: Heap, i: number): string {
  const name = h.strings[h.nodes[i * h.nodeFields + h.field.name] ?? 0] ?? '?';
  return `${groupOf(h, i)}${groupOf(h, i) === name ? '' : ` ${JSON.stringify(name.slice(0, 60))}`} @${h.nodes[i * h.nodeFields + h.field.id]}`;
}

const args = process.argv.slice(2);
const [aPath, bPath] = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
if (aPath === undefined || bPath === undefined) throw new Error('usage: node bench/heap-diff.ts A.heapsnapshot B.heapsnapshot [--top N] [--path NAME]');
const topArg = args.indexOf('--top');
const top = topArg >= 0 ? Number(args[topArg + 1]) : 40;
const pathNames = args.flatMap((a, i) => (a === '--path' ? [args[i + 1] ?? ''] : []));
const retainedEdges = args.flatMap((a, i) => (a === '--retained' ? [args[i + 1] ?? ''] : []));

const a = load(aPath);
const sa = summary(a);
const b = load(bPath);
const sb = summary(b);
const total = (s: Map<string, Group>): number => [...s.values()].reduce((n, g) => n + g.bytes, 0);
const mb = (n: number): string => (n / 1048576).toFixed(2);
process.stdout.write(`A ${aPath}: ${a.nodeCount} objects, ${mb(total(sa))} MB self size\nB ${bPath}: ${b.nodeCount} objects, ${mb(total(sb))} MB self size\n\n`);
const rows = [...new Set([...sa.keys(), ...sb.keys()])].map((g) => {
  const x = sa.get(g) ?? { count: 0, bytes: 0 };
  const y = sb.get(g) ?? { count: 0, bytes: 0 };
  return { g, count: y.count - x.count, bytes: y.bytes - x.bytes, a: x, b: y };
});
rows.sort((p, q) => Math.abs(q.bytes) - Math.abs(p.bytes));
process.stdout.write(`${'constructor'.padEnd(56)} ${'Δcount'.padStart(9)} ${'ΔMB'.padStart(8)} ${'A MB'.padStart(8)} ${'B MB'.padStart(8)}\n`);
for (const r of rows.slice(0, top)) {
  process.stdout.write(`${r.g.slice(0, 56).padEnd(56)} ${String(r.count).padStart(9)} ${mb(r.bytes).padStart(8)} ${mb(r.a.bytes).padStart(8)} ${mb(r.b.bytes).padStart(8)}\n`);
}

if (pathNames.length > 0) {
  const idsOfA = new Set<number>();
  for (let i = 0; i < a.nodeCount; i++) idsOfA.add(a.nodes[i * a.nodeFields + a.field.id] ?? 0);
  const parent = parents(b);
  for (const name of pathNames) {
    const fresh: number[] = [];
    for (let i = 0; i < b.nodeCount && fresh.length < 1_000_000; i++) {
      if (groupOf(b, i) === name && !idsOfA.has(b.nodes[i * b.nodeFields + b.field.id] ?? 0)) fresh.push(i);
    }
    process.stdout.write(`\n${name}: ${fresh.length} objects in B not in A; retaining paths of 3 of them:\n`);
    for (const start of [fresh[0], fresh[Math.floor(fresh.length / 2)], fresh.at(-1)]) {
      if (start === undefined) continue;
      const chain: string[] = [];
      let n = start;
      for (let depth = 0; depth < 40 && n !== 0; depth++) {
        const p = parent[n] ?? -1;
        if (p < 0) {
          chain.push('(unreachable by strong edges)');
          break;
        }
        chain.push(`${describe(b, n)} <-${edgeName(b, p, n)}-`);
        n = p;
      }
      process.stdout.write(`  ${chain.join('\n    ')}\n`);
    }
  }
}

if (retainedEdges.length > 0) {
  const all = reachableBytes(b, null);
  process.stdout.write(`\nB reachable: ${mb(all)} MB\n`);
  for (const edge of retainedEdges) process.stdout.write(`  kept only through edges named ${edge}: ${mb(all - reachableBytes(b, new Set(edge.split(','))))} MB\n`);
}
