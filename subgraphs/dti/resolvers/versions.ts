import type { CatalogueVersion } from '../domain/catalogue-store.ts';

/** `CatalogueVersion` as the schema shows it (without the catalogue itself). */
export function versionView(v: CatalogueVersion) {
  return { version: v.version, citation: v.citation, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, loadedAt: v.loadedAt, builtIn: v.builtIn };
}
