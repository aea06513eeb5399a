import type { Metric, Registry } from 'prom-client';

/**
 * A bound on how many values some labels take in one process's metrics (issue #7 item 4: nothing
 * grows without limit). Every distinct label set is a series a metric keeps until the process
 * ends: a histogram keeps one object per bucket, sum and count for each. An operation name is
 * chosen by the client, so a client naming every query afresh (the soak did, `Soak1`, `Soak2`…, before it named its queries by shape)
 * made the gateway keep ≈ 4 series per request: 2,416 requests left 2,416 label sets on each of
 * `graphql_yoga_http_duration`, `graphql_envelop_request*` and `graphql_envelop_phase_execute`
 * (heap snapshots after `npm run soak -- --long --minutes 3`), never given back.
 *
 * The first `max` distinct values (shared by every metric of the registry) are kept as they are;
 * any later one is counted under `other`, as OpenTelemetry's SDK does past its cardinality limit.
 * The registry's metrics are bounded as they are registered, whoever creates them (the Hive
 * Gateway's Prometheus plugin creates its own on our registry).
 */
export interface LabelBound {
  /** Label names whose values are bounded. */
  readonly labels: readonly string[];
  /** Distinct values kept as they are. */
  readonly max: number;
  /** What any later value becomes. */
  readonly other: string;
}

const BOUNDED = Symbol.for('dti.label-bound');

type Labels = Record<string, string | number | undefined>;
type Method = (this: unknown, ...args: unknown[]) => unknown;

/** prom-client's metric methods that take a label set (as an object) first. */
const BY_OBJECT = ['inc', 'dec', 'set', 'observe', 'startTimer', 'remove', 'zero'] as const;

/** Bounds the values of `bound.labels` on every metric registered on `registry` from now on (and those already there). */
export function boundLabelValues(registry: Registry, bound: LabelBound): void {
  const marked = registry as Registry & { [BOUNDED]?: true };
  if (marked[BOUNDED] === true) return;
  marked[BOUNDED] = true;
  const seen = new Set<string>();
  const valueOf = (v: string | number | undefined): string | number | undefined => {
    if (typeof v !== 'string' || seen.has(v)) return v;
    if (seen.size >= bound.max) return bound.other;
    seen.add(v);
    return v;
  };
  const boundObject = (labels: Labels): Labels => {
    let out: Labels | undefined;
    for (const name of bound.labels) {
      if (!(name in labels)) continue;
      const v = valueOf(labels[name]);
      if (v !== labels[name]) (out ??= { ...labels })[name] = v;
    }
    return out ?? labels;
  };
  const byObject = (fn: Method): Method =>
    function (this: unknown, first: unknown, ...rest: unknown[]): unknown {
      return fn.call(this, typeof first === 'object' && first !== null ? boundObject(first as Labels) : first, ...rest);
    };
  const boundMetric = (metric: Metric): void => {
    const m = metric as unknown as Record<PropertyKey, unknown> & { readonly labelNames?: readonly string[] };
    const positions = (m.labelNames ?? []).flatMap((n, i) => (bound.labels.includes(n) ? [i] : []));
    if (positions.length === 0 || m[BOUNDED] === true) return;
    m[BOUNDED] = true;
    // `labels({…})`, or `labels(v1, v2, …)` in labelNames order.
    const byPosition = (fn: Method): Method =>
      function (this: unknown, ...args: unknown[]): unknown {
        const [first] = args;
        if (args.length === 1 && typeof first === 'object' && first !== null) return fn.call(this, boundObject(first as Labels));
        const values = [...args];
        for (const i of positions) values[i] = valueOf(values[i] as string | number | undefined);
        return fn.apply(this, values);
      };
    // Accessors, not plain wrappers: the metric is registered from prom-client's base constructor, and
    // the subclass's constructor assigns `observe`/`inc` afterwards; whatever it assigns is wrapped too.
    for (const [method, wrap] of [...BY_OBJECT.map((x) => [x, byObject] as const), ['labels', byPosition] as const]) {
      const initial = m[method];
      let current: unknown = typeof initial === 'function' ? wrap(initial as Method) : initial;
      Object.defineProperty(m, method, {
        configurable: true,
        enumerable: false,
        get: () => current,
        set: (fn: unknown) => {
          current = typeof fn === 'function' ? wrap(fn as Method) : fn;
        },
      });
    }
  };
  for (const metric of registry.getMetricsAsArray()) boundMetric(metric as unknown as Metric);
  const registerMetric = registry.registerMetric.bind(registry);
  registry.registerMetric = (metric: Metric): void => {
    boundMetric(metric);
    registerMetric(metric);
  };
}
