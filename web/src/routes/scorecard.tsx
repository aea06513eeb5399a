import { useRoute } from 'preact-iso';
import { PartialErrors, QueryFailure } from '../components/Errors.tsx';
import { HistoryChart } from '../components/HistoryChart.tsx';
import { IndicatorCharts } from '../components/IndicatorCharts.tsx';
import { Index766Panel } from '../components/Index766Panel.tsx';
import { IndicatorTable, InputTable, MissingList } from '../components/ScorecardTables.tsx';
import { Value } from '../components/Status.tsx';
import { ScorecardQueryDocument, ScorecardSummary_DtiFragmentDoc } from '../generated/graphql.ts';
import { useFragment } from '../generated/fragment-masking.ts';
import { download } from '../graphql/client.ts';
import { useQuery } from '../graphql/useQuery.ts';
import { useI18n } from '../i18n/index.ts';
import { FIRST_YEAR, latestYear, parseYear } from './params.ts';

/** One unit-year: every main indicator, inputs with provenance, the to-do list, the 766 estimate and the history, in one request. */
export function Scorecard() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const unitId = decodeURIComponent(params['unitId'] ?? '');
  const year = parseYear(params['year'], latestYear() - 1);
  const [state, reload] = useQuery(ScorecardQueryDocument, { id: unitId, year, from: FIRST_YEAR, to: year });
  if (state.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.kind === 'failed') return <QueryFailure message={state.message} code={state.code} onRetry={reload} />;
  const unit = state.result.data?.unitById ?? null;
  if (unit === null) {
    return (
      <>
        <PartialErrors errors={state.result.errors} />
        <p role="alert">{t('notFound')}</p>
      </>
    );
  }
  const dti = unit.year?.dti ?? null;
  const summary = useFragment(ScorecardSummary_DtiFragmentDoc, dti);
  const exportName = `dti-${unit.code}-${year}`;
  return (
    <article aria-labelledby="scorecard-title">
      <p>
        <a href={`/?year=${year}`}>← {t('backToProvinces')}</a> · <a href={`/plans/${encodeURIComponent(unit.id)}/${year}`}>{t('plans')}</a> · <a href={`/entry/${encodeURIComponent(unit.id)}/${year}`}>{t('entry')}</a> ·{' '}
        <a href={`/review/${encodeURIComponent(unit.id)}/${year}`}>{t('review')}</a>
      </p>
      <h1 id="scorecard-title">
        {t('scorecard')}: {unit.name} ({unit.code}) — {t('dtiYear')} {year}
      </h1>
      {!unit.confirmed && unit.notes !== null && (
        <p class="flag">
          {t('unconfirmed')}: {unit.notes}
        </p>
      )}
      <PartialErrors errors={state.result.errors} />
      {unit.predecessors.length > 0 && (
        <p>
          {t('predecessors')}: {unit.predecessors.map((p) => `${p.name} (${p.code})`).join(', ')}
        </p>
      )}
      {summary !== null && summary !== undefined && (
        <section aria-labelledby="summary-title" class="summary">
          <h2 id="summary-title">{t('scoreSoFar')}</h2>
          <dl>
            <dt>{t('methodology')}</dt>
            <dd>{summary.methodology}</dd>
            <dt>{t('score')}</dt>
            <dd>
              <Value value={summary.score} estimate={summary.estimate} unconfirmed={!summary.scoreConfirmed} />
              {summary.synthetic && <small class="flag"> ({t('synthetic')})</small>}
            </dd>
            <dt>{t('completeness')}</dt>
            <dd>
              <Value value={summary.completeness} percent />
            </dd>
            <dt>{t('publishedScore')}</dt>
            <dd>
              <Value value={summary.published?.score} unconfirmed={summary.published?.confirmed === false} />
              {summary.published?.rank !== null && summary.published?.rank !== undefined && ` — ${t('publishedRank')} ${summary.published.rank}`}
            </dd>
            {summary.scoreNote !== null && (
              <>
                <dt>{t('scoreNote')}</dt>
                <dd>{summary.scoreNote}</dd>
              </>
            )}
            {summary.merger !== null && (
              <>
                <dt>{t('merger')}</dt>
                <dd>{summary.merger.note}</dd>
              </>
            )}
            <dt>{t('citation')}</dt>
            <dd>{summary.citation}</dd>
          </dl>
          <div class="actions" role="group" aria-label={t('export')}>
            <button type="button" onClick={() => void download(`/exports/dti?unit=${encodeURIComponent(unit.code)}&year=${year}&format=csv`, `${exportName}.csv`)}>
              {t('exportCsv')}
            </button>
            <button type="button" onClick={() => void download(`/exports/dti?unit=${encodeURIComponent(unit.code)}&year=${year}&format=json`, `${exportName}.json`)}>
              {t('exportJson')}
            </button>
          </div>
        </section>
      )}
      {dti !== null && (
        <>
          <IndicatorTable indicators={dti.mainIndicators} />
          <MissingList items={dti.missing} />
          <InputTable inputs={dti.inputs} />
        </>
      )}
      {unit.year?.publicServiceIndex766 !== null && unit.year?.publicServiceIndex766 !== undefined && <Index766Panel index={unit.year.publicServiceIndex766} />}
      <HistoryChart years={unit.years} />
      <IndicatorCharts years={unit.years} />
    </article>
  );
}
