import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'preact/hooks';
import { execute, RequestFailed, type Result } from './client.ts';

/** Where a screen's one query stands. */
export type QueryState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string; readonly code: string | null }
  | { readonly kind: 'done'; readonly result: Result<T> };

/** Runs one registered query for a screen, again whenever the variables change; `reload` runs it again. */
export function useQuery<T, V>(doc: TypedDocumentNode<T, V>, variables: V): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ kind: 'loading' });
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    const abort = new AbortController();
    // A reload keeps the screen (and what is typed in its forms) while the fresh answer comes.
    setState((prev) => (prev.kind === 'done' && nonce > 0 ? prev : { kind: 'loading' }));
    execute(doc, variables, abort.signal).then(
      (result) => setState({ kind: 'done', result }),
      (e: unknown) => {
        if (abort.signal.aborted) return;
        setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e), code: e instanceof RequestFailed ? e.code : null });
      },
    );
    return () => abort.abort();
  }, [doc, key, nonce]);
  return [state, () => setNonce((n) => n + 1)];
}
