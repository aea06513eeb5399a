import { useState } from 'preact/hooks';
import { ImportPlanMutationDocument, PreviewPlanQueryDocument, type PreviewPlanQueryQuery } from '../generated/graphql.ts';
import { execute, RequestFailed, type GraphQLErrorInfo } from '../graphql/client.ts';
import { useI18n } from '../i18n/index.ts';
import { BudgetTable, LEVEL_KEY, TargetTable, TaskTable } from './PlanTables.tsx';

type Preview = PreviewPlanQueryQuery['previewPlan'];

/** What a failed request says: the refusal code in words where there is one. */
function failure(e: unknown, forbidden: string): string {
  if (e instanceof RequestFailed && e.code === 'FORBIDDEN') return `${forbidden}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** The errors beside an answer, a refusal said in words. */
function described(errors: readonly GraphQLErrorInfo[], forbidden: string): string {
  return errors.map((e) => (e.code === 'FORBIDDEN' ? `${forbidden}: ${e.message}` : e.message)).join('; ');
}

/**
 * Plan upload: paste the text or pick a .txt file, read what the parser makes of it (nothing is
 * stored), then save. Changing the text or title drops the reading, so what is saved is what was read.
 */
export function PlanUpload({ unitCode, onSaved }: { unitCode: string; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const edit = (next: () => void): void => {
    next();
    setPreview(null);
    setSaved(null);
    setProblem(null);
  };
  const variables = () => ({ unitCode, text, title: title.trim() === '' ? null : title });
  const read = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      const r = await execute(PreviewPlanQueryDocument, variables());
      setPreview(r.data?.previewPlan ?? null);
      if (r.errors.length > 0) setProblem(described(r.errors, t('planForbidden')));
    } catch (e: unknown) {
      setPreview(null);
      setProblem(failure(e, t('planForbidden')));
    } finally {
      setBusy(false);
    }
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await execute(ImportPlanMutationDocument, variables());
      const plan = r.data?.importPlan ?? null;
      if (plan === null || r.errors.length > 0) {
        setProblem(described(r.errors, t('planForbidden')));
        return;
      }
      setSaved(plan.symbol);
      setPreview(null);
      onSaved();
    } catch (e: unknown) {
      setProblem(failure(e, t('planForbidden')));
    } finally {
      setBusy(false);
    }
  };
  const pick = async (e: Event): Promise<void> => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    const content = await file.text();
    edit(() => setText(content));
  };

  return (
    <section aria-labelledby="upload-title" class="upload">
      <h2 id="upload-title">{t('uploadPlan')}</h2>
      <p>{t('uploadPlanIntro')}</p>
      <div class="controls">
        <label>
          {t('planFile')}
          <input type="file" accept=".txt,text/plain" onChange={(e) => void pick(e)} />
        </label>
        <label>
          {t('planTitle')}
          <input type="text" value={title} onInput={(e) => edit(() => setTitle(e.currentTarget.value))} />
        </label>
      </div>
      <label class="block">
        {t('planText')}
        <textarea rows={8} value={text} onInput={(e) => edit(() => setText(e.currentTarget.value))} />
      </label>
      <div class="actions">
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => void read()}>
          {t('readPlan')}
        </button>
      </div>
      {problem !== null && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
      {saved !== null && (
        <p role="status">
          {t('planSaved')}: {saved}
        </p>
      )}
      {preview !== null && <Reading preview={preview} />}
      {preview !== null && (
        <div class="actions">
          <button type="button" disabled={busy || !preview.importable} onClick={() => void save()}>
            {t('savePlan')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The parser's reading, laid out as the plans list shows a stored plan. */
function Reading({ preview: p }: { preview: Preview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t('noValue');
  return (
    <div class="reading" aria-labelledby="reading-title">
      <h3 id="reading-title">{t('planReading')}</h3>
      <p role="status" class={p.importable ? '' : 'alert'}>
        {p.importable ? t('planImportable') : t('planNotImportable')}
      </p>
      {p.errors.length > 0 && (
        <>
          <h4>{t('planErrors')}</h4>
          <ul class="alert">
            {p.errors.map((e) => (
              // Vietnamese first, English alongside (each marked with its language).
              <li key={`${e.code}-${e.field}-${e.messageEn}`} data-code={e.code}>
                <span lang="vi">{e.message}</span>
                <br />
                <small lang="en">{e.messageEn}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.warnings.length > 0 && (
        <>
          <h4>{t('planWarnings')}</h4>
          <ul class="alert warn">
            {p.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      )}
      <dl class="meta">
        <dt>{t('documentSymbol')}</dt>
        <dd>{p.symbol ?? none}</dd>
        <dt>{t('planTitle')}</dt>
        <dd>{p.title ?? none}</dd>
        <dt>{t('issuer')}</dt>
        <dd>{p.issuer ?? none}</dd>
        <dt>{t('issuerLevel')}</dt>
        <dd>{p.level === null ? none : t(LEVEL_KEY[p.level])}</dd>
        <dt>{t('issuedOn')}</dt>
        <dd>{p.issuedOn ?? none}</dd>
        <dt>{t('filedUnder')}</dt>
        <dd>{p.unit === null ? none : `${p.unit.name} (${p.unit.code})`}</dd>
        <dt>{t('legalBasis')}</dt>
        <dd>{p.legalBasis.length === 0 ? none : p.legalBasis.join('; ')}</dd>
      </dl>
      <TargetTable rows={p.targets} compare={false} caption={`${t('targets')} (${p.targets.length})`} />
      <TaskTable
        rows={p.tasks.map((task) => ({ title: task.title, lead: task.lead.join(', ') || none, cooperating: task.cooperating.join(', '), timeframe: task.timeframe?.text ?? null, result: task.result }))}
        withLead
        caption={`${t('tasks')} (${p.tasks.length})`}
      />
      <BudgetTable budget={p.budget} caption={t('budgetByYear')} />
      <p>
        {t('budgetTotal')}: {p.budgetTotalVND === null ? none : i18n.number(p.budgetTotalVND, 0)}
      </p>
    </div>
  );
}
