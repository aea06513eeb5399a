import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import InMemoryLRUCache from '@graphql-mesh/cache-inmemory-lru';
import type { KeyValueCache, Logger as MeshLogger } from '@graphql-mesh/types';
import type { DocumentNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { Logger } from '../lib/logging/index.ts';
import { cacheInvalidations, cacheLookups } from '../lib/telemetry/metrics.ts';

/** Where the shared response cache lives and how long an answer may be served from it. */
export interface ResponseCacheSettings {
  /** `redis://…` to share the cache between gateway replicas; in-memory (one process) when absent. */
  readonly redisUrl: string | undefined;
  /** Longest a cached answer is served, ms; bounded by how fresh the sources are (see README). 0 turns the cache off. */
  readonly ttlMs: number;
}

const GENERATION_KEY = 'dti:response-cache:generation';
const RESPONSE_PREFIX = 'response-cache:';

/** The shared cache: the KeyValueCache the runtime's response-cache plugin stores in, plus our invalidation hook. */
export interface SharedResponseCache {
  readonly kind: 'redis' | 'memory';
  readonly cache: KeyValueCache;
  /**
   * Drops every cached answer, on every replica sharing the store: the key of each answer carries
   * a generation number kept in the store, and this moves it on. Called after any successful
   * mutation (an imported plan, an approved entry); exported for writers that bypass the gateway.
   */
  invalidate(reason: string): Promise<void>;
  /** The current generation (part of every cache key). */
  generation(): Promise<string>;
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

/** Opens the shared cache: Redis when `redisUrl` is set, an in-process LRU otherwise. */
export async function createSharedResponseCache(settings: ResponseCacheSettings, log: MeshLogger): Promise<SharedResponseCache> {
  const kind = settings.redisUrl === undefined ? 'memory' : 'redis';
  // The Redis client is loaded only when configured (the embedded default never needs it).
  const store: KeyValueCache & Partial<Disposable> =
    settings.redisUrl === undefined
      ? new InMemoryLRUCache({ max: 5000 })
      : new (await import('@graphql-mesh/cache-redis')).default({ url: settings.redisUrl, lazyConnect: false, logger: log });
  const cache = counting(store, kind);
  const generation = async (): Promise<string> => String((await store.get(GENERATION_KEY)) ?? '0');
  return {
    kind,
    cache,
    generation,
    invalidate: async (reason) => {
      await store.set(GENERATION_KEY, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`);
      cacheInvalidations.inc({ cache: kind, reason });
    },
    close: async () => {
      store[Symbol.dispose]?.();
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
 * credentials and the cache generation.
 */
export function responseCachingOptions(shared: SharedResponseCache, ttlMs: number) {
  return {
    ttl: ttlMs,
    // A client asking for a fresh answer (`Cache-Control: no-cache`) bypasses the cache: an operator
    // checking whether a system has recovered, or a test observing upstream traffic.
    enabled: (request: Request) => !/no-cache|no-store/i.test(request.headers.get('cache-control') ?? ''),
    session: (request: Request) => sessionOf(request),
    shouldCacheResult: ({ result }: { result: { errors?: readonly unknown[] } }) => (result.errors?.length ?? 0) === 0,
    buildResponseCacheKey: async (p: { documentString: string; variableValues?: unknown; operationName?: string | null | undefined; sessionId?: string | null | undefined }) =>
      createHash('sha256')
        .update(JSON.stringify([await shared.generation(), p.sessionId ?? null, p.operationName ?? null, p.documentString, p.variableValues ?? null]))
        .digest('base64url'),
  };
}

/** Invalidates the shared cache after every mutation that succeeded: the data behind cached answers changed. */
export function useInvalidateOnMutation(shared: SharedResponseCache, ctx: Pick<GatewayConfigContext, 'log'>): GatewayPlugin {
  return {
    onExecute: ({ args }) => {
      const fields = mutationFields(args.document);
      if (fields === null) return undefined;
      return {
        onExecuteDone: async ({ result }) => {
          // A mutation whose every field came back null changed nothing (e.g. a refused import).
          const data: unknown = 'data' in result ? result.data : null;
          const changed = typeof data === 'object' && data !== null && Object.values(data).some((v) => v !== null);
          if (!changed) return;
          try {
            await shared.invalidate(`mutation:${fields.join(',')}`);
          } catch (e: unknown) {
            ctx.log.error(`response cache invalidation failed: ${String(e)}`);
          }
        },
      };
    },
  };
}

/** Top-level fields of a mutation document; null when the document is not a mutation. */
function mutationFields(document: DocumentNode): string[] | null {
  const op = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (op === undefined || op.kind !== 'OperationDefinition' || op.operation !== 'mutation') return null;
  return op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
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
