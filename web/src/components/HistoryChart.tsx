import { useFragment, type FragmentType } from '../generated/fragment-masking.ts';
import { ScorecardHistory_DtiFragmentDoc } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.ts';
import { Value } from './Status.tsx';

interface YearRow {
  readonly year: number;
  readonly dti: FragmentType<typeof ScorecardHistory_DtiFragmentDoc> | null;
}

const W = 560;
const H = 200;
const PAD = 32;

/** Self-assessed against published score over the years: an SVG line chart with the same figures as a table. */
export function HistoryChart({ years }: { years: readonly YearRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const points = years.map((y) => {
    const d = useFragment(ScorecardHistory_DtiFragmentDoc, y.dti);
    return { year: y.year, self: d?.score ?? null, published: d?.published?.score ?? null };
  });
  if (points.length === 0) return null;
  const first = points[0]?.year ?? 0;
  const span = Math.max(1, (points[points.length - 1]?.year ?? first) - first);
  const x = (year: number): number => PAD + ((year - first) / span) * (W - 2 * PAD);
  const y = (v: number): number => H - PAD - v * (H - 2 * PAD);
  const line = (key: 'self' | 'published'): string =>
    points
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p[key] ?? 0).toFixed(1)}`)
      .join(' ');
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <figure>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('historyChart')} class="chart">
          <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} class="axis" />
          <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} class="axis" />
          {[0, 0.5, 1].map((v) => (
            <text x={4} y={y(v) + 4} class="tick">
              {i18n.number(v, 1)}
            </text>
          ))}
          {points.map((p) => (
            <text x={x(p.year) - 14} y={H - 8} class="tick">
              {p.year}
            </text>
          ))}
          <path d={line('self')} class="line-self" />
          <path d={line('published')} class="line-published" />
          {points.map((p) => (p.self === null ? null : <circle cx={x(p.year)} cy={y(p.self)} r={3} class="dot-self" />))}
          {points.map((p) => (p.published === null ? null : <circle cx={x(p.year)} cy={y(p.published)} r={3} class="dot-published" />))}
        </svg>
        <figcaption>
          <span class="key-self">■ {t('selfAssessed')}</span> <span class="key-published">■ {t('published')}</span>
        </figcaption>
      </figure>
      <table class="grid">
        <caption>{t('historyChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('year')}</th>
            <th scope="col">{t('selfAssessed')}</th>
            <th scope="col">{t('published')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>
                <Value value={p.self} />
              </td>
              <td>
                <Value value={p.published} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
