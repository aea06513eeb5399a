import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardHistory_DtiFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { YearLineChart, YearTable, type ChartGeometry } from './YearChart.tsx';

interface YearRow {
  readonly year: number;
  readonly dti: FragmentType<typeof ScorecardHistory_DtiFragmentDoc> | null;
}

const GEOMETRY: ChartGeometry = { width: 560, height: 200, pad: 32, valueTickX: 4, yearTickDx: 14, yearTickDy: 8 };

/** Self-assessed against published score over the years: an SVG line chart with the same figures as a table. */
export function HistoryChart({ years }: { years: readonly YearRow[] }) {
  const { t } = useI18n();
  const points = years.map((y) => {
    const d = useFragment(ScorecardHistory_DtiFragmentDoc, y.dti);
    return { year: y.year, self: d?.score ?? null, published: d?.published?.score ?? null };
  });
  if (points.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <figure>
        <YearLineChart points={points} geometry={GEOMETRY} aria={{ 'aria-label': t('historyChart') }} />
        <figcaption>
          <span class="key-self">■ {t('selfAssessed')}</span> <span class="key-published">■ {t('published')}</span>
        </figcaption>
      </figure>
      <YearTable points={points} caption={t('historyChart')} />
    </section>
  );
}
