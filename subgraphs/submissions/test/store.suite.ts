import { readFileSync, writeFileSync } from 'node:fs';
import { sql, type Insertable } from 'kysely';
import type { EntryTable } from '../store/schema.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, BadUserInputError, ConflictError } from '../../../lib/errors/index.ts';
import { loadIndicatorCatalogue } from '../domain/catalogue.ts';
import { createService, type SaveEntryInput, type SubmissionsService } from '../service.ts';
import { auditCount } from '../store/audit.ts';
import type { StoreDatabase } from '../store/db.ts';
import { mapStoreError } from '../store/errors.ts';
import { createLoaders } from '../store/loaders.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { schemaSnapshot } from '../store/snapshot.ts';
import { gateOf } from './helpers.ts';

const catalogue = loadIndicatorCatalogue();
const HN = '01@origin';
const editor = gateOf('editor-1', ['EDITOR'], ['01']);
const editor2 = gateOf('editor-2', ['EDITOR'], ['01']);
const reviewer = gateOf('reviewer-1', ['REVIEWER'], ['01']);
const editorReviewer = gateOf('editor-1', ['EDITOR', 'REVIEWER'], ['01']);
const outsider = gateOf('editor-51', ['EDITOR'], ['51']);

export const input = (over: Partial<SaveEntryInput> = {}): SaveEntryInput => ({
  unitId: HN,
  year: 2023,
  indicatorCode: '922-M-2',
  value: 0.6,
  evidence: [{ documentSymbol: '123/BC-UBND', documentDate: '2023-12-20', note: 'Báo cáo năm' }],
  comment: 'từ báo cáo',
  ...over,
});

/**
 * The contract of the store, run on every engine: each test gets a fresh database (a schema of
 * the test PostgreSQL, or a new SQLite folder).
 */
export function defineStoreSuite(name: string, open: (onQuery?: (sql: string) => void) => Promise<StoreDatabase>): void {
  describe(`submissions store on ${name}`, () => {
    let store: StoreDatabase;
    let service: SubmissionsService;
    const queries: string[] = [];
    beforeEach(async () => {
      queries.length = 0;
      store = await open((q) => queries.push(q));
      await migrateToLatest(store.db, store.engine);
      service = createService({ db: store.db, catalogue, jumpThreshold: 0.3, maxEvidenceBytes: 10 * 1024 * 1024, now: () => new Date('2026-11-29T10:00:00Z') });
    });
    afterEach(async () => {
      await store.close();
    });

    it('migrates idempotently, to the committed schema snapshot', async () => {
      await migrateToLatest(store.db, store.engine);
      await migrateToLatest(store.db, store.engine);
      const snapshot = await schemaSnapshot(store.db, store.engine);
      const file = new URL(`../store/schema.snapshot.${store.engine}.sql`, import.meta.url);
      if (process.env['UPDATE_SNAPSHOT'] === '1') writeFileSync(file, snapshot);
      expect(snapshot).toBe(readFileSync(file, 'utf8'));
    });

    it('the database itself refuses a value above 1, approver = enterer, an unknown status and a second live entry', async () => {
      const row: Insertable<EntryTable> = {
        id: 'x1', unit_id: HN, year: 2023, indicator_code: '922-M-2', value: 0.5, numerator: null, denominator: null, evidence: '[]', comment: null,
        status: 'DRAFT', version: 1, entered_by: 'a', entered_by_name: null, approved_by: null, approved_by_name: null, overrides_system: 0,
        warnings: '[]', acknowledged: '[]', justification: null, created_at: 't', updated_at: 't',
      };
      const insert = (over: Partial<Insertable<EntryTable>>) => store.db.insertInto('entry').values({ ...row, ...over }).execute().catch((e: unknown) => { throw mapStoreError(e); });
      await expect(insert({ value: 1.7 })).rejects.toBeInstanceOf(BadUserInputError);
      await expect(insert({ status: 'APPROVED', approved_by: 'a' })).rejects.toBeInstanceOf(BadUserInputError);
      await expect(insert({ status: 'DONE' })).rejects.toBeInstanceOf(BadUserInputError);
      await expect(insert({ numerator: 5, denominator: 4 })).rejects.toBeInstanceOf(BadUserInputError);
      await insert({});
      await expect(insert({ id: 'x2' })).rejects.toBeInstanceOf(ConflictError);
    });

    it('audit rows are append-only: a raw UPDATE or DELETE is refused by the database', async () => {
      const saved = await service.saveEntry(editor, input());
      const id = saved.entry?.id ?? '';
      await expect(sql`update audit_event set reason = 'x' where entry_id = ${id}`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_event where entry_id = ${id}`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await auditCount(store.db, id)).toBe(1);
    });

    it('DRAFT → SUBMITTED → APPROVED by a second person, with an audit row per change', async () => {
      const saved = await service.saveEntry(editor, input());
      expect(saved.userErrors).toEqual([]);
      const entry = saved.entry;
      if (entry === null) throw new Error('not saved');
      expect(entry).toMatchObject({ status: 'DRAFT', version: 1, value: 0.6, enteredBy: { subject: 'editor-1' } });
      const edited = await service.saveEntry(editor, input({ value: null, numerator: 3, denominator: 4, expectedVersion: 1 }));
      expect(edited.entry).toMatchObject({ version: 2, value: 0.75, numerator: 3, denominator: 4 });
      const submitted = await service.submitEntries(editor, [entry.id]);
      expect(submitted.entries[0]).toMatchObject({ status: 'SUBMITTED', version: 3 });
      const own = await service.reviewEntry(editorReviewer, { id: entry.id, decision: 'APPROVE', expectedVersion: 3 });
      expect(own.userErrors[0]?.code).toBe('OWN_ENTRY');
      const approved = await service.reviewEntry(reviewer, { id: entry.id, decision: 'APPROVE', expectedVersion: 3, overridesSystemValue: true });
      expect(approved.entry).toMatchObject({ status: 'APPROVED', version: 4, approvedBy: { subject: 'reviewer-1' }, overridesSystem: true });
      const history = await createLoaders(store.db).history.load(entry.id);
      expect(history.map((h) => [h.action, h.entryVersion, h.role])).toEqual([
        ['CREATE', 1, 'EDITOR'],
        ['EDIT', 2, 'EDITOR'],
        ['SUBMIT', 3, 'EDITOR'],
        ['APPROVE', 4, 'REVIEWER'],
      ]);
      expect(JSON.parse(history[1]?.before ?? '{}')).toMatchObject({ value: 0.6 });
      expect(JSON.parse(history[1]?.after ?? '{}')).toMatchObject({ value: 0.75 });
    });

    it('a stale version is a CONFLICT naming the current one; a second create is a CONFLICT too', async () => {
      await service.saveEntry(editor, input());
      await service.saveEntry(editor, input({ value: 0.65, expectedVersion: 1 }));
      await expect(service.saveEntry(editor2, input({ value: 0.7, expectedVersion: 1 }))).rejects.toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      await expect(service.saveEntry(editor2, input({ value: 0.7 }))).rejects.toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });

    it('returning needs a reason; a returned entry is edited back to a draft', async () => {
      const e = (await service.saveEntry(editor, input())).entry;
      if (e === null) throw new Error('not saved');
      await service.submitEntries(editor, [e.id]);
      expect((await service.reviewEntry(reviewer, { id: e.id, decision: 'RETURN', expectedVersion: 2 })).userErrors[0]?.code).toBe('REASON_REQUIRED');
      const returned = await service.reviewEntry(reviewer, { id: e.id, decision: 'RETURN', reason: 'Thiếu văn bản', expectedVersion: 2 });
      expect(returned.entry?.status).toBe('RETURNED');
      const again = await service.saveEntry(editor, input({ value: 0.62, expectedVersion: 3 }));
      expect(again.entry?.status).toBe('DRAFT');
    });

    it('bad input stores nothing: wrong code for the year, 1.7, numerator above denominator, no evidence, unit out of scope, a 20 MB file', async () => {
      const bad = [
        input({ indicatorCode: '405-M-2' }),
        input({ value: 1.7 }),
        input({ value: null, numerator: 5, denominator: 4 }),
        input({ evidence: [] }),
        input({ evidence: [{ url: 'javascript:alert(1)' }] }),
      ];
      for (const b of bad) expect((await service.saveEntry(editor, b)).userErrors.length).toBeGreaterThan(0);
      await expect(service.saveEntry(outsider, input())).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(service.saveEntry(reviewer, input())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(service.uploadEvidenceFile(editor, { unitId: HN, name: 'big.pdf', content: new Uint8Array(20 * 1024 * 1024) })).rejects.toBeInstanceOf(BadUserInputError);
      expect(await store.db.selectFrom('entry').select('id').execute()).toEqual([]);
      expect(await store.db.selectFrom('audit_event').select('id').execute()).toEqual([]);
      expect(await store.db.selectFrom('evidence_file').select('sha256').execute()).toEqual([]);
    });

    it('keeps an uploaded file by content hash and shows its name and size in the evidence', async () => {
      const f = await service.uploadEvidenceFile(editor, { unitId: HN, name: 'Báo cáo.pdf', content: new TextEncoder().encode('%PDF-1.4 test') });
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      const saved = await service.saveEntry(editor, input({ evidence: [{ fileId: f.sha256 }] }));
      expect(saved.entry?.evidence[0]).toMatchObject({ fileId: f.sha256, fileName: 'Báo cáo.pdf', fileSize: 13 });
      expect((await service.saveEntry(editor, input({ indicatorCode: '922-M-3', evidence: [{ fileId: 'f'.repeat(64) }] }))).userErrors[0]?.code).toBe('UNKNOWN_FILE');
    });

    it('a year-on-year jump warns; submitting needs it acknowledged with a justification; submit is all-or-nothing', async () => {
      const prev = await service.saveEntry(editor, input({ year: 2022, value: 0.2 }));
      const jump = await service.saveEntry(editor, input({ value: 0.9 }));
      expect(jump.warnings.map((w) => w.code)).toEqual(['YEAR_ON_YEAR_JUMP']);
      const other = await service.saveEntry(editor, input({ indicatorCode: '922-M-3', value: 0.5 }));
      const ids = [jump.entry?.id ?? '', other.entry?.id ?? ''];
      const refused = await service.submitEntries(editor, ids);
      expect(refused.userErrors.map((e) => e.code)).toEqual(['WARNING_NOT_ACKNOWLEDGED']);
      expect((await createLoaders(store.db).entries.load({ unitId: HN, year: 2023 })).map((e) => e.status)).toEqual(['DRAFT', 'DRAFT']);
      expect((await service.saveEntry(editor, input({ value: 0.9, expectedVersion: 1, acknowledgedWarnings: ['YEAR_ON_YEAR_JUMP'] }))).userErrors[0]?.field).toBe('justification');
      await service.saveEntry(editor, input({ value: 0.9, expectedVersion: 1, acknowledgedWarnings: ['YEAR_ON_YEAR_JUMP'], justification: 'Triển khai nền tảng mới' }));
      expect((await service.submitEntries(editor, ids)).entries.map((e) => e.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
      expect(prev.entry?.status).toBe('DRAFT');
    });

    it('saveEntries stores every input in one transaction, or none: every bad input is reported by index, a stale version included', async () => {
      const existing = (await service.saveEntry(editor, input({ indicatorCode: '922-M-5' }))).entry;
      if (existing === null) throw new Error('not saved');
      const batch = [
        input({ indicatorCode: '922-M-1' }),
        input({ indicatorCode: '405-M-2' }),
        input({ indicatorCode: '922-M-3', value: 1.7 }),
        input({ indicatorCode: '922-M-4', value: null, numerator: 5, denominator: 4, evidence: [] }),
        input({ indicatorCode: '922-M-5' }),
        input({ indicatorCode: '922-M-1' }),
      ];
      const refused = await service.saveEntries(editor, batch);
      expect(refused.stored).toBe(false);
      expect(refused.entries).toEqual([]);
      expect(refused.userErrors.map((e) => [e.field, e.code])).toEqual([
        ['inputs.1.indicatorCode', 'UNKNOWN_INDICATOR'],
        ['inputs.2.value', 'OUT_OF_RANGE'],
        ['inputs.3.numerator', 'NUMERATOR_ABOVE_DENOMINATOR'],
        ['inputs.3.evidence', 'REQUIRED'],
        ['inputs.4.expectedVersion', 'CONFLICT'],
        ['inputs.5.indicatorCode', 'DUPLICATE'],
      ]);
      expect(await store.db.selectFrom('entry').select('indicator_code').execute()).toEqual([{ indicator_code: '922-M-5' }]);
      expect(await auditCount(store.db, existing.id)).toBe(1);

      const good = [input({ indicatorCode: '922-M-1' }), input({ indicatorCode: '922-M-5', value: 0.7, expectedVersion: 1 })];
      const dry = await service.saveEntries(editor, good, { dryRun: true });
      expect(dry).toMatchObject({ stored: false, entries: [], userErrors: [] });
      expect((await store.db.selectFrom('entry').select('id').execute()).length).toBe(1);
      const saved = await service.saveEntries(editor, good);
      expect(saved.stored).toBe(true);
      expect(saved.entries.map((e) => [e.indicatorCode, e.status, e.version])).toEqual([
        ['922-M-1', 'DRAFT', 1],
        ['922-M-5', 'DRAFT', 2],
      ]);
      await expect(service.saveEntries(outsider, good)).rejects.toBeInstanceOf(AccessDeniedError);
    });

    it('messages officials read are Vietnamese first, with English alongside', async () => {
      const bad = await service.saveEntry(editor, input({ value: 1.7 }));
      expect(bad.userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE', message: expect.stringMatching(/^Giá trị là tỉ lệ từ 0 đến 1/), messageEn: expect.stringMatching(/^A value is a rate/) });
      await service.saveEntry(editor, input({ year: 2022, value: 0.2 }));
      const jump = await service.saveEntry(editor, input({ value: 0.9 }));
      expect(jump.warnings[0]).toMatchObject({ message: expect.stringMatching(/chênh lệch so với giá trị năm 2022/), messageEn: expect.stringMatching(/differs from 2022/) });
      await expect(service.saveEntry(editor2, input({ value: 0.7 }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Đã có bản ghi cho 922-M-2 ở phiên bản 1.* — An entry for 922-M-2 already exists/) });
    });

    it('one store query for the entries of 34 unit-years (one federation wave)', async () => {
      const loaders = createLoaders(store.db);
      queries.length = 0;
      const keys = Array.from({ length: 34 }, (_, i) => ({ unitId: `${String(i + 1).padStart(2, '0')}@origin`, year: 2023 }));
      await Promise.all(keys.map((k) => loaders.approved.load(k)));
      expect(queries.length).toBe(1);
    });

    it('50 concurrent editors on one entry: one winner per version, the rest CONFLICT, audit rows = successes', async () => {
      const first = (await service.saveEntry(editor, input())).entry;
      if (first === null) throw new Error('not saved');
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => service.saveEntry(gateOf(`editor-${i}`, ['EDITOR'], ['01']), input({ value: i / 100, expectedVersion: 1 }))),
      );
      const ok = results.filter((r) => r.status === 'fulfilled' && r.value.entry !== null);
      const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError);
      expect(ok.length).toBe(1);
      expect(conflicts.length).toBe(49);
      expect(await auditCount(store.db, first.id)).toBe(2);
    });

    it('submission checks: SYSTEM_MISMATCH with both values; submitting needs the current token, acknowledged; the audit keeps the figure seen', async () => {
      const m7 = (over: Partial<SaveEntryInput> = {}) => input({ indicatorCode: '922-M-7', value: 0.4, ...over });
      const figures = [{ indicatorCode: '922-M-7', value: 0.675, system: 'DOCUMENTS, SERVICES', status: 'OK', asOf: '2023-12-31' }];
      const saved = (await service.saveEntry(editor, m7())).entry;
      const plain = (await service.saveEntry(editor, input())).entry;
      if (saved === null || plain === null) throw new Error('not saved');
      const loaders = createLoaders(store.db);
      const checks = await service.submissionChecks(await loaders.entries.load({ unitId: HN, year: 2023 }), figures);
      const check = checks.find((c) => c.entry.id === saved.id);
      expect(check).toMatchObject({ systemValue: 0.675, system: 'DOCUMENTS, SERVICES', systemStatus: 'OK', acknowledged: false, warnings: [{ code: 'SYSTEM_MISMATCH' }] });
      expect(check?.warnings[0]?.message).toMatch(/0\.4.*0\.675/);
      // An indicator no system measures: no figure, no warning, and no token needed to submit it.
      expect(checks.find((c) => c.entry.id === plain.id)).toMatchObject({ systemValue: null, system: null, warnings: [], acknowledged: true });
      expect((await service.submitEntries(editor, [plain.id])).userErrors).toEqual([]);

      expect((await service.submitEntries(editor, [saved.id])).userErrors[0]?.code).toBe('CHECK_REQUIRED');
      const token = check?.checkToken ?? '';
      const [body] = token.split('.');
      const notOurs = await service.submitEntries(editor, [saved.id], [`${body ?? ''}.AAAA`]);
      expect(notOurs.userErrors.map((u) => u.code)).toEqual(['CHECK_INVALID', 'CHECK_REQUIRED']);
      const unacknowledged = await service.submitEntries(editor, [saved.id], [token]);
      expect(unacknowledged.userErrors[0]).toMatchObject({ code: 'WARNING_NOT_ACKNOWLEDGED', message: expect.stringMatching(/SYSTEM_MISMATCH/) });

      const acknowledged = await service.saveEntry(editor, m7({ expectedVersion: 1, acknowledgedWarnings: ['SYSTEM_MISMATCH'], justification: 'Số liệu hệ thống chưa gồm cấp xã' }));
      expect(acknowledged.entry?.version).toBe(2);
      expect((await service.submitEntries(editor, [saved.id], [token])).userErrors[0]?.code).toBe('CHECK_STALE');
      const fresh = await service.submissionChecks(await createLoaders(store.db).entries.load({ unitId: HN, year: 2023 }), figures);
      const again = fresh.find((c) => c.entry.id === saved.id);
      expect(again?.acknowledged).toBe(true);
      // The token is the store's own: another service (a replica) on the same database accepts it.
      const replica = createService({ db: store.db, catalogue, jumpThreshold: 0.3, maxEvidenceBytes: 1, now: () => new Date('2026-11-29T10:00:00Z') });
      // Read more than an hour ago: stale, whatever the version.
      const later = createService({ db: store.db, catalogue, jumpThreshold: 0.3, maxEvidenceBytes: 1, now: () => new Date('2026-11-29T11:00:01Z') });
      expect((await later.submitEntries(editor, [saved.id], [again?.checkToken ?? ''])).userErrors[0]?.code).toBe('CHECK_STALE');
      const submitted = await replica.submitEntries(editor, [saved.id], [again?.checkToken ?? '']);
      expect(submitted.userErrors).toEqual([]);
      expect(submitted.entries[0]).toMatchObject({ status: 'SUBMITTED', version: 3 });
      const history = await createLoaders(store.db).history.load(saved.id);
      expect(JSON.parse(history.at(-1)?.after ?? '{}')).toMatchObject({ status: 'SUBMITTED', systemCheck: { system: 'DOCUMENTS, SERVICES', value: 0.675, status: 'OK', warnings: ['SYSTEM_MISMATCH'] } });
    });

    it('no figure from the systems (dti did not answer): SYSTEM_FIGURE_UNAVAILABLE must be acknowledged too; within the tolerance nothing is', async () => {
      const saved = (await service.saveEntry(editor, input({ indicatorCode: '922-M-9', value: 0.22 }))).entry;
      if (saved === null) throw new Error('not saved');
      const [down] = await service.submissionChecks([saved], null);
      expect(down).toMatchObject({ systemValue: null, system: 'LABOUR', systemStatus: 'SOURCE_UNAVAILABLE', warnings: [{ code: 'SYSTEM_FIGURE_UNAVAILABLE' }] });
      expect((await service.submitEntries(editor, [saved.id], [down?.checkToken ?? ''])).userErrors[0]?.code).toBe('WARNING_NOT_ACKNOWLEDGED');
      const [close] = await service.submissionChecks([saved], [{ indicatorCode: '922-M-9', value: 0.2, system: 'LABOUR', status: 'OK', asOf: null }]);
      expect(close).toMatchObject({ warnings: [], acknowledged: true });
      expect((await service.submitEntries(editor, [saved.id], [close?.checkToken ?? ''])).userErrors).toEqual([]);
    });
  });
}
