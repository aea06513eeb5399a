import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** One received span, flattened from OTLP/JSON. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** Start and end, milliseconds since the epoch (from the span's Unix nanoseconds), when sent. */
  readonly startMs?: number;
  readonly endMs?: number;
}

const anyValue = z.object({
  stringValue: z.string().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
  doubleValue: z.number().optional(),
  boolValue: z.boolean().optional(),
});
const attributes = z.array(z.object({ key: z.string(), value: anyValue })).default([]);
const exportRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes }).optional(),
      scopeSpans: z.array(
        z.object({
          spans: z
            .array(z.object({ traceId: z.string(), spanId: z.string(), parentSpanId: z.string().optional(), name: z.string(), attributes, startTimeUnixNano: z.union([z.string(), z.number()]).optional(), endTimeUnixNano: z.union([z.string(), z.number()]).optional() }))
            .default([]),
        }),
      ),
    }),
  ),
});

function flatten(attrs: z.output<typeof attributes>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of attrs) {
    const v = value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.doubleValue ?? value.boolValue;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** An OTLP/HTTP (JSON) trace receiver on loopback, for tests: what the exporters send, kept in memory. */
export async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; clear(): void; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url !== '/v1/traces' || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      const parsed = exportRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (!parsed.success) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: parsed.error.message }));
        return;
      }
      for (const rs of parsed.data.resourceSpans) {
        const service = String(flatten(rs.resource?.attributes ?? [])['service.name'] ?? 'unknown');
        for (const ss of rs.scopeSpans) {
          for (const s of ss.spans) {
            spans.push({
              service,
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId === undefined || s.parentSpanId === '' ? undefined : s.parentSpanId,
              name: s.name,
              attributes: flatten(s.attributes),
              ...(s.startTimeUnixNano === undefined ? {} : { startMs: Number(BigInt(s.startTimeUnixNano) / 1000n) / 1000 }),
              ...(s.endTimeUnixNano === undefined ? {} : { endMs: Number(BigInt(s.endTimeUnixNano) / 1000n) / 1000 }),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    clear: () => {
      spans.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
