import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { EntryForm } from '../components/EntryForm.tsx';
import { EntryHistory } from '../components/EntryHistory.tsx';
import { PartialErrors, QueryFailure } from '../components/Errors.tsx';
import { StatusBadge, SystemName, Value } from '../components/Status.tsx';
import { useFragment } from '../generated/fragment-masking.ts';
import {
  EntryCard_EntryFragmentDoc,
  EntryQueryDocument,
  SubmissionCheck_CheckFragmentDoc,
  SubmissionChecksQueryDocument,
  SubmitEntriesMutationDocument,
  type SourceSystem,
} from '../generated/graphql.ts';
import { execute } from '../graphql/client.ts';
import { useQuery } from '../graphql/useQuery.ts';
import { useI18n } from '../i18n/index.ts';
import { latestYear, parseYear } from './params.ts';

/** The systems (e.g. DOCUMENTS, SERVICES) by their names in the current language. */
function SystemNames({ systems }: { systems: readonly SourceSystem[] }) {
  return (
    <>
      {systems.map((system, i) => (
        <span key={system}>
          {i > 0 && ', '}
          <SystemName system={system} />
        </span>
      ))}
    </>
  );
}

/** Entry: a form per main indicator of the year's methodology, then submit the drafts for review. */
export function Entry() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const unitId = decodeURIComponent(params['unitId'] ?? '');
  const year = parseYear(params['year'], latestYear() - 1);
  const [state, reload] = useQuery(EntryQueryDocument, { id: unitId, year });
  const [submitProblems, setSubmitProblems] = useState<readonly string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  if (state.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.kind === 'failed') return <QueryFailure message={state.message} code={state.code} onRetry={reload} />;
  const unit = state.result.data?.unitById ?? null;
  if (unit === null) return <p role="alert">{t('notFound')}</p>;
  const refs = unit.year?.selfAssessment?.entries ?? [];
  const entries = useFragment(EntryCard_EntryFragmentDoc, refs);
  const byCode = new Map(entries.map((e, i) => [e.indicator.code, { entry: e, ref: refs[i] ?? null }]));
  const drafts = entries.filter((e) => e.status === 'DRAFT');
  const figures = new Map((unit.year?.systemFigures ?? []).map((f) => [f.indicatorCode, f]));
  const checks = new Map(useFragment(SubmissionCheck_CheckFragmentDoc, unit.year?.submissionChecks ?? []).map((c) => [c.entry.id, c]));
  // Submitting reads the checks of the current versions first: an unacknowledged warning (a value far from
  // the systems' figure, say) is shown with both values and sent back to the form; otherwise the tokens go along.
  const submit = async (): Promise<void> => {
    const read = await execute(SubmissionChecksQueryDocument, { id: unit.id, year });
    const fresh = useFragment(SubmissionCheck_CheckFragmentDoc, read.data?.unitById?.year?.submissionChecks ?? []).filter((c) => drafts.some((d) => d.id === c.entry.id));
    const open = fresh.filter((c) => !c.acknowledged);
    if (read.errors.length > 0 || open.length > 0) {
      setSubmitProblems([...open.flatMap((c) => c.warnings.map((w) => `${c.entry.indicator.code}: ${w.message} ${t('acknowledgeFirst')}`)), ...read.errors.map((e) => e.message)]);
      setSubmitted(false);
      reload();
      return;
    }
    const r = await execute(SubmitEntriesMutationDocument, { ids: drafts.map((d) => d.id), checks: fresh.map((c) => c.checkToken) });
    const problems = [...(r.data?.submitEntries.userErrors ?? []).map((u) => u.message), ...r.errors.map((e) => e.message)];
    setSubmitProblems(problems);
    setSubmitted(problems.length === 0);
    reload();
  };
  return (
    <article aria-labelledby="entry-title">
      <p>
        <a href={`/scorecard/${encodeURIComponent(unit.id)}/${year}`}>← {t('scorecard')}</a>
      </p>
      <h1 id="entry-title">
        {t('entry')}: {unit.name} ({unit.code}) — {t('dtiYear')} {year}
      </h1>
      <p>{t('entryIntro')}</p>
      <PartialErrors errors={state.result.errors} />
      {(unit.year?.dti?.mainIndicators ?? []).map((m) => {
        const found = byCode.get(m.code);
        const figure = figures.get(m.code);
        const check = found === undefined ? undefined : checks.get(found.entry.id);
        return (
          <section key={m.code} class="entry-block">
            {figure === undefined ? (
              <p>
                {t('systemValue')}: <Value value={m.value} /> <StatusBadge status={m.status} /> — {t('heldBy')}: {m.dataHeldBy}
              </p>
            ) : (
              <p>
                {t('systemFigure')} (<SystemNames systems={figure.systems} />): <Value value={figure.value} /> <StatusBadge status={figure.status} />
                {found !== undefined && (
                  <>
                    {' '}— {t('manualValue')}: <Value value={found.entry.value} />
                  </>
                )}
              </p>
            )}
            <EntryForm
              unitId={unit.id}
              year={year}
              code={m.code}
              label={i18n.locale === 'vi' ? m.name : m.nameEn}
              entry={found?.ref ?? null}
              checkWarnings={check?.warnings ?? []}
              onSaved={reload}
            />
            {found !== undefined && <EntryHistory entry={found.entry} />}
          </section>
        );
      })}
      <div class="actions">
        <button type="button" disabled={drafts.length === 0} onClick={() => void submit()}>
          {t('submit')} ({drafts.length})
        </button>
      </div>
      {submitted && <p role="status">{t('submitted')}</p>}
      {submitProblems.length > 0 && (
        <div role="alert" class="alert">
          <ul>
            {submitProblems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
