import { print, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

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
 */
export function usePlanCacheDocuments(maxDocuments = 1000): GatewayPlugin {
  const canonical = new Map<string, DocumentNode>();
  const canonicalOf = (document: DocumentNode): DocumentNode => {
    const text = print(document);
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
