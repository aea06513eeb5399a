import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardHistory_DtiFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { YearLineChart, YearTable, type ChartGeometry, type YearPoint } from './YearChart.tsx';

interface YearRow {
  readonly year: number;
  readonly dti: FragmentType<typeof ScorecardHistory_DtiFragmentDoc> | null;
}

type Point = Required<YearPoint>;

interface Series {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly points: Point[];
}

const GEOMETRY: ChartGeometry = { width: 280, height: 150, pad: 26, valueTickX: 2, yearTickDx: 12, yearTickDy: 6, centreSingle: true };

/** Each main indicator's years, in order of first appearance: codes differ between methodologies, so each has its own years. */
export function seriesByIndicator(
  years: ReadonlyArray<{ year: number; mainIndicators: ReadonlyArray<{ code: string; name: string; nameEn: string; value: number | null; estimate: boolean }>; published: { confirmed: boolean; mainIndicators: ReadonlyArray<{ code: string; value: number | null }> } | null } | null>,
): Series[] {
  const out = new Map<string, Series>();
  for (const y of years) {
    if (y === null) continue;
    const published = new Map((y.published?.mainIndicators ?? []).map((m) => [m.code, m.value]));
    for (const m of y.mainIndicators) {
      const s = out.get(m.code) ?? { code: m.code, name: m.name, nameEn: m.nameEn, points: [] };
      s.points.push({ year: y.year, self: m.value, estimate: m.estimate, published: published.get(m.code) ?? null, publishedConfirmed: y.published?.confirmed ?? true });
      out.set(m.code, s);
    }
  }
  return [...out.values()];
}

function Chart({ series, label }: { series: Series; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const pts = series.points;
  const id = `ind-${series.code.replace(/[^A-Za-z0-9-]/g, '_')}`;
  const said = (v: number | null): string => (v === null ? t('noValue') : i18n.number(v, 3));
  const desc = pts.map((p) => `${p.year}: ${t('selfAssessed')} ${said(p.self)}, ${t('published')} ${said(p.published)}`).join('; ');
  return (
    <figure>
      <YearLineChart points={pts} geometry={GEOMETRY} aria={{ 'aria-labelledby': `${id}-title ${id}-desc` }}>
        <title id={`${id}-title`}>{label}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
      </YearLineChart>
      <figcaption>{label}</figcaption>
      <details>
        <summary>{t('dataTable')}</summary>
        <YearTable points={pts} caption={label} />
      </details>
    </figure>
  );
}

/**
 * A small chart per main indicator over the years, self-assessed beside published where the
 * ministry published per-indicator values; each with a title, a description and its data table.
 */
export function IndicatorCharts({ years }: { years: readonly YearRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = years.map((y) => {
    const d = useFragment(ScorecardHistory_DtiFragmentDoc, y.dti);
    return d === null || d === undefined ? null : { year: y.year, mainIndicators: d.mainIndicators, published: d.published ?? null };
  });
  const series = seriesByIndicator(rows);
  if (series.length === 0) return null;
  const anyPublished = series.some((s) => s.points.some((p) => p.published !== null));
  return (
    <section aria-labelledby="indicator-history-title">
      <h2 id="indicator-history-title">{t('indicatorHistory')}</h2>
      <p>{t('indicatorHistoryIntro')}</p>
      {!anyPublished && <p>{t('noPublishedIndicators')}</p>}
      <p>
        <span class="key-self">■ {t('selfAssessed')}</span> <span class="key-published">■ {t('published')}</span>
      </p>
      <div class="indicator-charts">
        {series.map((s) => (
          <Chart key={s.code} series={s} label={`${s.code} — ${i18n.locale === 'vi' ? s.name : s.nameEn}`} />
        ))}
      </div>
    </section>
  );
}
