import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { z } from 'zod';

/** Where the registered operations live, one `.graphql` file each (fragments in their own files). */
export const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url).pathname;
/** The committed allow-list the gateway loads (reviewed as security configuration). */
export const MANIFEST_PATH = new URL('../../schema/trusted-documents.json', import.meta.url).pathname;

/** A registered operation: its id (sha256 of the printed document) and the text the gateway runs. */
export interface TrustedDocument {
  readonly name: string;
  readonly id: string;
  readonly document: string;
}

/** The workspace's operations, as GraphQL Code Generator registers them (`sha256:<hex>` ids of its normalised print). */
export const WEB_MANIFEST_PATH = new URL('../../web/src/generated/persisted-documents.json', import.meta.url).pathname;

export const manifestSchema = z.strictObject({
  version: z.literal(1),
  // Our own ids are bare hex; the workspace's keep codegen's `sha256:` prefix (the id its bundle sends).
  documents: z.record(z.string().regex(/^(sha256:)?[0-9a-f]{64}$/), z.strictObject({ name: z.string().min(1), document: z.string().min(1) })),
});
export type Manifest = z.output<typeof manifestSchema>;

/** The id a client sends as `documentId`: sha256 (hex) of the document as printed. */
export function documentIdOf(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

function fragmentsUsed(root: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (found.has(name)) return;
        const f = fragments.get(name);
        if (f === undefined) throw new Error(`fragment ${name} is used but defined in no .graphql file`);
        found.set(name, f);
        walk(f);
      },
    });
  };
  walk(root);
  return [...found.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/**
 * Reads every `.graphql` file of the folder; each named operation becomes one trusted document
 * with the fragments it uses, printed canonically so the id does not depend on formatting.
 */
export function loadTrustedDocuments(dir: string = OPERATIONS_DIR): TrustedDocument[] {
  const defs = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of defs) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const docs: TrustedDocument[] = [];
  for (const d of defs) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (d.name === undefined) throw new Error('every registered operation needs a name');
    const document = [d, ...fragmentsUsed(d, fragments)].map((n) => print(n)).join('\n\n');
    docs.push({ name: d.name.value, id: documentIdOf(document), document });
  }
  return docs.sort((a, b) => a.name.localeCompare(b.name));
}

const webManifestSchema = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), z.string().min(1));

/**
 * The workspace's registered operations from codegen's manifest, each checked against its id
 * (a document whose text does not hash to its id is refused, so the allow-list cannot drift).
 */
export function loadWebDocuments(path: string = WEB_MANIFEST_PATH): TrustedDocument[] {
  const entries = Object.entries(webManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))));
  return entries.map(([id, document]) => {
    if (`sha256:${documentIdOf(document)}` !== id) throw new Error(`${path}: the document registered as ${id} does not hash to it`);
    const op = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (op?.kind !== Kind.OPERATION_DEFINITION || op.name === undefined) throw new Error(`${path}: ${id} holds no named operation`);
    return { name: `web/${op.name.value}`, id, document };
  });
}

/** The manifest for a set of documents (what `npm run trusted-documents` writes). */
export function toManifest(docs: readonly TrustedDocument[]): Manifest {
  return { version: 1, documents: Object.fromEntries(docs.map((d) => [d.id, { name: d.name, document: d.document }])) };
}

/** Reads and checks the committed manifest. */
export function readManifest(path: string = MANIFEST_PATH): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let cache: ReadonlyMap<string, TrustedDocument> | undefined;

/** A registered operation by name, for the clients that send it (export route, CLIs). */
export function trustedDocument(name: string): TrustedDocument {
  cache ??= new Map(loadTrustedDocuments().map((d) => [d.name, d]));
  const doc = cache.get(name);
  if (doc === undefined) throw new Error(`no registered operation named ${name} under schema/operations/`);
  return doc;
}

/** The request body that runs a registered operation by id (`documentId`, which the gateway's plugin reads). */
export function persistedRequestBody(name: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ documentId: trustedDocument(name).id, operationName: name, variables });
}
