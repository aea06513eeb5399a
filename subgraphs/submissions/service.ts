import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { BadUserInputError, ConflictError, NotFoundError } from '../../lib/errors/index.ts';
import { authorize, ROLE_OF_FIELD, type AccessGate } from './access.ts';
import { indicatorOfYear, systemsMeasuring, type IndicatorCatalogue } from './domain/catalogue.ts';
import { signCheck, verifyCheck, type CheckClaims } from './domain/check-token.ts';
import { systemWarnings, unacknowledged, warningsFor, type SystemFigure } from './domain/checks.ts';
import { bilingual, inOneLine, type Bilingual } from './domain/messages.ts';
import { WARNING_CODES as CODES, type AuditEvent, type Entry, type Evidence, type Person, type UserError, type Warning } from './domain/types.ts';
import { rateOf } from './domain/value.ts';
import { transition, type Command } from './domain/workflow.ts';
import { appendAudit } from './store/audit.ts';
import { currentVersion, findEntry, findEntryById, insertEntry, unitsOfEntries, updateEntryAtVersion, valueInYear, type EntryChange } from './store/entries.ts';
import { filesByHash, putFile, type StoredFile } from './store/files.ts';
import { mapStoreError } from './store/errors.ts';
import type { Database } from './store/schema.ts';
import { checkTokenKey } from './store/secrets.ts';
import { withTransaction } from './store/transaction.ts';

export interface EvidenceInput {
  readonly documentSymbol?: string | null | undefined;
  readonly documentDate?: string | null | undefined;
  readonly url?: string | null | undefined;
  readonly fileId?: string | null | undefined;
  readonly note?: string | null | undefined;
}

export interface SaveEntryInput {
  readonly unitId: string;
  readonly year: number;
  readonly indicatorCode: string;
  readonly value?: number | null | undefined;
  readonly numerator?: number | null | undefined;
  readonly denominator?: number | null | undefined;
  readonly evidence: readonly EvidenceInput[];
  readonly comment?: string | null | undefined;
  readonly expectedVersion?: number | null | undefined;
  readonly acknowledgedWarnings?: readonly string[] | null | undefined;
  readonly justification?: string | null | undefined;
}

export interface ReviewInput {
  readonly id: string;
  readonly decision: 'APPROVE' | 'RETURN';
  readonly reason?: string | null | undefined;
  readonly overridesSystemValue?: boolean | null | undefined;
  readonly expectedVersion: number;
}

export interface EntryPayload {
  readonly entry: Entry | null;
  readonly warnings: readonly Warning[];
  readonly userErrors: readonly UserError[];
}

export interface EntriesPayload {
  readonly entries: readonly Entry[];
  readonly userErrors: readonly UserError[];
}

/** What the service needs; one per process (the per-request part is the AccessGate). */
export interface ServiceDeps {
  readonly db: Kysely<Database>;
  readonly catalogue: IndicatorCatalogue;
  readonly jumpThreshold: number;
  /** Largest |manual − system| (0–1 scale) without SYSTEM_MISMATCH. @default 0.05 */
  readonly systemTolerance?: number;
  /** How long a check token is accepted, seconds. @default 3600 */
  readonly checkTokenTtlS?: number;
  readonly maxEvidenceBytes: number;
  readonly now: () => Date;
  readonly newId?: () => string;
}

/** Ends a transaction without writing anything, carrying the input problems to the payload. */
class Refused extends Error {
  readonly userErrors: readonly UserError[];
  readonly warnings: readonly IndexedWarning[];
  constructor(userErrors: readonly UserError[], warnings: readonly IndexedWarning[] = []) {
    super('refused');
    this.userErrors = userErrors;
    this.warnings = warnings;
  }
}

/** A warning of one input of a batch (index from 0). */
export interface IndexedWarning extends Warning {
  readonly index: number;
}

export interface EntriesSavePayload {
  readonly entries: readonly Entry[];
  readonly warnings: readonly IndexedWarning[];
  readonly userErrors: readonly UserError[];
  /** False when nothing was kept: a problem in any input, or a dry run. */
  readonly stored: boolean;
}

/** An input that passed the checks needing no store. */
interface Prepared {
  readonly input: SaveEntryInput;
  readonly key: { readonly unitId: string; readonly year: number; readonly indicatorCode: string };
  readonly rate: Extract<ReturnType<typeof rateOf>, { ok: true }>;
  readonly acknowledged: readonly string[];
  readonly justification: string | null;
}

const prefixed = (index: number, errors: readonly UserError[]): UserError[] => errors.map((e) => ({ ...e, field: `inputs.${index}.${e.field}` }));
const indexOfField = (f: string): number => Number(/^inputs\.(\d+)\./.exec(f)?.[1] ?? '-1');
const byInput = (a: UserError, b: UserError): number => indexOfField(a.field) - indexOfField(b.field);

/** Back from a GraphQL error's "Vietnamese — English" line to the two messages. */
function splitLine(line: string): Bilingual {
  const i = line.indexOf(' — ');
  return i < 0 ? bilingual(line, line) : bilingual(line.slice(0, i), line.slice(i + 3));
}

const WARNING_CODES: ReadonlySet<string> = new Set(CODES);

/** A system figure as `UnitYear.systemFigures` hands it over (through @requires). */
export interface SystemFigureFacts extends SystemFigure {
  readonly indicatorCode: string;
}

/** One entry's check before submission (`UnitYear.submissionChecks`). */
export interface SubmissionCheck {
  readonly entry: Entry;
  readonly systemValue: number | null;
  readonly system: string | null;
  readonly systemStatus: string | null;
  readonly systemAsOf: string | null;
  readonly warnings: readonly Warning[];
  readonly acknowledged: boolean;
  readonly checkToken: string;
}

/** A warning found at save (only its code is kept), as a check shows it. */
const SAVED_WARNING: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  YEAR_ON_YEAR_JUMP: { vi: 'Giá trị chênh lệch so với năm trước quá ngưỡng (phát hiện khi lưu).', en: "The value differs from the previous year's by more than the threshold (found at save)." },
};

function actorOf(gate: AccessGate): Person {
  const id = gate.scope.identity;
  // authorize() ran first, so an identity is present; this keeps the type honest.
  if (id === null) throw new Error('no identity after authorisation');
  return { subject: id.subject, name: id.name };
}

/** What the audit trail keeps of an entry's state. */
function snapshot(e: Entry, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    value: e.value,
    numerator: e.numerator,
    denominator: e.denominator,
    evidence: e.evidence,
    comment: e.comment,
    status: e.status,
    version: e.version,
    enteredBy: e.enteredBy.subject,
    approvedBy: e.approvedBy?.subject ?? null,
    overridesSystem: e.overridesSystem,
    acknowledged: e.acknowledged,
    justification: e.justification,
    ...extra,
  });
}

function checkEvidence(items: readonly EvidenceInput[]): UserError[] {
  const errors: UserError[] = [];
  if (items.length === 0) {
    errors.push({ field: 'evidence', code: 'REQUIRED', ...bilingual('Cần ít nhất một minh chứng: văn bản, đường dẫn, tệp hoặc ghi chú.', 'Give at least one piece of evidence: a document, a URL, a file or a note.') });
  }
  items.forEach((e, i) => {
    const set = [e.documentSymbol, e.url, e.fileId, e.note].filter((v) => v !== null && v !== undefined && v.trim() !== '');
    if (set.length === 0) {
      errors.push({ field: `evidence.${i}`, code: 'REQUIRED', ...bilingual('Mỗi minh chứng cần số hiệu văn bản, đường dẫn, tệp hoặc ghi chú.', 'An evidence item needs a document symbol, a URL, a file or a note.') });
    }
    if (e.documentDate !== null && e.documentDate !== undefined && !isIsoDate(e.documentDate)) {
      errors.push({ field: `evidence.${i}.documentDate`, code: 'INVALID_DATE', ...bilingual(`Ngày văn bản phải là một ngày có thật dạng YYYY-MM-DD; nhận được ${e.documentDate}.`, `A document date is a real date as YYYY-MM-DD; got ${e.documentDate}.`) });
    }
    if (e.url !== null && e.url !== undefined && !URL.canParse(e.url)) {
      errors.push({ field: `evidence.${i}.url`, code: 'INVALID_URL', ...bilingual(`Không phải đường dẫn hợp lệ: ${e.url}.`, `Not a URL: ${e.url}.`) });
    } else if (e.url !== null && e.url !== undefined && !/^https?:$/.test(new URL(e.url).protocol)) {
      errors.push({ field: `evidence.${i}.url`, code: 'INVALID_URL', ...bilingual('Chỉ nhận minh chứng là đường dẫn http hoặc https.', 'Only http and https links are kept as evidence.') });
    }
  });
  return errors;
}

/** A calendar date as YYYY-MM-DD that exists (not 2023-02-30). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const clean = (s: string | null | undefined): string | null => (s === null || s === undefined || s.trim() === '' ? null : s.normalize('NFC').trim());

/** Entries, workflow and evidence: the domain decides, the store applies in one transaction. */
export function createService(deps: ServiceDeps) {
  const newId = deps.newId ?? randomUUID;
  const nowIso = (): string => deps.now().toISOString();
  const tolerance = deps.systemTolerance ?? 0.05;
  const ttlS = deps.checkTokenTtlS ?? 3600;
  const nowS = (): number => Math.floor(deps.now().getTime() / 1000);
  // The store's own key, read once (a migration created it; every replica reads the same row).
  let key: Promise<Uint8Array> | undefined;
  const checkKey = (): Promise<Uint8Array> => {
    key ??= checkTokenKey(deps.db).catch((e: unknown) => {
      key = undefined;
      throw mapStoreError(e);
    });
    return key;
  };

  async function audit(trx: Parameters<typeof appendAudit>[0], event: Omit<AuditEvent, 'at'>, at: string): Promise<void> {
    await appendAudit(trx, newId(), { ...event, at });
  }

  /** Reads the units of entries and checks the caller may act on each (before any write). */
  async function authorizeEntries(gate: AccessGate, field: 'Mutation.submitEntries' | 'Mutation.reviewEntry', ids: readonly string[]): Promise<void> {
    const units = await unitsOfEntries(deps.db, ids).catch((e: unknown) => {
      throw mapStoreError(e);
    });
    for (const id of ids) {
      const unit = units.get(id);
      // An id the caller cannot see is reported the same way as one that does not exist.
      if (unit === undefined) throw new NotFoundError(inOneLine(bilingual(`Không có bản ghi ${id}.`, `No entry ${id}.`)), { argument: 'id' });
      authorize(gate, field, unit);
    }
  }

  /** The checks that need no store: the indicator for the year, the value, the evidence, acknowledgements. */
  function prepare(input: SaveEntryInput): { readonly ok: true; readonly p: Prepared } | { readonly ok: false; readonly errors: UserError[] } {
    const errors: UserError[] = [];
    const code = input.indicatorCode.normalize('NFC').trim();
    if (indicatorOfYear(deps.catalogue, input.year, code) === undefined) {
      errors.push({
        field: 'indicatorCode',
        code: 'UNKNOWN_INDICATOR',
        ...bilingual(`${code} không phải chỉ số chính của phương pháp đánh giá DTI năm ${input.year}.`, `${code} is not a main indicator of the methodology governing DTI ${input.year}.`),
      });
    }
    const rate = rateOf(input);
    if (!rate.ok) errors.push(...rate.errors);
    errors.push(...checkEvidence(input.evidence));
    const acknowledged = [...new Set(input.acknowledgedWarnings ?? [])];
    for (const w of acknowledged) {
      if (!WARNING_CODES.has(w)) errors.push({ field: 'acknowledgedWarnings', code: 'UNKNOWN_WARNING', ...bilingual(`Không có cảnh báo nào tên ${w}.`, `No warning is called ${w}.`) });
    }
    const justification = clean(input.justification);
    if (acknowledged.length > 0 && justification === null) {
      errors.push({ field: 'justification', code: 'REQUIRED', ...bilingual('Xác nhận cảnh báo cần có lý do giải trình.', 'Acknowledging a warning needs a justification.') });
    }
    if (errors.length > 0 || !rate.ok) return { ok: false, errors };
    return { ok: true, p: { input, key: { unitId: input.unitId, year: input.year, indicatorCode: code }, rate, acknowledged, justification } };
  }

  /** Writes one prepared input inside `trx`; throws Refused, ConflictError or NotFoundError without writing. */
  async function apply(trx: Transaction<Database>, actor: Person, prepared: Prepared, at: string): Promise<{ readonly entry: Entry; readonly warnings: Warning[] }> {
    const { input, key, rate, acknowledged, justification } = prepared;
    const code = key.indicatorCode;
    const existing = await findEntry(trx, key);
    if (existing !== undefined && (input.expectedVersion === null || input.expectedVersion === undefined)) {
      throw new ConflictError(
        inOneLine(bilingual(`Đã có bản ghi cho ${code} ở phiên bản ${existing.version}; hãy lưu với expectedVersion ${existing.version}.`, `An entry for ${code} already exists at version ${existing.version}; save with expectedVersion ${existing.version}.`)),
        { currentVersion: existing.version },
      );
    }
    if (existing === undefined && input.expectedVersion !== null && input.expectedVersion !== undefined) {
      throw new NotFoundError(
        inOneLine(bilingual(`Chưa có bản ghi cho ${code} năm ${input.year} để cập nhật; bỏ expectedVersion để tạo mới.`, `There is no entry for ${code} in ${input.year} to update; omit expectedVersion to create it.`)),
        { argument: 'expectedVersion' },
      );
    }
    if (existing !== undefined && existing.version !== input.expectedVersion) {
      throw new ConflictError(
        inOneLine(bilingual(`Bản ghi đang ở phiên bản ${existing.version}, không phải ${String(input.expectedVersion)}: người khác đã lưu trước. Hãy đọc lại.`, `The entry is at version ${existing.version}, not ${String(input.expectedVersion)}: someone else saved it. Read it again.`)),
        { currentVersion: existing.version },
      );
    }
    const t = transition(existing === undefined ? null : { status: existing.status, enteredBy: existing.enteredBy.subject }, { kind: 'EDIT' }, actor);
    if (!t.ok) throw new Refused([{ field: 'status', code: t.code, message: t.message, messageEn: t.messageEn }]);
    const fileIds = input.evidence.map((e) => clean(e.fileId)).filter((f): f is string => f !== null);
    const files = await filesByHash(trx, fileIds);
    const missingFiles = fileIds.filter((f) => !files.has(f));
    if (missingFiles.length > 0) {
      throw new Refused(missingFiles.map((f) => ({ field: 'evidence.fileId', code: 'UNKNOWN_FILE', ...bilingual(`Không có tệp đã tải lên ${f}; hãy tải tệp lên trước.`, `No uploaded file ${f}; upload it first.`) })));
    }
    const evidence: Evidence[] = input.evidence.map((e) => {
      const fileId = clean(e.fileId);
      const file = fileId === null ? undefined : files.get(fileId);
      return {
        documentSymbol: clean(e.documentSymbol),
        documentDate: clean(e.documentDate),
        url: clean(e.url),
        fileId,
        fileName: file?.name ?? null,
        fileSize: file?.size ?? null,
        note: clean(e.note),
      };
    });
    const previous = await valueInYear(trx, key.unitId, key.year - 1, code);
    const warnings = warningsFor(rate.value, previous === undefined ? null : { year: key.year - 1, value: previous }, { jumpThreshold: deps.jumpThreshold });
    const change: EntryChange = {
      value: rate.value,
      numerator: rate.numerator,
      denominator: rate.denominator,
      evidence,
      comment: clean(input.comment),
      status: t.status,
      enteredBy: actor,
      approvedBy: null,
      overridesSystem: false,
      warnings: warnings.map((w) => w.code),
      acknowledged,
      justification,
    };
    let entry: Entry;
    if (existing === undefined) {
      entry = await insertEntry(trx, newId(), key, change, at);
    } else {
      const updated = await updateEntryAtVersion(trx, existing.id, existing.version, change, at);
      if (updated === undefined) {
        const v = await currentVersion(trx, existing.id);
        throw new ConflictError(
          inOneLine(bilingual(`Bản ghi vừa bị thay đổi trong lúc lưu; hiện ở phiên bản ${String(v)}. Hãy đọc lại.`, `The entry changed while saving; it is now at version ${String(v)}. Read it again.`)),
          v === undefined ? {} : { currentVersion: v },
        );
      }
      entry = updated;
    }
    await audit(
      trx,
      { entryId: entry.id, entryVersion: entry.version, actor, role: ROLE_OF_FIELD['Mutation.saveEntry'], action: t.action, before: existing === undefined ? null : snapshot(existing), after: snapshot(entry), reason: null },
      at,
    );
    return { entry, warnings };
  }

  return {
    /**
     * The checks before submission of a unit-year's open entries (DRAFT, RETURNED): for an entry whose
     * indicator a connected system measures, its figure (`figures`: what dti's systemFigures said; null
     * when it did not answer) against the manual value. Each check carries a token signed by the store
     * over what it saw, which submitEntries requires for such entries.
     */
    async submissionChecks(entries: readonly Entry[], figures: readonly SystemFigureFacts[] | null): Promise<SubmissionCheck[]> {
      const k = await checkKey();
      return entries
        .filter((e) => e.status === 'DRAFT' || e.status === 'RETURNED')
        .map((entry): SubmissionCheck => {
          const systems = systemsMeasuring(deps.catalogue, entry.indicatorCode);
          const figure: SystemFigure | null =
            systems.length === 0
              ? null
              : (figures?.find((f) => f.indicatorCode === entry.indicatorCode) ?? { system: systems.join(', '), value: null, status: 'SOURCE_UNAVAILABLE', asOf: null });
          const saved = entry.warnings.map((code): Warning => {
            const m = SAVED_WARNING[code];
            return { code: code as Warning['code'], ...bilingual(m?.vi ?? code, m?.en ?? code) };
          });
          const found = figure === null ? [] : systemWarnings(entry.value, figure, tolerance).filter((w) => !entry.warnings.includes(w.code));
          const warnings = [...saved, ...found];
          const claims: CheckClaims = {
            entryId: entry.id,
            version: entry.version,
            system: figure?.system ?? null,
            systemValue: figure?.value ?? null,
            systemStatus: figure?.status ?? null,
            warnings: warnings.map((w) => w.code),
            issuedAt: nowS(),
          };
          return {
            entry,
            systemValue: claims.systemValue,
            system: claims.system,
            systemStatus: claims.systemStatus,
            systemAsOf: figure?.asOf ?? null,
            warnings,
            acknowledged: unacknowledged(claims.warnings, entry.acknowledged).length === 0,
            checkToken: signCheck(k, claims),
          };
        });
    },

    async saveEntry(gate: AccessGate, input: SaveEntryInput): Promise<EntryPayload> {
      authorize(gate, 'Mutation.saveEntry', input.unitId);
      const actor = actorOf(gate);
      const prepared = prepare(input);
      if (!prepared.ok) return { entry: null, warnings: [], userErrors: prepared.errors };
      const at = nowIso();
      try {
        return await withTransaction(deps.db, async (trx) => ({ ...(await apply(trx, actor, prepared.p, at)), userErrors: [] }));
      } catch (e) {
        if (e instanceof Refused) return { entry: null, warnings: [], userErrors: e.userErrors };
        throw e;
      }
    },

    /**
     * Saves many drafts in one transaction: all of them, or none when any has a problem. Every
     * problem of every input is reported (fields prefixed `inputs.N.`), a stale or missing version
     * included (as a CONFLICT or NOT_FOUND userError, not a GraphQL error), so a spreadsheet import
     * can name every bad row at once. `dryRun` checks everything and stores nothing.
     */
    async saveEntries(gate: AccessGate, inputs: readonly SaveEntryInput[], options: { readonly dryRun?: boolean } = {}): Promise<EntriesSavePayload> {
      for (const unitId of new Set(inputs.map((i) => i.unitId))) authorize(gate, 'Mutation.saveEntries', unitId);
      const actor = actorOf(gate);
      const errors: UserError[] = [];
      const ready: { readonly index: number; readonly p: Prepared }[] = [];
      const seen = new Map<string, number>();
      inputs.forEach((input, index) => {
        const checked = prepare(input);
        if (!checked.ok) {
          errors.push(...prefixed(index, checked.errors));
          return;
        }
        const prepared = checked.p;
        const k = `${prepared.key.unitId}|${prepared.key.year}|${prepared.key.indicatorCode}`;
        const first = seen.get(k);
        if (first !== undefined) {
          errors.push({
            field: `inputs.${index}.indicatorCode`,
            code: 'DUPLICATE',
            ...bilingual(`${prepared.key.indicatorCode} đã có ở dòng nhập thứ ${first + 1}; mỗi chỉ số chỉ một dòng.`, `${prepared.key.indicatorCode} is already in input ${first + 1}; one input per indicator.`),
          });
          return;
        }
        seen.set(k, index);
        ready.push({ index, p: prepared });
      });
      const at = nowIso();
      try {
        return await withTransaction(deps.db, async (trx) => {
          const entries: Entry[] = [];
          const warnings: IndexedWarning[] = [];
          for (const { index, p } of ready) {
            try {
              const done = await apply(trx, actor, p, at);
              entries.push(done.entry);
              warnings.push(...done.warnings.map((w) => ({ ...w, index })));
            } catch (e) {
              if (e instanceof Refused) errors.push(...prefixed(index, e.userErrors));
              else if (e instanceof ConflictError) errors.push({ field: `inputs.${index}.expectedVersion`, code: 'CONFLICT', ...splitLine(e.message) });
              else if (e instanceof NotFoundError) errors.push({ field: `inputs.${index}.expectedVersion`, code: 'NOT_FOUND', ...splitLine(e.message) });
              else throw e;
            }
          }
          // Reported in input order whichever check found them; then nothing of the batch is kept.
          if (errors.length > 0 || options.dryRun === true) throw new Refused(errors.sort(byInput), warnings);
          return { entries, warnings, userErrors: [], stored: true };
        });
      } catch (e) {
        if (e instanceof Refused) return { entries: [], warnings: e.warnings, userErrors: e.userErrors, stored: false };
        throw e;
      }
    },

    /** Submits every named draft, or none: one entry's problem leaves all of them as they were. */
    async submitEntries(gate: AccessGate, ids: readonly string[], checks: readonly string[] = []): Promise<EntriesPayload> {
      const unique = [...new Set(ids)];
      await authorizeEntries(gate, 'Mutation.submitEntries', unique);
      const actor = actorOf(gate);
      const at = nowIso();
      const k = checks.length === 0 ? null : await checkKey();
      const oldest = nowS() - ttlS;
      const tokenProblems: UserError[] = [];
      const claimsOf = new Map<string, CheckClaims[]>();
      checks.forEach((token, i) => {
        const claims = k === null ? null : verifyCheck(k, token);
        if (claims === null) {
          tokenProblems.push({
            field: `checks.${i}`,
            code: 'CHECK_INVALID',
            ...bilingual('Mã kiểm tra không do hệ thống cấp hoặc đã bị sửa; hãy đọc lại unitYear { submissionChecks }.', 'This check token was not issued by the store or was altered; read unitYear { submissionChecks } again.'),
          });
          return;
        }
        claimsOf.set(claims.entryId, [...(claimsOf.get(claims.entryId) ?? []), claims]);
      });
      try {
        return await withTransaction(deps.db, async (trx) => {
          const done: Entry[] = [];
          const problems: UserError[] = [...tokenProblems];
          for (const id of unique) {
            const entry = await findEntryById(trx, id);
            if (entry === undefined) throw new NotFoundError(inOneLine(bilingual(`Không có bản ghi ${id}.`, `No entry ${id}.`)), { argument: 'ids' });
            const given = claimsOf.get(id) ?? [];
            const check = given.find((c) => c.version === entry.version && c.issuedAt >= oldest);
            const systems = systemsMeasuring(deps.catalogue, entry.indicatorCode);
            if (given.length === 0 && systems.length > 0) {
              problems.push({
                field: `ids.${id}`,
                code: 'CHECK_REQUIRED',
                ...bilingual(
                  `${entry.indicatorCode} được ${systems.join(', ')} đo: hãy đọc unitYear { submissionChecks } trước và gửi kèm mã kiểm tra (checks) của bản ghi.`,
                  `${entry.indicatorCode} is measured by ${systems.join(', ')}: read unitYear { submissionChecks } first and send the entry's check token (checks).`,
                ),
              });
              continue;
            }
            if (given.length > 0 && check === undefined) {
              problems.push({
                field: `ids.${id}`,
                code: 'CHECK_STALE',
                ...bilingual(
                  `Mã kiểm tra được cấp cho phiên bản ${given.map((c) => c.version).join(', ')} (hiệu lực ${ttlS} giây); bản ghi nay ở phiên bản ${entry.version}. Hãy đọc lại unitYear { submissionChecks }.`,
                  `The check token was issued for version ${given.map((c) => c.version).join(', ')} (valid ${ttlS} s); the entry is now at version ${entry.version}. Read unitYear { submissionChecks } again.`,
                ),
              });
              continue;
            }
            const open = unacknowledged([...new Set([...entry.warnings, ...(check?.warnings ?? [])])], entry.acknowledged);
            if (open.length > 0) {
              problems.push({
                field: `ids.${id}`,
                code: 'WARNING_NOT_ACKNOWLEDGED',
                ...bilingual(`Hãy xác nhận ${open.join(', ')} kèm lý do giải trình (saveEntry) trước khi gửi duyệt.`, `Acknowledge ${open.join(', ')} with a justification (saveEntry) before submitting.`),
              });
              continue;
            }
            const t = transition({ status: entry.status, enteredBy: entry.enteredBy.subject }, { kind: 'SUBMIT' }, actor);
            if (!t.ok) {
              problems.push({ field: `ids.${id}`, code: t.code, message: t.message, messageEn: t.messageEn });
              continue;
            }
            const updated = await updateEntryAtVersion(trx, id, entry.version, { ...entry, status: t.status }, at);
            if (updated === undefined) throw new ConflictError(inOneLine(bilingual(`Bản ghi ${id} vừa bị thay đổi trong lúc gửi duyệt; hãy đọc lại.`, `Entry ${id} changed while submitting; read it again.`)));
            // The audit trail keeps the systems' figure the editor saw and submitted against.
            const seen = check === undefined ? {} : { systemCheck: { system: check.system, value: check.systemValue, status: check.systemStatus, warnings: check.warnings } };
            await audit(trx, { entryId: id, entryVersion: updated.version, actor, role: ROLE_OF_FIELD['Mutation.submitEntries'], action: t.action, before: snapshot(entry), after: snapshot(updated, seen), reason: null }, at);
            done.push(updated);
          }
          if (problems.length > 0) throw new Refused(problems);
          return { entries: done, userErrors: [] };
        });
      } catch (e) {
        if (e instanceof Refused) return { entries: [], userErrors: e.userErrors };
        throw e;
      }
    },

    async reviewEntry(gate: AccessGate, input: ReviewInput): Promise<EntryPayload> {
      await authorizeEntries(gate, 'Mutation.reviewEntry', [input.id]);
      const actor = actorOf(gate);
      const at = nowIso();
      const command: Command = input.decision === 'APPROVE' ? { kind: 'APPROVE', overridesSystem: input.overridesSystemValue === true } : { kind: 'RETURN', reason: clean(input.reason) };
      try {
        return await withTransaction(deps.db, async (trx) => {
          const entry = await findEntryById(trx, input.id);
          if (entry === undefined) throw new NotFoundError(inOneLine(bilingual(`Không có bản ghi ${input.id}.`, `No entry ${input.id}.`)), { argument: 'id' });
          if (entry.version !== input.expectedVersion) {
            throw new ConflictError(
              inOneLine(bilingual(`Bản ghi đang ở phiên bản ${entry.version}, không phải ${input.expectedVersion}; hãy đọc lại trước khi duyệt.`, `The entry is at version ${entry.version}, not ${input.expectedVersion}; read it again before reviewing.`)),
              { currentVersion: entry.version },
            );
          }
          const t = transition({ status: entry.status, enteredBy: entry.enteredBy.subject }, command, actor);
          if (!t.ok) throw new Refused([{ field: t.code === 'REASON_REQUIRED' ? 'reason' : 'id', code: t.code, message: t.message, messageEn: t.messageEn }]);
          const change: EntryChange = {
            ...entry,
            status: t.status,
            approvedBy: t.approvedBy === 'unchanged' ? entry.approvedBy : t.approvedBy,
            overridesSystem: command.kind === 'APPROVE' ? command.overridesSystem : false,
          };
          const updated = await updateEntryAtVersion(trx, entry.id, entry.version, change, at);
          if (updated === undefined) {
            const v = await currentVersion(trx, entry.id);
            throw new ConflictError(
              inOneLine(bilingual(`Bản ghi vừa bị thay đổi trong lúc duyệt; hiện ở phiên bản ${String(v)}.`, `The entry changed while reviewing; it is now at version ${String(v)}.`)),
              v === undefined ? {} : { currentVersion: v },
            );
          }
          await audit(
            trx,
            { entryId: entry.id, entryVersion: updated.version, actor, role: ROLE_OF_FIELD['Mutation.reviewEntry'], action: t.action, before: snapshot(entry), after: snapshot(updated), reason: clean(input.reason) },
            at,
          );
          return { entry: updated, warnings: [], userErrors: [] };
        });
      } catch (e) {
        if (e instanceof Refused) return { entry: null, warnings: [], userErrors: e.userErrors };
        throw e;
      }
    },

    /** Keeps an evidence file by content hash, refusing one above the configured size before storing anything. */
    async uploadEvidenceFile(gate: AccessGate, input: { readonly unitId: string; readonly name: string; readonly content: Uint8Array }): Promise<StoredFile> {
      authorize(gate, 'Mutation.uploadEvidenceFile', input.unitId);
      const actor = actorOf(gate);
      if (input.content.byteLength > deps.maxEvidenceBytes) {
        throw new BadUserInputError(
          inOneLine(bilingual(`Tệp có ${input.content.byteLength} byte; giới hạn là ${deps.maxEvidenceBytes} byte.`, `The file is ${input.content.byteLength} bytes; the limit is ${deps.maxEvidenceBytes}.`)),
          { argument: 'contentBase64' },
        );
      }
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      return withTransaction(deps.db, (trx) => putFile(trx, { sha256, name: input.name.normalize('NFC'), size: input.content.byteLength, content: input.content, uploadedBy: actor.subject, at: nowIso() }));
    },
  };
}

export type SubmissionsService = ReturnType<typeof createService>;
