import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { EntryHistory, EntryStatusBadge } from '../components/EntryHistory.tsx';
import { PartialErrors, QueryFailure } from '../components/Errors.tsx';
import { Value } from '../components/Status.tsx';
import { useFragment } from '../generated/fragment-masking.ts';
import { EntryCard_EntryFragmentDoc, EntryQueryDocument, ReviewEntryMutationDocument, type EntryCard_EntryFragment } from '../generated/graphql.ts';
import { execute } from '../graphql/client.ts';
import { useQuery } from '../graphql/useQuery.ts';
import { useI18n } from '../i18n/index.ts';
import { latestYear, parseYear } from './params.ts';

/** One submitted entry with its evidence and history: approve, or return with a reason. */
function ReviewCard({ entry, onDone }: { entry: EntryCard_EntryFragment; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [overrides, setOverrides] = useState(false);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const decide = async (decision: 'APPROVE' | 'RETURN'): Promise<void> => {
    const r = await execute(ReviewEntryMutationDocument, { id: entry.id, decision, reason: reason || null, overridesSystemValue: overrides, expectedVersion: entry.version });
    const conflict = r.errors.find((e) => e.code === 'CONFLICT');
    const list = [...(r.data?.reviewEntry.userErrors ?? []).map((u) => `${u.field}: ${u.message}`), ...r.errors.map((e) => e.message)];
    if (conflict !== undefined) list.unshift(`${t('conflict')} ${conflict.currentVersion ?? '?'}`);
    setProblems(list);
    if (list.length === 0) onDone();
  };
  const id = `review-${entry.id}`;
  return (
    <section class="entry" aria-labelledby={id}>
      <h2 id={id}>
        {entry.indicator.code} — {i18n.locale === 'vi' ? entry.indicator.name : entry.indicator.nameEn} <EntryStatusBadge status={entry.status} />
      </h2>
      <dl class="meta">
        <dt>{t('value')}</dt>
        <dd>
          <Value value={entry.value} />
          {entry.numerator !== null && entry.denominator !== null && ` (${entry.numerator} / ${entry.denominator})`}
        </dd>
        <dt>{t('evidence')}</dt>
        <dd>
          {entry.evidence.map((e) => [e.documentSymbol, e.documentDate, e.url, e.fileName, e.note].filter((x) => x !== null).join(' · ')).join('; ')}
        </dd>
        <dt>{t('enteredBy')}</dt>
        <dd>{entry.enteredBy.name ?? entry.enteredBy.subject}</dd>
        {entry.justification !== null && (
          <>
            <dt>{t('justification')}</dt>
            <dd>
              {entry.acknowledgedWarnings.join(', ')}: {entry.justification}
            </dd>
          </>
        )}
      </dl>
      <EntryHistory entry={entry} />
      <label class="wide">
        {t('reason')}
        <textarea value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label>
        <input type="checkbox" checked={overrides} onChange={(e) => setOverrides(e.currentTarget.checked)} /> {t('overridesSystem')}
      </label>
      <div class="actions">
        <button type="button" onClick={() => void decide('APPROVE')}>
          {t('approve')}
        </button>
        <button type="button" onClick={() => void decide('RETURN')}>
          {t('returnEntry')}
        </button>
      </div>
      {problems.length > 0 && (
        <div role="alert" class="alert">
          <ul>
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The reviewer's queue for a unit-year: every submitted entry. */
export function Review() {
  const { t } = useI18n();
  const { params } = useRoute();
  const unitId = decodeURIComponent(params['unitId'] ?? '');
  const year = parseYear(params['year'], latestYear() - 1);
  const [state, reload] = useQuery(EntryQueryDocument, { id: unitId, year });
  if (state.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.kind === 'failed') return <QueryFailure message={state.message} code={state.code} onRetry={reload} />;
  const unit = state.result.data?.unitById ?? null;
  if (unit === null) return <p role="alert">{t('notFound')}</p>;
  const queue = useFragment(EntryCard_EntryFragmentDoc, unit.year?.selfAssessment?.entries ?? []).filter((e) => e.status === 'SUBMITTED');
  return (
    <article aria-labelledby="review-title">
      <p>
        <a href={`/scorecard/${encodeURIComponent(unit.id)}/${year}`}>← {t('scorecard')}</a>
      </p>
      <h1 id="review-title">
        {t('review')}: {unit.name} ({unit.code}) — {t('dtiYear')} {year}
      </h1>
      <p>{t('reviewIntro')}</p>
      <PartialErrors errors={state.result.errors} />
      {queue.length === 0 && <p>{t('reviewQueueEmpty')}</p>}
      {queue.map((e) => (
        <ReviewCard key={`${e.id}-${e.version}`} entry={e} onDone={reload} />
      ))}
    </article>
  );
}
