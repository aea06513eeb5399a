import { describe, expect, it } from 'vitest';
import { UNIT_EXPORT_QUERY, UNIT_LIST_QUERY, UNITS_EXPORT_QUERY } from '../exports/index.ts';
import { documentIdOf, loadTrustedDocuments, loadWebDocuments, readManifest, toManifest, trustedDocument } from './index.ts';

describe('trusted documents', () => {
  it('the committed manifest equals what `npm run trusted-documents` generates', () => {
    expect(readManifest()).toEqual(toManifest([...loadTrustedDocuments(), ...loadWebDocuments()]));
  });

  it('registers every operation the export route and the CLIs send', () => {
    const ids = new Set(Object.keys(readManifest().documents));
    for (const q of [UNIT_EXPORT_QUERY, UNITS_EXPORT_QUERY, UNIT_LIST_QUERY]) expect(ids).toContain(documentIdOf(q));
    for (const name of ['DtiExportChunk', 'ImportPlan']) expect(ids).toContain(trustedDocument(name).id);
  });

  it('registers every operation of the web workspace under its codegen id', () => {
    const web = loadWebDocuments();
    expect(web.map((d) => d.name)).toEqual(expect.arrayContaining(['web/ProvincesQuery', 'web/ScorecardQuery', 'web/SaveEntryMutation', 'web/ReviewEntryMutation']));
    const ids = new Set(Object.keys(readManifest().documents));
    for (const d of web) expect(ids).toContain(d.id);
  });

  it('ids are the sha256 of the stored document, with its fragments', () => {
    // The workspace's ids keep codegen's `sha256:` prefix (what its bundle sends); ours are bare hex.
    for (const [id, d] of Object.entries(readManifest().documents)) expect(d.name.startsWith('web/') ? `sha256:${documentIdOf(d.document)}` : documentIdOf(d.document)).toBe(id);
    expect(trustedDocument('DtiExportUnit').document).toContain('fragment DtiExportFields on AdministrativeUnit');
  });
});
