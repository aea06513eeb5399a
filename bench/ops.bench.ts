/**
 * `npm run bench:ops`: what operability costs and what the response cache buys, in one run.
 * Starts two copies of the system side by side — tracing off, and tracing on exporting to an OTLP
 * receiver in this process (Prometheus metrics are on in both) — and alternates the same queries
 * between them; then measures the response cache on the first copy (cached vs `no-cache`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchSystem, type RunningSystem } from '../lib/launcher/index.ts';
import { freeSystemPorts } from '../lib/testing/ports.ts';
import { benchToken } from './tokens.ts';

const RUNS = Number(process.argv[2] ?? 15);
const DTI_34 = `query Dti34 { units(level: PROVINCE) { code year(year: 2025) { dti { score completeness } } } }`;
const SMALL = `query Small { unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate } } } }`;

let spansReceived = 0;
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    spansReceived += (body.match(/"spanId"/g) ?? []).length;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

async function start(env: Record<string, string>): Promise<RunningSystem> {
  // Each copy its own submissions store (one store folder is one process's).
  const dir = mkdtempSync(join(tmpdir(), 'dti-bench-ops-'));
  return launchSystem({
    ports: await freeSystemPorts(),
    env: { LOG_LEVEL: 'warn', SUBMISSIONS_DATA_DIR: join(dir, 'submissions'), DTI_AUDIT_LOG_PATH: join(dir, 'audit.jsonl'), ...env },
    readyTimeoutMs: 300_000,
  });
}

// Unit-year figures need a token: an administrator's from each system's own development provider.
const tokens = new WeakMap<RunningSystem, string>();

async function timed(system: RunningSystem, query: string, cache: boolean): Promise<number> {
  const t = performance.now();
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(system) ?? ''}`, ...(cache ? {} : { 'cache-control': 'no-cache' }) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors !== undefined) throw new Error(`errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return performance.now() - t;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function cacheCounts(system: RunningSystem): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(system.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const sum = (result: string): number =>
    text
      .split('\n')
      .filter((l) => l.startsWith('dti_cache_lookups_total{') && l.includes(`result="${result}"`))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  return { hit: sum('hit'), miss: sum('miss') };
}

const [off, on] = await Promise.all([start({}), start({ OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl, OTEL_BSP_SCHEDULE_DELAY: '500' })]);
try {
  for (const system of [off, on]) tokens.set(system, await benchToken(system));
  const rows: string[] = [];
  for (const [name, query] of [['34-province DTI', DTI_34], ['small hot query', SMALL]] as const) {
    await timed(off, query, false);
    await timed(on, query, false);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate (and swap the order) so machine load falls on both alike.
      if (i % 2 === 0) {
        a.push(await timed(off, query, false));
        b.push(await timed(on, query, false));
      } else {
        b.push(await timed(on, query, false));
        a.push(await timed(off, query, false));
      }
    }
    rows.push(`${name.padEnd(18)} tracing off ${median(a).toFixed(1)} ms   on ${median(b).toFixed(1)} ms   ratio on/off ${(median(b) / median(a)).toFixed(2)}`);
  }
  process.stdout.write(`Tracing + metrics overhead (median of ${RUNS}, no-cache, same run; ${spansReceived} spans exported):\n${rows.join('\n')}\n\n`);

  const cacheRows: string[] = [];
  for (const [name, query] of [['34-province DTI', DTI_34], ['small hot query', SMALL]] as const) {
    const uncached: number[] = [];
    const cached: number[] = [];
    await timed(off, query, true); // fill
    for (let i = 0; i < RUNS; i++) {
      uncached.push(await timed(off, query, false));
      cached.push(await timed(off, query, true));
    }
    cacheRows.push(`${name.padEnd(18)} uncached ${median(uncached).toFixed(1)} ms   cached ${median(cached).toFixed(1)} ms   ratio cached/uncached ${(median(cached) / median(uncached)).toFixed(3)}`);
  }
  // Hit ratio of a hot-read workload: 4 unit-years asked 5 times each, as dashboards do.
  const before = await cacheCounts(off);
  for (let round = 0; round < 5; round++) {
    for (const code of ['01', '48', '56', '79']) await timed(off, `{ unit(code: "${code}") { year(year: 2024) { dti { score completeness } } } }`, true);
  }
  const after = await cacheCounts(off);
  const hits = after.hit - before.hit;
  const misses = after.miss - before.miss;
  process.stdout.write(
    `Response cache (in-memory, median of ${RUNS}):\n${cacheRows.join('\n')}\nhot-read workload (4 unit-years × 5): ${hits} hits / ${hits + misses} lookups = hit ratio ${(hits / (hits + misses)).toFixed(2)}\n`,
  );
} finally {
  await Promise.all([off.stop(), on.stop()]);
  receiver.close();
}
