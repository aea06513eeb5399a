import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/index.ts';
import { Value } from './Status.tsx';

/** One year's self-assessed and published values (0–1), with the flags the API carries. */
export interface YearPoint {
  readonly year: number;
  readonly self: number | null;
  readonly published: number | null;
  readonly estimate?: boolean;
  /** False when the ministry's result rests on a third-party compilation or its rank order is in doubt. */
  readonly publishedConfirmed?: boolean;
}

/** The chart's size and where its tick labels sit. */
export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly pad: number;
  /** x of the value ticks (0, 0.5, 1) */
  readonly valueTickX: number;
  /** how far left of its point a year label starts, and how far above the bottom edge it sits */
  readonly yearTickDx: number;
  readonly yearTickDy: number;
  /** a single year is drawn in the middle rather than at the left axis */
  readonly centreSingle?: boolean;
}

/**
 * Self-assessed against published values over the years as an SVG line chart (0–1 scale).
 * `aria` names the image (aria-label or aria-labelledby); `children` go first inside the svg
 * (a title and desc, for instance).
 */
export function YearLineChart({
  points,
  geometry: g,
  aria,
  children,
}: {
  points: readonly YearPoint[];
  geometry: ChartGeometry;
  aria: { 'aria-label': string } | { 'aria-labelledby': string };
  children?: ComponentChildren;
}) {
  const i18n = useI18n();
  const { width: W, height: H, pad: PAD } = g;
  const first = points[0]?.year ?? 0;
  const span = Math.max(1, (points[points.length - 1]?.year ?? first) - first);
  const x = (year: number): number => (g.centreSingle === true && points.length === 1 ? W / 2 : PAD + ((year - first) / span) * (W - 2 * PAD));
  const y = (v: number): number => H - PAD - v * (H - 2 * PAD);
  const line = (key: 'self' | 'published'): string =>
    points
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p[key] ?? 0).toFixed(1)}`)
      .join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" {...aria} class="chart">
      {children}
      <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} class="axis" />
      <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} class="axis" />
      {[0, 0.5, 1].map((v) => (
        <text x={g.valueTickX} y={y(v) + 4} class="tick">
          {i18n.number(v, 1)}
        </text>
      ))}
      {points.map((p) => (
        <text x={x(p.year) - g.yearTickDx} y={H - g.yearTickDy} class="tick">
          {p.year}
        </text>
      ))}
      <path d={line('self')} class="line-self" />
      <path d={line('published')} class="line-published" />
      {points.map((p) => (p.self === null ? null : <circle cx={x(p.year)} cy={y(p.self)} r={3} class="dot-self" />))}
      {points.map((p) => (p.published === null ? null : <circle cx={x(p.year)} cy={y(p.published)} r={3} class="dot-published" />))}
    </svg>
  );
}

/** The same figures as the chart, as a table (year, self-assessed, published). */
export function YearTable({ points, caption }: { points: readonly YearPoint[]; caption: string }) {
  const { t } = useI18n();
  return (
    <table class="grid">
      <caption>{caption}</caption>
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
              <Value value={p.self} estimate={p.estimate ?? false} />
            </td>
            <td>
              <Value value={p.published} unconfirmed={p.publishedConfirmed === false} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
