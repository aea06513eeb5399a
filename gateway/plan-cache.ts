import { print, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createHash } from 'node:crypto';
import { dropWhenUnused } from '../lib/launcher/idle-gc.ts';

/** What the cache keeps once the gateway has served nothing for a while. */
export interface PlanCacheIdle {
  /** Quiet time, ms, after which the cache is trimmed. @default 30000 */
  readonly afterMs: number;
  /** Most recently used documents kept through the quiet. @default 50 */
  readonly keep: number;
}

/**
 * Lets the query planner's cache hit (issue #9 goal 2). The Rust planner (`@graphql-hive/router-runtime`)
 * caches a plan by the identity of the document object it is handed. With access control on,
 * `genericAuth`'s extended validation runs `visit()` over the document on every request and hands
 * execution the copy it returns, so the planner never saw the same object twice and planned every
 * query again: 3–40 ms on the critical path, before the first subgraph fetch, on a loaded host.
 *
 * This plugin runs after genericAuth (the runtime installs genericAuth ahead of configured plugins)
 * and replaces the document by one canonical object per printed text. The key is the printed
 * document, not the request's source: whatever the validation rules changed is in the text, so two
 * callers share a document (and a plan) only when the planner would be given the same text anyway.
 * A document carries no caller data (variables travel apart), and the plan depends on its text and
 * the operation name only.
 *
 * Memory (issue #7 item 4): each document kept holds its plan and the subgraph documents in it,
 * ≈ 24 KB for a soak query, so 1000 distinct documents after a burst were ≈ 24 MB of the gateway's
 * heap until the next burst pushed them out (heap snapshot, `npm run soak -- --long --minutes 3
 * --snapshots`, `node bench/heap-diff.ts … --retained canonical`). Once nothing has been executed
 * for `idle.afterMs`, all but the `idle.keep` most recently used go. The key is a digest of the
 * printed text: `print()` returns a rope of a few hundred pieces, ≈ 3.7 KB a key kept as it is,
 * against the 44 characters of a SHA-256.
 */
export function usePlanCacheDocuments(maxDocuments = 1000, idle: PlanCacheIdle = { afterMs: 30_000, keep: 50 }): GatewayPlugin {
  const canonical = new Map<string, DocumentNode>();
  const touch = dropWhenUnused(() => {
    for (const key of canonical.keys()) {
      if (canonical.size <= idle.keep) break;
      canonical.delete(key);
    }
  }, idle.afterMs);
  const canonicalOf = (document: DocumentNode): DocumentNode => {
    touch();
    const text = createHash('sha256').update(print(document)).digest('base64');
    const known = canonical.get(text);
    if (known !== undefined) {
      // Most recently used last: the first entry is the one to drop.
      canonical.delete(text);
      canonical.set(text, known);
      return known;
    }
    canonical.set(text, document);
    if (canonical.size > maxDocuments) {
      const oldest = canonical.keys().next();
      if (oldest.done !== true) canonical.delete(oldest.value);
    }
    return document;
  };
  return {
    onExecute({ args }) {
      // Mutated in place, as the extended-validation plugin before it does.
      (args as { document: DocumentNode }).document = canonicalOf(args.document);
    },
  };
}
