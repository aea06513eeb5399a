import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardHistory_DtiFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { Value } from './Status.tsx';

interface YearRow {
  readonly year: number;
  readonly dti: FragmentType<typeof ScorecardHistory_DtiFragmentDoc> | null;
}

interface Point {
  readonly year: number;
  readonly self: number | null;
  readonly estimate: boolean;
  readonly published: number | null;
  /** False when the ministry's result rests on a third-party compilation or its rank order is in doubt. */
  readonly publishedConfirmed: boolean;
}

interface Series {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly points: Point[];
}

const W = 280;
const H = 150;
const PAD = 26;

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
  const first = pts[0]?.year ?? 0;
  const span = Math.max(1, (pts[pts.length - 1]?.year ?? first) - first);
  const x = (year: number): number => (pts.length === 1 ? W / 2 : PAD + ((year - first) / span) * (W - 2 * PAD));
  const y = (v: number): number => H - PAD - v * (H - 2 * PAD);
  const line = (key: 'self' | 'published'): string =>
    pts
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p[key] ?? 0).toFixed(1)}`)
      .join(' ');
  const id = `ind-${series.code.replace(/[^A-Za-z0-9-]/g, '_')}`;
  const said = (v: number | null): string => (v === null ? t('noValue') : i18n.number(v, 3));
  const desc = pts.map((p) => `${p.year}: ${t('selfAssessed')} ${said(p.self)}, ${t('published')} ${said(p.published)}`).join('; ');
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart">
        <title id={`${id}-title`}>{label}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} class="axis" />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} class="axis" />
        {[0, 0.5, 1].map((v) => (
          <text x={2} y={y(v) + 4} class="tick">
            {i18n.number(v, 1)}
          </text>
        ))}
        {pts.map((p) => (
          <text x={x(p.year) - 12} y={H - 6} class="tick">
            {p.year}
          </text>
        ))}
        <path d={line('self')} class="line-self" />
        <path d={line('published')} class="line-published" />
        {pts.map((p) => (p.self === null ? null : <circle cx={x(p.year)} cy={y(p.self)} r={3} class="dot-self" />))}
        {pts.map((p) => (p.published === null ? null : <circle cx={x(p.year)} cy={y(p.published)} r={3} class="dot-published" />))}
      </svg>
      <figcaption>{label}</figcaption>
      <details>
        <summary>{t('dataTable')}</summary>
        <table class="grid">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('selfAssessed')}</th>
              <th scope="col">{t('published')}</th>
            </tr>
          </thead>
          <tbody>
            {pts.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td>
                  <Value value={p.self} estimate={p.estimate} />
                </td>
                <td>
                  <Value value={p.published} unconfirmed={!p.publishedConfirmed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
