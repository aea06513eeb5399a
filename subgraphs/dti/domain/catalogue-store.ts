import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BadUserInputError, ConflictError } from '../../../lib/errors/index.ts';
import { parseCatalogue, type Catalogue } from './catalogue.ts';

/**
 * A catalogue version file as an administrator loads it: the citation of the guidance it comes
 * from, the DTI years it governs, and the catalogue itself (the same schema as schema/dti/catalogue.json).
 */
const versionFileSchema = z.object({
  citation: z.string().min(1).transform((s) => s.normalize('NFC')),
  effectiveYears: z
    .object({ from: z.number().int().min(2020).max(2100), to: z.number().int().min(2020).max(2100).nullable().default(null) })
    .refine((y) => y.to === null || y.to >= y.from, 'effectiveYears.to is before effectiveYears.from'),
  catalogue: z.unknown(),
});

/** One catalogue version in force for some DTI years. */
export interface CatalogueVersion {
  /** The catalogue's own `version` string: unique across versions. */
  readonly version: string;
  readonly citation: string;
  readonly effectiveFrom: number;
  /** Inclusive; null: until a later version takes over. */
  readonly effectiveTo: number | null;
  /** ISO timestamp it was loaded; null for the built-in catalogue. */
  readonly loadedAt: string | null;
  readonly builtIn: boolean;
  readonly catalogue: Catalogue;
}

/** Every version, the built-in first; loading writes a file and never removes one. */
export interface CatalogueStore {
  readonly versions: () => readonly CatalogueVersion[];
  /** The version that governs a DTI year: the latest-starting loaded version covering it, else the built-in. */
  readonly forYear: (year: number) => CatalogueVersion;
  /** The latest version (what-if scoring and the catalogue query use it). */
  readonly latest: () => CatalogueVersion;
  /** Validates and stores a version; BAD_USER_INPUT when malformed, CONFLICT when it clashes. The old versions stay in force on any refusal. */
  readonly load: (text: string) => CatalogueVersion;
}

/** Parses a version file; BAD_USER_INPUT naming the first problem. */
export function parseVersionFile(text: string, loadedAt: string): CatalogueVersion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e: unknown) {
    throw new BadUserInputError(`catalogue version is not JSON: ${e instanceof Error ? e.message : String(e)}`, { argument: 'file', cause: e });
  }
  const env = versionFileSchema.safeParse(json);
  if (!env.success) {
    const i = env.error.issues[0];
    throw new BadUserInputError(`catalogue version is malformed${i === undefined ? '' : ` at ${i.path.join('.')}: ${i.message}`}`, { argument: 'file' });
  }
  let catalogue: Catalogue;
  try {
    catalogue = parseCatalogue(env.data.catalogue);
  } catch (e: unknown) {
    const detail = e instanceof z.ZodError ? e.issues.slice(0, 3).map((i) => `catalogue.${i.path.join('.')}: ${i.message}`).join('; ') : e instanceof Error ? e.message : String(e);
    throw new BadUserInputError(`catalogue version fails the catalogue schema: ${detail}`, { argument: 'file', cause: e });
  }
  return {
    version: catalogue.version,
    citation: env.data.citation,
    effectiveFrom: env.data.effectiveYears.from,
    effectiveTo: env.data.effectiveYears.to,
    loadedAt,
    builtIn: false,
    catalogue,
  };
}

function covers(v: CatalogueVersion, year: number): boolean {
  return v.effectiveFrom <= year && (v.effectiveTo === null || year <= v.effectiveTo);
}

/** Why `next` cannot join `existing`, or null. */
function conflictOf(existing: readonly CatalogueVersion[], next: CatalogueVersion): string | null {
  const same = existing.find((v) => v.version === next.version);
  if (same !== undefined) return `catalogue version "${next.version}" is already loaded (${same.builtIn ? 'built in' : `on ${same.loadedAt ?? ''}`}); give the new one its own version`;
  const clash = existing.find((v) => !v.builtIn && v.effectiveFrom === next.effectiveFrom);
  if (clash !== undefined) return `catalogue version "${clash.version}" already takes effect from ${clash.effectiveFrom}; two versions cannot start the same year`;
  return null;
}

const fileName = (v: CatalogueVersion): string => `${String(v.effectiveFrom)}-${v.version.replace(/[^\w.-]+/g, '_')}.json`;

/**
 * Opens the store over `dir` (created when absent): every `*.json` there is a version loaded
 * earlier, read and validated at start (a bad file fails start-up, it is never skipped silently).
 * A new version is written to a temporary file and renamed into place, so a crash leaves either
 * the old set or the new one. `dir` null keeps versions in memory only (tests).
 */
export function openCatalogueStore(options: { readonly dir: string | null; readonly builtIn: Catalogue; readonly builtInCitation: string; readonly now?: () => Date }): CatalogueStore {
  const now = options.now ?? (() => new Date());
  const builtIn: CatalogueVersion = {
    version: options.builtIn.version,
    citation: options.builtInCitation,
    effectiveFrom: 2020,
    effectiveTo: null,
    loadedAt: null,
    builtIn: true,
    catalogue: options.builtIn,
  };
  const loaded: CatalogueVersion[] = [];
  if (options.dir !== null) {
    mkdirSync(options.dir, { recursive: true });
    for (const name of readdirSync(options.dir).filter((n) => n.endsWith('.json')).sort()) {
      const text = readFileSync(join(options.dir, name), 'utf8');
      const stored = z.object({ loadedAt: z.string(), file: z.string() }).parse(JSON.parse(text));
      const v = parseVersionFile(stored.file, stored.loadedAt);
      const conflict = conflictOf([builtIn, ...loaded], v);
      if (conflict !== null) throw new Error(`catalogue store ${name}: ${conflict}`);
      loaded.push(v);
    }
  }
  const all = (): CatalogueVersion[] => [builtIn, ...loaded];
  return {
    versions: all,
    forYear: (year) => [...loaded].sort((a, b) => b.effectiveFrom - a.effectiveFrom).find((v) => covers(v, year)) ?? builtIn,
    latest: () => [...loaded].sort((a, b) => b.effectiveFrom - a.effectiveFrom)[0] ?? builtIn,
    load: (text) => {
      const v = parseVersionFile(text, now().toISOString());
      const conflict = conflictOf(all(), v);
      if (conflict !== null) throw new ConflictError(conflict);
      if (options.dir !== null) {
        const target = join(options.dir, fileName(v));
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ loadedAt: v.loadedAt, file: text }), { flag: 'wx' });
        renameSync(tmp, target);
      }
      loaded.push(v);
      return v;
    },
  };
}
