import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as z from 'zod/mini';
import { currentToken, startSignIn } from '../auth/session.ts';

/** One GraphQL error as the gateway sends it; `code` is `extensions.code`. */
export interface GraphQLErrorInfo {
  readonly message: string;
  readonly code: string | null;
  readonly system: string | null;
  readonly path: readonly (string | number)[];
  /** For CONFLICT: the version that is current now. */
  readonly currentVersion: number | null;
}

/** What a screen gets back: data (possibly partial) and the errors beside it. */
export interface Result<T> {
  readonly data: T | null;
  readonly errors: readonly GraphQLErrorInfo[];
}

/** The request could not be answered at all (network, refused, HTTP error without GraphQL body). */
export class RequestFailed extends Error {
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'RequestFailed';
    this.code = code;
  }
}

const envelope = z.object({
  data: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  errors: z.optional(
    z.array(
      z.object({
        message: z.string(),
        path: z.optional(z.array(z.union([z.string(), z.number()]))),
        extensions: z.optional(z.object({ code: z.optional(z.string()), system: z.optional(z.string()), currentVersion: z.optional(z.number()) })),
      }),
    ),
  ),
});

const meta = z.object({ __meta__: z.object({ hash: z.string() }) });

/** The registered (persisted) id of a generated document: only hashes ship, never document text. */
export function documentIdOf(doc: unknown): string {
  return meta.parse(doc).__meta__.hash;
}

function authHeaders(): Record<string, string> {
  const token = currentToken();
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

/**
 * Runs a registered operation against the gateway. The one place that talks to the network and
 * that handles the error codes every screen shares: UNAUTHENTICATED sends the user to sign in
 * (keeping the path); FORBIDDEN and CONFLICT come back to the screen, which says what was missing
 * or shows both versions.
 */
export async function execute<T, V>(doc: TypedDocumentNode<T, V>, variables: V, signal?: AbortSignal): Promise<Result<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders() },
    body: JSON.stringify({ documentId: documentIdOf(doc), variables }),
    ...(signal === undefined ? {} : { signal }),
  });
  const text = await res.text();
  let body: z.infer<typeof envelope>;
  try {
    body = envelope.parse(JSON.parse(text));
  } catch {
    throw new RequestFailed(`HTTP ${res.status}`, null);
  }
  const errors: GraphQLErrorInfo[] = (body.errors ?? []).map((e) => ({
    message: e.message,
    code: e.extensions?.code ?? null,
    system: e.extensions?.system ?? null,
    path: e.path ?? [],
    currentVersion: e.extensions?.currentVersion ?? null,
  }));
  if (errors.some((e) => e.code === 'UNAUTHENTICATED')) {
    startSignIn(window.location.pathname + window.location.search);
    throw new RequestFailed('UNAUTHENTICATED', 'UNAUTHENTICATED');
  }
  // The generated document types the data; the gateway answered for exactly this registered document.
  const data = (body.data ?? null) as T | null;
  if (data === null && errors.length > 0) throw new RequestFailed(errors.map((e) => e.message).join('; '), errors[0]?.code ?? null);
  return { data, errors };
}

/** Downloads a gateway export (CSV/JSON) with the caller's token, as a file. */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await fetch(path, { headers: authHeaders() });
  if (res.status === 401) {
    startSignIn(window.location.pathname + window.location.search);
    return;
  }
  if (!res.ok) throw new RequestFailed(`HTTP ${res.status}`, null);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
