import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A persisted-document manifest: id (`sha256:…`) → document text, as GraphQL Code Generator writes it. */
const manifestSchema = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), z.string().min(1));

/** Reads and checks persisted-document manifests, merged; a malformed file stops start-up with its path. */
export function loadDocumentManifests(paths: readonly string[]): ReadonlyMap<string, string> {
  const documents = new Map<string, string>();
  for (const path of paths) {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not a persisted-document manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    for (const [id, text] of Object.entries(parsed.data)) documents.set(id, text);
  }
  return documents;
}
