import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { KeyValueCache, Logger as MeshLogger } from '@graphql-mesh/types';
import { Kind, parse, valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { Logger } from '../lib/logging/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../lib/units/index.ts';
import { dropWhenUnused } from '../lib/launcher/idle-gc.ts';
import { cacheInvalidations, cacheLookups } from '../lib/telemetry/metrics.ts';
import { BoundedMemoryCache } from './memory-cache.ts';

/** Where the shared response cache lives and how long an answer may be served from it. */
export interface ResponseCacheSettings {
  /** `redis://…` to share the cache between gateway replicas; in-memory (one process) when absent. */
  readonly redisUrl: string | undefined;
  /** Longest a cached answer is served, ms; bounded by how fresh the sources are (see README). 0 turns the cache off. */
  readonly ttlMs: number;
  /** Put before every key this gateway writes (several deployments sharing one Redis). @default '' */
  readonly keyPrefix?: string;
  /** Bytes the in-memory cache may hold (not Redis: its own `maxmemory` bounds it); an answer above 1/8 of it is not cached. @default 64 MiB */
  readonly maxBytes?: number;
}

/** Default byte bound of the in-memory cache. */
export const DEFAULT_RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

const GENERATION_PREFIX = 'dti:response-cache:generation:';
const RESPONSE_PREFIX = 'response-cache:';

/**
 * What a cached answer depends on, read from its request: the units it names at the root
 * (`unit(code:)`, `unitById(id:)`), or `all` for anything wider (lists of units, rankings,
 * catalogues, exports) or anything not understood.
 */
export type AnswerScope = { readonly units: readonly string[] } | 'all';

/**
 * What a mutation changed: the units whose data it wrote (an entry's unit, a plan's unit), or
 * `all` (a new catalogue version, or a mutation whose unit cannot be told).
 */
export type ChangeScope = { readonly units: readonly string[] } | 'all';

/** The shared cache: the KeyValueCache the runtime's response-cache plugin stores in, plus our invalidation hook. */
export interface SharedResponseCache {
  readonly kind: 'redis' | 'memory';
  readonly cache: KeyValueCache;
  /**
   * Drops the cached answers that depend on what changed, on every replica sharing the store.
   * The key of each answer carries generation numbers kept in the store: the `global` one (every
   * answer), the `wide` one (answers scoped `all`), and one per unit code the answer names; this
   * moves on the generations of the changed units and their merge relatives (a province's answer
   * rolls up its predecessors) and `wide`, or `global` for a change of `all`.
   */
  invalidate(change: ChangeScope, reason: string): Promise<void>;
  /** The generations an answer of `scope` is keyed under (part of its cache key). */
  generations(scope: AnswerScope): Promise<readonly string[]>;
  close(): Promise<void>;
}

/** Counts hits and misses on answer lookups (the plugin's entity-index keys are never read with get). */
function counting(cache: KeyValueCache, kind: string): KeyValueCache {
  return {
    get: async (key) => {
      const value = await cache.get(key);
      if (key.startsWith(RESPONSE_PREFIX)) cacheLookups.inc({ cache: kind, result: value === undefined || value === null ? 'miss' : 'hit' });
      return value;
    },
    set: (key, value, options) => cache.set(key, value, options),
    delete: (key) => cache.delete(key),
    getKeysByPrefix: (prefix) => cache.getKeysByPrefix(prefix),
  };
}

/** The same store with every key under `prefix` (the runtime's plugin and our generation keys alike). */
function prefixed(cache: KeyValueCache, prefix: string): KeyValueCache {
  if (prefix === '') return cache;
  return {
    get: (key) => cache.get(`${prefix}${key}`),
    set: (key, value, options) => cache.set(`${prefix}${key}`, value, options),
    delete: (key) => cache.delete(`${prefix}${key}`),
    getKeysByPrefix: async (p) => (await cache.getKeysByPrefix(`${prefix}${p}`)).map((k) => k.slice(prefix.length)),
  };
}

/** Opens the shared cache: Redis when `redisUrl` is set, an in-process LRU otherwise. */
export async function createSharedResponseCache(settings: ResponseCacheSettings, log: MeshLogger): Promise<SharedResponseCache> {
  const kind = settings.redisUrl === undefined ? 'memory' : 'redis';
  // The Redis client is loaded only when configured (the embedded default never needs it).
  const raw: KeyValueCache & Partial<Disposable> =
    settings.redisUrl === undefined
      ? new BoundedMemoryCache({
          maxEntries: 5000,
          maxBytes: settings.maxBytes ?? DEFAULT_RESPONSE_CACHE_MAX_BYTES,
          pinned: (key) => key.startsWith(`${settings.keyPrefix ?? ''}${GENERATION_PREFIX}`),
        })
      : new (await import('@graphql-mesh/cache-redis')).default({ url: settings.redisUrl, lazyConnect: false, logger: log });
  const store = prefixed(raw, settings.keyPrefix ?? '');
  const cache = counting(store, kind);
  const generation = async (tag: string): Promise<string> => String((await store.get(`${GENERATION_PREFIX}${tag}`)) ?? '0');
  const bump = async (tag: string): Promise<void> => store.set(`${GENERATION_PREFIX}${tag}`, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`);
  return {
    kind,
    cache,
    generations: (scope) => Promise.all(['global', ...(scope === 'all' ? ['wide'] : [...new Set(scope.units)].sort().map((u) => `unit:${u}`))].map(generation)),
    invalidate: async (change, reason) => {
      const tags = change === 'all' ? ['global'] : ['wide', ...relatedUnits(change.units).map((u) => `unit:${u}`)];
      await Promise.all(tags.map(bump));
      cacheInvalidations.inc({ cache: kind, reason });
    },
    close: async () => {
      raw[Symbol.dispose]?.();
      await Promise.resolve();
    },
  };
}

/** The session an answer belongs to: a hash of the caller's credentials; null (the shared anonymous scope) without any. */
export function sessionOf(request: Request): string | null {
  const auth = request.headers.get('authorization');
  if (auth === null || auth === '') return null;
  return createHash('sha256').update(auth).digest('base64url');
}

/**
 * The runtime's `responseCaching` options: queries only (mutations never), answers with errors
 * never (a system that is down must not be remembered as down), keys scoped by the caller's
 * credentials and by the generations of what the answer depends on (see `scopeOfQuery`).
 */
export function responseCachingOptions(shared: SharedResponseCache, ttlMs: number) {
  return {
    ttl: ttlMs,
    // A client asking for a fresh answer (`Cache-Control: no-cache`) bypasses the cache: an operator
    // checking whether a system has recovered, or a test observing upstream traffic.
    enabled: (request: Request) => !/no-cache|no-store/i.test(request.headers.get('cache-control') ?? ''),
    session: (request: Request) => sessionOf(request),
    shouldCacheResult: ({ result }: { result: { errors?: readonly unknown[] } }) => (result.errors?.length ?? 0) === 0,
    buildResponseCacheKey: async (p: { documentString: string; variableValues?: unknown; operationName?: string | null | undefined; sessionId?: string | null | undefined }) => {
      const scope = scopeOfQuery(p.documentString, p.operationName ?? null, p.variableValues);
      return createHash('sha256')
        .update(JSON.stringify([await shared.generations(scope), p.sessionId ?? null, p.operationName ?? null, p.documentString, p.variableValues ?? null]))
        .digest('base64url');
    },
  };
}

/** Invalidates, after every mutation that succeeded, the cached answers that depend on what it changed. */
export function useInvalidateOnMutation(shared: SharedResponseCache, ctx: Pick<GatewayConfigContext, 'log'>): GatewayPlugin {
  return {
    onExecute: ({ args }) => {
      const op = operationOf(args.document, args.operationName ?? null);
      if (op?.operation !== 'mutation') return undefined;
      const fields = op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
      const variables = isRecord(args.variableValues) ? args.variableValues : {};
      return {
        onExecuteDone: async ({ result }) => {
          // A mutation whose every field came back null changed nothing (e.g. a refused import).
          const data: unknown = 'data' in result ? result.data : null;
          const changed = isRecord(data) && Object.values(data).some((v) => v !== null);
          if (!changed) return;
          try {
            await shared.invalidate(changeOfMutation(op, variables, data), `mutation:${fields.join(',')}`);
          } catch (e: unknown) {
            ctx.log.error(`response cache invalidation failed: ${String(e)}`);
          }
        },
      };
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The operation a request runs: the named one, or the only one. */
function operationOf(document: DocumentNode, operationName: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName === null ? (ops.length === 1 ? ops[0] : undefined) : ops.find((o) => o.name?.value === operationName);
}

/** An argument's value as a plain value, variables substituted. */
function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg === undefined ? undefined : valueFromASTUntyped(arg.value, variables);
}

/** The unit code of a unit id (`56@2025-07-01` → `56`) or of a code. */
const codeOf = (idOrCode: unknown): string | null => (typeof idOrCode === 'string' && /^\d{2,5}(@[\w-]+)?$/.test(idOrCode) ? (idOrCode.split('@')[0] ?? null) : null);

/** Root fields whose answer is about the one unit named in an argument. */
const UNIT_ROOT_FIELDS: Readonly<Record<string, string>> = { unit: 'code', unitById: 'id' };

const parsedDocuments = new Map<string, DocumentNode | null>();
// Emptied after a quiet half minute: after a burst of distinct queries it held ≈ 2.5 MB (500 documents) until the next burst.
const touchParsed = dropWhenUnused(() => parsedDocuments.clear(), 30_000);
function parseCached(documentString: string): DocumentNode | null {
  touchParsed();
  let doc = parsedDocuments.get(documentString);
  if (doc === undefined) {
    try {
      doc = parse(documentString, { noLocation: true });
    } catch {
      doc = null;
    }
    if (parsedDocuments.size >= 500) parsedDocuments.clear();
    parsedDocuments.set(documentString, doc);
  }
  return doc;
}

/**
 * What an answer depends on: the units when every root field is `unit(code:)` or `unitById(id:)`
 * (or `__typename`), `all` otherwise. A unit's answer reads only that unit's records and those of
 * the units merged into it or it into (their generations move together, see `relatedUnits`);
 * anything that lists or ranks units is `all`, and so is a root fragment, for simplicity.
 */
export function scopeOfQuery(documentString: string, operationName: string | null, variableValues: unknown): AnswerScope {
  const doc = parseCached(documentString);
  const op = doc === null ? undefined : operationOf(doc, operationName);
  if (op?.operation !== 'query') return 'all';
  const variables = isRecord(variableValues) ? variableValues : {};
  const units: string[] = [];
  for (const s of op.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return 'all';
    if (s.name.value === '__typename') continue;
    const arg = UNIT_ROOT_FIELDS[s.name.value];
    const code = arg === undefined ? null : codeOf(argumentValue(s, arg, variables));
    if (code === null) return 'all';
    units.push(code);
  }
  return { units };
}

/** Every string under a key named `unitId` in a mutation's answer (an entry's unit). */
function unitIdsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) unitIdsIn(v, out);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) k === 'unitId' && typeof v === 'string' ? out.push(v) : unitIdsIn(v, out);
  return out;
}

/**
 * What a mutation changed. `importPlan(unitCode:)` and `uploadEvidenceFile(unitId:)` name their
 * unit; `saveEntry` names it in its input; `submitEntries` and `reviewEntry` name only entry ids,
 * so their unit is read from the `unitId` of the entries in the answer (the workspace asks for
 * it). A mutation whose unit cannot be told (or a new catalogue version) changes `all`.
 */
export function changeOfMutation(op: OperationDefinitionNode, variables: Record<string, unknown>, data: Record<string, unknown>): ChangeScope {
  const units = new Set<string>();
  for (const s of op.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return 'all';
    if (s.name.value === '__typename') continue;
    const answer = data[s.alias?.value ?? s.name.value];
    if (answer === null || answer === undefined) continue;
    let named: unknown[];
    switch (s.name.value) {
      case 'importPlan':
        named = [argumentValue(s, 'unitCode', variables)];
        break;
      case 'uploadEvidenceFile':
        named = [argumentValue(s, 'unitId', variables)];
        break;
      case 'saveEntry': {
        const input = argumentValue(s, 'input', variables);
        named = [isRecord(input) ? input['unitId'] : undefined];
        break;
      }
      case 'submitEntries':
      case 'reviewEntry':
        named = unitIdsIn(answer);
        break;
      default:
        return 'all';
    }
    const codes = named.map(codeOf);
    if (codes.length === 0 || codes.some((c) => c === null)) return 'all';
    for (const c of codes) if (c !== null) units.add(c);
  }
  return units.size === 0 ? 'all' : { units: [...units] };
}

let unitGraph: ReadonlyMap<string, readonly string[]> | undefined;
/** Unit code → codes it is tied to by a merger or a rename (either way), or by being a district of it. */
function mergeGraph(): ReadonlyMap<string, readonly string[]> {
  if (unitGraph !== undefined) return unitGraph;
  const graph = new Map<string, Set<string>>();
  const tie = (a: string, b: string): void => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = graph.get(x);
      if (set === undefined) graph.set(x, (set = new Set()));
      set.add(y);
    }
  };
  for (const u of [...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]) {
    if (u.mergedInto !== null) tie(u.code, u.mergedInto);
    for (const m of u.mergedFrom) tie(u.code, m);
    if (u.parentCode !== null) tie(u.code, u.parentCode);
  }
  unitGraph = new Map([...graph].map(([k, v]) => [k, [...v]]));
  return unitGraph;
}

/** The changed units and every unit whose answer may read their records: the closure over mergers and parents. */
export function relatedUnits(codes: readonly string[]): string[] {
  const graph = mergeGraph();
  const seen = new Set<string>(codes);
  const queue = [...codes];
  for (let c = queue.pop(); c !== undefined; c = queue.pop()) {
    for (const next of graph.get(c) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen].sort();
}

/** Our logger in the shape Mesh's cache packages log through. */
export function meshLogger(logger: Logger): MeshLogger {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'function' ? String(a()) : String(a))).join(' ');
  return {
    log: (...a: unknown[]) => logger.info(text(a)),
    info: (...a: unknown[]) => logger.info(text(a)),
    warn: (...a: unknown[]) => logger.warn(text(a)),
    error: (...a: unknown[]) => logger.error(text(a)),
    debug: (...a: unknown[]) => logger.debug(text(a)),
    child: (name) => meshLogger(logger.child(typeof name === 'string' ? { component: name } : name)),
  };
}
