import { useState } from 'preact/hooks';
import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { EntryCard_EntryFragmentDoc, SaveEntryMutationDocument, UploadEvidenceFileMutationDocument, type SaveEntryInput } from '../generated/graphql.ts';
import { execute, RequestFailed } from '../graphql/client.ts';
import { useI18n } from '../i18n/index.ts';
import { EntryStatusBadge } from './EntryHistory.tsx';

interface Problem {
  readonly field: string;
  readonly message: string;
}

function parseNumber(raw: string): number | null {
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * One indicator's entry: value (or numerator/denominator) with evidence and a comment. Warnings
 * come back from the checks and are acknowledged here with a justification; a conflict (someone
 * saved first) keeps everything typed in the form.
 */
export function EntryForm({
  unitId,
  year,
  code,
  label,
  entry: entryRef,
  checkWarnings = [],
  onSaved,
}: {
  unitId: string;
  year: number;
  code: string;
  label: string;
  entry: FragmentType<typeof EntryCard_EntryFragmentDoc> | null;
  /** Warnings of the check before submission (e.g. SYSTEM_MISMATCH, with both values), to acknowledge here too. */
  checkWarnings?: readonly { code: string; message: string }[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const entry = useFragment(EntryCard_EntryFragmentDoc, entryRef);
  const first = entry?.evidence[0];
  const [value, setValue] = useState(entry === null || entry.numerator !== null ? '' : String(entry.value));
  const [numerator, setNumerator] = useState(entry?.numerator === null || entry?.numerator === undefined ? '' : String(entry.numerator));
  const [denominator, setDenominator] = useState(entry?.denominator === null || entry?.denominator === undefined ? '' : String(entry.denominator));
  const [symbol, setSymbol] = useState(first?.documentSymbol ?? '');
  const [docDate, setDocDate] = useState(first?.documentDate ?? '');
  const [url, setUrl] = useState(first?.url ?? '');
  const [note, setNote] = useState(first?.note ?? '');
  const [fileId, setFileId] = useState<string | null>(first?.fileId ?? null);
  const [comment, setComment] = useState(entry?.comment ?? '');
  const [acknowledged, setAcknowledged] = useState<readonly string[]>(entry?.acknowledgedWarnings ?? []);
  const [justification, setJustification] = useState(entry?.justification ?? '');
  const [warnings, setWarnings] = useState<readonly { code: string; message: string }[]>([]);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [conflict, setConflict] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const id = `entry-${code}`;
  const editable = entry === null || entry.status === 'DRAFT' || entry.status === 'RETURNED';

  const upload = async (file: File): Promise<void> => {
    setStatus(t('uploading'));
    try {
      const r = await execute(UploadEvidenceFileMutationDocument, { unitId, name: file.name, contentBase64: await fileToBase64(file) });
      const uploaded = r.data?.uploadEvidenceFile;
      if (uploaded !== undefined) setFileId(uploaded.fileId);
      setProblems(r.errors.map((e) => ({ field: 'file', message: e.message })));
      setStatus(null);
    } catch (e: unknown) {
      setProblems([{ field: 'file', message: e instanceof Error ? e.message : String(e) }]);
      setStatus(null);
    }
  };

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const v = parseNumber(value);
    const n = parseNumber(numerator);
    const d = parseNumber(denominator);
    const evidence = { documentSymbol: symbol || null, documentDate: docDate || null, url: url || null, fileId, note: note || null };
    const input: SaveEntryInput = {
      unitId,
      year,
      indicatorCode: code,
      value: v,
      numerator: n,
      denominator: d,
      evidence: Object.values(evidence).some((x) => x !== null) ? [evidence] : [],
      comment: comment || null,
      acknowledgedWarnings: [...acknowledged],
      justification: justification || null,
      ...(entry === null ? {} : { expectedVersion: entry.version }),
    };
    setConflict(null);
    try {
      const r = await execute(SaveEntryMutationDocument, { input });
      const conflictError = r.errors.find((x) => x.code === 'CONFLICT');
      if (conflictError !== undefined) {
        setConflict(conflictError.currentVersion ?? -1);
        return;
      }
      const payload = r.data?.saveEntry;
      setProblems([...(payload?.userErrors ?? []), ...r.errors.map((x) => ({ field: x.code ?? '', message: x.message }))]);
      setWarnings(payload?.warnings ?? []);
      if (payload?.entry !== null && payload?.entry !== undefined) {
        setStatus(t('saved'));
        onSaved();
      }
    } catch (err: unknown) {
      setProblems([{ field: err instanceof RequestFailed ? (err.code ?? '') : '', message: err instanceof Error ? err.message : String(err) }]);
    }
  };

  return (
    <form class="entry" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)}>
      <h3 id={`${id}-title`}>
        {code} — {label} {entry !== null && <EntryStatusBadge status={entry.status} />}{' '}
        {entry !== null && (
          <small>
            {t('version')} {entry.version}
          </small>
        )}
      </h3>
      <fieldset disabled={!editable}>
        <div class="row">
          <label>
            {t('valueRate')}
            <input name="value" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          </label>
          <span class="or">{t('orNumeratorDenominator')}</span>
          <label>
            {t('numerator')}
            <input name="numerator" inputMode="decimal" value={numerator} onInput={(e) => setNumerator(e.currentTarget.value)} />
          </label>
          <label>
            {t('denominator')}
            <input name="denominator" inputMode="decimal" value={denominator} onInput={(e) => setDenominator(e.currentTarget.value)} />
          </label>
        </div>
        <div class="row">
          <label>
            {t('documentSymbol')}
            <input name="documentSymbol" value={symbol} onInput={(e) => setSymbol(e.currentTarget.value)} />
          </label>
          <label>
            {t('documentDate')}
            <input name="documentDate" type="date" value={docDate} onInput={(e) => setDocDate(e.currentTarget.value)} />
          </label>
          <label>
            {t('evidenceUrl')}
            <input name="url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label>
            {t('evidenceFile')}
            <input name="file" type="file" onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f !== undefined) void upload(f);
            }} />
          </label>
        </div>
        <label class="wide">
          {t('evidenceNote')}
          <input name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label class="wide">
          {t('comment')}
          <textarea name="comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        {[...new Set([...warnings.map((w) => w.code), ...checkWarnings.map((w) => w.code), ...(entry?.warningCodes ?? [])])].length > 0 && (
          <fieldset class="warnings">
            <legend>{t('warnings')}</legend>
            {[
              ...new Map([
                ...(entry?.warningCodes ?? []).map((c) => [c, c] as const),
                ...checkWarnings.map((w) => [w.code, w.message] as const),
                ...warnings.map((w) => [w.code, w.message] as const),
              ]).entries(),
            ].map(([codeW, message]) => (
              <label key={codeW}>
                <input
                  type="checkbox"
                  checked={acknowledged.includes(codeW)}
                  onChange={(e) => setAcknowledged(e.currentTarget.checked ? [...acknowledged, codeW] : acknowledged.filter((a) => a !== codeW))}
                />{' '}
                {t('acknowledge')}: {message}
              </label>
            ))}
            <label class="wide">
              {t('justification')}
              <textarea name="justification" value={justification} onInput={(e) => setJustification(e.currentTarget.value)} />
            </label>
          </fieldset>
        )}
        <button type="submit">{t('save')}</button>
      </fieldset>
      {conflict !== null && (
        <div role="alert" class="alert">
          <p>
            {t('conflict')} {conflict}. {t('conflictKeep')}
          </p>
          <button type="button" onClick={onSaved}>
            {t('reload')}
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <div role="alert" class="alert">
          <ul>
            {problems.map((p) => (
              <li>
                {p.field !== '' && <strong>{p.field}: </strong>}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status !== null && <p role="status">{status}</p>}
    </form>
  );
}
