import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromClaims, indexUnits, scopeOf } from '../../lib/access/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../../lib/units/index.ts';
import { loadIndicatorCatalogue } from '../../subgraphs/submissions/domain/catalogue.ts';
import { createService } from '../../subgraphs/submissions/service.ts';
import { createDatabase, type StoreDatabase } from '../../subgraphs/submissions/store/db.ts';
import { at, gqlAs, token } from './client.ts';

// Entries are written through the submissions service on the same embedded store file the launched
// subgraph serves (SQLite in WAL mode takes a second process); reads go through the gateway.
const units = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
const gate = (sub: string, roles: string[]) => ({ scope: scopeOf(identityFromClaims({ sub, roles, units: ['01'], name: sub }), units, '2026-11-29'), units });

const DTI = /* GraphQL */ `
  { unit(code: "01") { year(year: 2023) { dti {
      completeness
      mainIndicators { code value status basis conflict source { system status } manual { value evidence { documentSymbol } enteredBy { subject } approvedBy { subject } } }
      missing { kind code status heldBy }
  } } } }
`;

interface Main {
  code: string;
  value: number | null;
  basis: string;
  source: { system: string } | null;
  manual: { enteredBy: { subject: string }; approvedBy: { subject: string } } | null;
}

describe('self-assessment entries in the one query', () => {
  let store: StoreDatabase;
  beforeAll(() => {
    store = createDatabase({ databaseUrl: null, dataDir: inject('submissionsDataDir') });
  });
  afterAll(async () => {
    await store.close();
  });

  it('completeness of Hà Nội 2023 rises when a reviewer approves six entries; each carries MANUAL provenance and who vouched for it', async () => {
    const viewer = { token: await token({ sub: 'viewer-e2e', roles: ['VIEWER'], units: ['01'], ttlS: 3600 }) };
    const before = await gqlAs(viewer, DTI);
    expect(before.errors).toBeUndefined();
    const completenessBefore = at(before.data, 'unit', 'year', 'dti', 'completeness');
    const missingBefore = at(before.data, 'unit', 'year', 'dti', 'missing');
    expect(Array.isArray(missingBefore) && missingBefore.some((m: { heldBy: string | null }) => m.heldBy !== null)).toBe(true);

    const service = createService({ db: store.db, catalogue: loadIndicatorCatalogue(), jumpThreshold: 0.3, maxEvidenceBytes: 1024, now: () => new Date() });
    const codes = ['922-M-1', '922-M-2', '922-M-3', '922-M-5', '922-M-6', '922-M-8'];
    const ids: string[] = [];
    for (const [i, code] of codes.entries()) {
      const saved = await service.saveEntry(gate('editor-e2e', ['EDITOR']), {
        unitId: '01@origin', year: 2023, indicatorCode: code, value: 0.5 + i / 20, evidence: [{ documentSymbol: `${i + 1}/BC-UBND`, documentDate: '2023-12-15' }],
      });
      expect(saved.userErrors).toEqual([]);
      ids.push(saved.entry?.id ?? '');
    }
    expect((await service.submitEntries(gate('editor-e2e', ['EDITOR']), ids)).userErrors).toEqual([]);
    for (const id of ids) {
      const r = await service.reviewEntry(gate('reviewer-e2e', ['REVIEWER']), { id, decision: 'APPROVE', expectedVersion: 2 });
      expect(r.userErrors).toEqual([]);
    }

    const after = await gqlAs(viewer, DTI);
    expect(after.errors).toBeUndefined();
    const completenessAfter = at(after.data, 'unit', 'year', 'dti', 'completeness');
    if (typeof completenessBefore !== 'number' || typeof completenessAfter !== 'number') throw new Error('no completeness');
    process.stdout.write(`Hà Nội DTI 2023 completeness: ${completenessBefore.toFixed(3)} before, ${completenessAfter.toFixed(3)} after six approved entries\n`);
    expect(completenessAfter).toBeGreaterThan(completenessBefore);
    const main = at(after.data, 'unit', 'year', 'dti', 'mainIndicators');
    if (!Array.isArray(main)) throw new Error('no main indicators');
    const m2: Main | undefined = main.find((m: Main) => m.code === '922-M-2');
    expect(m2).toMatchObject({ value: 0.55, basis: 'MANUAL', source: { system: 'MANUAL' }, manual: { enteredBy: { subject: 'editor-e2e' }, approvedBy: { subject: 'reviewer-e2e' } } });
  });

  it('34 provinces in one query still answer with the store in the plan', async () => {
    const r = await gqlAs({ token: await token({ sub: 'admin-e2e', roles: ['ADMIN'], units: [], ttlS: 3600 }) }, '{ units(level: PROVINCE) { code year(year: 2025) { dti { completeness } } } }');
    expect(r.errors).toBeUndefined();
    const list = at(r.data, 'units');
    expect(Array.isArray(list) ? list.length : 0).toBe(34);
  });

  it('a caller without an identity cannot read drafts or write: the refusal names what is missing', async () => {
    const read = await gqlAs(null, '{ unit(code: "01") { year(year: 2023) { selfAssessment { entries { id } } } } }');
    expect(read.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const write = await gqlAs(null, 'mutation { saveEntry(input: { unitId: "01@origin", year: 2023, indicatorCode: "922-M-4", value: 0.5, evidence: [{ note: "x" }] }) { entry { id } } }');
    expect(write.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Hà Nội only: other files (the spreadsheet round trip) write entries for other units.
    expect(await store.db.selectFrom('entry').select('id').where('unit_id', '=', '01@origin').where('indicator_code', '=', '922-M-4').execute()).toEqual([]);
  });
});
