import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { boundLabelValues } from './label-bound.ts';
import { MAX_OPERATION_LABELS, OTHER_OPERATION, registry } from './metrics.ts';

const seriesOf = async (r: Registry, name: string): Promise<Array<Partial<Record<string, string | number>>>> =>
  ((await r.getSingleMetric(name)?.get())?.values ?? []).map((v) => v.labels);

describe('boundLabelValues', () => {
  it('keeps the first max values of a bounded label and counts every later one as other, in every way a metric is fed', async () => {
    const r = new Registry();
    boundLabelValues(r, { labels: ['operationName'], max: 3, other: '(other)' });
    const counter = new Counter({ name: 'c', help: 'c', labelNames: ['operationName', 'kind'], registers: [r] });
    const histogram = new Histogram({ name: 'h', help: 'h', labelNames: ['kind', 'operationName'], buckets: [1], registers: [r] });
    const gauge = new Gauge({ name: 'g', help: 'g', labelNames: ['operationName'], registers: [r] });
    for (let i = 0; i < 50; i++) {
      counter.inc({ operationName: `Op${i}`, kind: 'a' });
      counter.labels({ operationName: `Op${i}`, kind: 'b' }).inc();
      histogram.observe({ operationName: `Op${i}`, kind: 'a' }, 0.5);
      histogram.labels('b', `Op${i}`).observe(0.5);
      histogram.startTimer({ operationName: `Op${i}`, kind: 'c' })();
      gauge.set({ operationName: `Op${i}` }, i);
    }
    const names = (series: Array<Partial<Record<string, string | number>>>): string[] => [...new Set(series.map((l) => String(l['operationName'])))].toSorted();
    expect(names(await seriesOf(r, 'c'))).toEqual(['(other)', 'Op0', 'Op1', 'Op2']);
    expect(names(await seriesOf(r, 'h'))).toEqual(['(other)', 'Op0', 'Op1', 'Op2']);
    expect(names(await seriesOf(r, 'g'))).toEqual(['(other)', 'Op0', 'Op1', 'Op2']);
    // Nothing is lost: 47 × 2 increments under other.
    const values = (await counter.get()).values;
    expect(values.filter((v) => v.labels['operationName'] === '(other)').reduce((n, v) => n + v.value, 0)).toBe(94);
    // Other labels are untouched.
    expect(new Set((await seriesOf(r, 'c')).map((l) => l['kind']))).toEqual(new Set(['a', 'b']));
  });

  it('leaves metrics without a bounded label alone', async () => {
    const r = new Registry();
    boundLabelValues(r, { labels: ['operationName'], max: 1, other: '(other)' });
    const counter = new Counter({ name: 'c', help: 'c', labelNames: ['route'], registers: [r] });
    for (let i = 0; i < 5; i++) counter.inc({ route: `r${i}` });
    expect(await seriesOf(r, 'c')).toHaveLength(5);
  });

  it('bounds the process registry: operation names past the limit, from any metric made on it, become one series', async () => {
    const name = `dti_test_label_bound_${process.pid}`;
    const counter = new Counter({ name, help: 'test', labelNames: ['operationName'], registers: [registry] });
    try {
      for (let i = 0; i < MAX_OPERATION_LABELS * 3; i++) counter.inc({ operationName: `LabelBoundTest${i}` });
      const series = await seriesOf(registry, name);
      expect(series.length).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
      expect(series.some((l) => l['operationName'] === OTHER_OPERATION)).toBe(true);
    } finally {
      registry.removeSingleMetric(name);
    }
  });
});
