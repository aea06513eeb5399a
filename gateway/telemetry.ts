import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import useMeshPrometheus from '@graphql-mesh/plugin-prometheus';
import { registry } from '../lib/telemetry/metrics.ts';
import { tracingEnabled } from '../lib/telemetry/tracing.ts';

type OpenTelemetryModule = typeof import('@graphql-hive/plugin-opentelemetry');
let openTelemetry: OpenTelemetryModule | undefined;

/** Loads the OpenTelemetry plugin when tracing is on (after `setupTracing`); nothing is loaded when it is off. */
export async function loadGatewayTelemetry(): Promise<void> {
  if (tracingEnabled() && openTelemetry === undefined) openTelemetry = await import('@graphql-hive/plugin-opentelemetry');
}

/**
 * The gateway's observability plugins, from the Hive Gateway ecosystem: Prometheus metrics on
 * `GET /metrics` (requests and latency by operation, subgraph execution and fetch latency by
 * subgraph) into the process registry, and, only when an OTLP endpoint is configured,
 * OpenTelemetry spans (http → graphql operation → subgraph execute → fetch) with `traceparent`
 * injected into every subgraph request.
 */
export function telemetryPlugins(ctx: GatewayConfigContext): GatewayPlugin[] {
  const prometheus = useMeshPrometheus({
    log: ctx.log,
    registry,
    endpoint: '/metrics',
    // Introspection (the IDE's schema load) would swamp the operation labels.
    skipIntrospection: true,
    labels: { subgraphName: true },
    // Only these: the Mesh plugin turns on every metric it knows unless told not to, and the rest
    // (a deprecated-field walk of every document, a request-time summary, per-phase histograms)
    // cost CPU on every request for figures nobody reads (issue #9: gateway CPU per request).
    metrics: {
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_execute: true,
      graphql_yoga_http_duration: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
      graphql_gateway_fetch_duration: true,
    },
  });
  const plugins: GatewayPlugin[] = [prometheus];
  if (tracingEnabled() && openTelemetry !== undefined) {
    plugins.push(
      openTelemetry.useOpenTelemetry({
        ...ctx,
        traces: {
          spans: {
            // Parse/validate/context spans add nothing a person debugging a slow export needs.
            graphqlParse: false,
            graphqlValidate: false,
            graphqlContextBuilding: false,
            schema: false,
            initialization: false,
            // Probes and scrapes are not GraphQL traffic.
            http: ({ request }) => !/\/(metrics|health\/|readiness|healthcheck)/.test(new URL(request.url).pathname),
          },
        },
      }),
    );
  }
  return plugins;
}
