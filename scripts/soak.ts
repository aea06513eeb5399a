/**
 * `npm run soak -- --short|--long [--minutes N]`: the fault-and-soak suite against a system it
 * launches on free loopback ports.
 *
 * --short: every system × {down, slow beyond the deadline, 5xx burst, malformed, reset mid-body,
 *          slow drip} under 50 concurrent mixed queries; prints the fault matrix, the share of
 *          whole-request failures, p99 per fault against the deadline, recovery times, RSS.
 * --long:  N minutes (default 10; --settle S: seconds of quiet before the opening and the closing RSS, default 8) of mixed load with faults switched on and off at random; prints
 *          requests, errors by code, p50/p99 per phase, RSS per process at start and end (with heap
 *          used/total and external memory of the gateway and subgraphs: RSS less these is native).
 * --snapshots DIR: heap snapshots of the gateway and the documents subgraph at idle start and end,
 *          for `node bench/heap-diff.ts` (a snapshot inflates RSS: compare RSS from runs without it).
 * Exits 1 when any check fails.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { launchOnFreePorts } from '../lib/testing/system.ts';
import { SUBGRAPHS } from '../lib/topology/index.ts';
import { benchToken } from '../bench/tokens.ts';
import {
  FAULTS,
  faultBody,
  formatMatrix,
  judge,
  mixedQueries,
  percentile,
  runCell,
  SOAK_SYSTEMS,
  type CellResult,
  type RawAnswer,
  type SoakSystem,
} from './soak/matrix.ts';

const args = process.argv.slice(2);
const long = args.includes('--long');
const minutesArg = args.indexOf('--minutes');
const minutes = minutesArg >= 0 ? Number(args[minutesArg + 1]) : 10;
// Seconds of quiet before the closing RSS is read (--settle S; default 8), before the opening one too.
const settleArg = args.indexOf('--settle');
const settleS = settleArg >= 0 ? Number(args[settleArg + 1]) : 8;
// --snapshots DIR: heap snapshots of the gateway and the documents subgraph at idle start and idle end
// (compare them with `node bench/heap-diff.ts A B`).
const snapshotsArg = args.indexOf('--snapshots');
const snapshotDir = snapshotsArg >= 0 ? resolve(args[snapshotsArg + 1] ?? 'snapshots') : null;
const SNAPSHOT_OF = ['gateway', 'subgraph-documents'] as const;
// The default deadline in both forms: what is measured is the system as it ships.
const deadlineMs = 8000;
const RECOVERY_LIMIT_MS = 8000;

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] === undefined ? null : Math.round(Number(m[1]) / 1024);
  } catch {
    return null;
  }
}

const started = performance.now();
const { system, ports } = await launchOnFreePorts({
  // One client sends everything as one administrator: a rate limit high enough not to be what is measured.
  env: {
    ...(snapshotDir === null ? {} : { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}`.trim() }),
    LOG_LEVEL: 'error', DTI_DEADLINE_MS: String(deadlineMs), DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000' },
});
process.stdout.write(`system up in ${Math.round(performance.now() - started)} ms on ports ${ports.gateway}…${ports.identity}; deadline ${deadlineMs} ms\n`);
// Unit-year figures need a token: an administrator's from the system's own development provider.
const adminToken = await benchToken(system);
const names = system.services.map((s) => s.name);
const rss = (): Record<string, number | null> => Object.fromEntries(names.map((n) => [n, rssMb(system.pidOf(n))]));

/** Heap used and external memory (MB) of the gateway and each subgraph, from its own `GET /metrics`: RSS less these is native memory. */
async function heaps(): Promise<Record<string, string>> {
  const urlOf = (n: string): string | null => {
    if (n === 'gateway') return system.gatewayUrl.replace(/\/graphql$/, '');
    const sub = SUBGRAPHS.find((s) => `subgraph-${s.name}` === n);
    return sub === undefined ? null : system.subgraphUrl(sub.name);
  };
  const out: Record<string, string> = {};
  await Promise.all(
    names.map(async (n) => {
      const url = urlOf(n);
      if (url === null) return;
      try {
        const text = await (await fetch(`${url}/metrics`)).text();
        const mb = (metric: string): string => {
          const m = new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
          return m?.[1] === undefined ? '?' : String(Math.round(Number(m[1]) / 1048576));
        };
        out[n] = `heap ${mb('nodejs_heap_size_used_bytes')}/${mb('nodejs_heap_size_total_bytes')} external ${mb('nodejs_external_memory_bytes')}`;
      } catch {
        out[n] = 'heap ?';
      }
    }),
  );
  return out;
}

/** Writes a heap snapshot of each of SNAPSHOT_OF (SIGUSR2), waits until every file is complete, and names it `<label>-<service>`. */
async function snapshots(label: string): Promise<void> {
  if (snapshotDir === null) return;
  mkdirSync(snapshotDir, { recursive: true });
  for (const n of SNAPSHOT_OF) {
    const pid = system.pidOf(n);
    if (pid === undefined) continue;
    const before = new Set(readdirSync(snapshotDir));
    process.kill(pid, 'SIGUSR2');
    // Written synchronously by the process; done once its size stops changing.
    let file: string | undefined;
    let size = -1;
    for (;;) {
      await sleep(1000);
      file ??= readdirSync(snapshotDir).find((f) => !before.has(f) && f.includes(`.${pid}.`));
      if (file === undefined) continue;
      const now = statSync(join(snapshotDir, file)).size;
      if (now === size && now > 0) break;
      size = now;
    }
    renameSync(join(snapshotDir, file), join(snapshotDir, `${label}-${n}.heapsnapshot`));
    process.stdout.write(`heap snapshot ${label}-${n} (${Math.round(size / 1e6)} MB file); RSS now ${rssMb(pid) ?? '?'} MB\n`);
  }
}

const send = async (query: string): Promise<RawAnswer> => {
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    // As the e2e fault suite asks: as an administrator, past the response cache (the soak observes the system itself).
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${adminToken}`, 'cache-control': 'no-cache' },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  try {
    const body: unknown = JSON.parse(text);
    return { status: res.status, body };
  } catch {
    return { status: res.status, body: text.slice(0, 200) };
  }
};
const setFault = async (s: SoakSystem, body: Record<string, unknown>): Promise<void> => {
  const res = await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`fault on ${s}: HTTP ${res.status} ${await res.text()}`);
};
const clearFault = async (s: SoakSystem): Promise<void> => {
  await fetch(`${system.simulatorUrl(s)}/_sim/faults`, { method: 'DELETE' });
};

let failed = false;
try {
  const list = await send('{ units(level: PROVINCE) { code } }');
  const codes = judgeCodes(list.body);
  // Warm-up, then the idle footprint.
  await runWarmup(codes);
  // The same quiet as before the closing figure: both are read after the idle collector had its chance.
  await sleep(settleS * 1000);
  const rssStart = rss();
  const heapStart = await heaps();
  await snapshots('idle');

  if (!long) {
    const cells: CellResult[] = [];
    let offset = 0;
    for (const fault of FAULTS) {
      for (const s of SOAK_SYSTEMS) {
        const cell = await runCell({ send, setFault, clearFault, codes, deadlineMs, recoveryLimitMs: RECOVERY_LIMIT_MS, requests: 50, concurrency: 50 }, s, fault, offset);
        offset += 50;
        cells.push(cell);
        if (cell.problems.length > 0 || cell.wholeRequestFailures > 0) {
          failed = true;
          process.stdout.write(`FAIL ${s} × ${fault}: ${cell.problems.slice(0, 5).join('; ')}\n`);
        }
      }
    }
    process.stdout.write(`\n${formatMatrix(cells, deadlineMs)}\n\np99 per fault (all systems) vs deadline ${deadlineMs} ms:\n`);
    for (const fault of FAULTS) {
      const of = cells.filter((c) => c.fault === fault);
      process.stdout.write(`  ${fault.padEnd(10)} p99 ${Math.round(Math.max(...of.map((c) => c.p99Ms)))} ms; recovery max ${Math.round(Math.max(...of.map((c) => c.recoveryMs ?? Infinity)))} ms\n`);
    }
  } else {
    const end = Date.now() + minutes * 60_000;
    const phases: Array<{ label: string; latencies: number[]; requests: number; whole: number; problems: number }> = [];
    const byCode = new Map<string, number>();
    // What a whole-request failure was, so a failed soak says why (first few distinct reasons).
    const wholeReasons = new Map<string, number>();
    let offset = 0;
    while (Date.now() < end) {
      const faulted: SoakSystem | null = Math.random() < 0.3 ? null : (SOAK_SYSTEMS[Math.floor(Math.random() * SOAK_SYSTEMS.length)] ?? null);
      const fault = FAULTS[Math.floor(Math.random() * FAULTS.length)] ?? 'down';
      const label = faulted === null ? 'no fault' : `${faulted} × ${fault}`;
      if (faulted !== null) await setFault(faulted, faultBody(fault, deadlineMs));
      const phaseEnd = Date.now() + 5000 + Math.random() * 10_000;
      const phase = { label, latencies: [] as number[], requests: 0, whole: 0, problems: 0 };
      const worker = async (): Promise<void> => {
        while (Date.now() < phaseEnd) {
          const [q] = mixedQueries(codes, ++offset).slice(-1);
          if (q === undefined) return;
          const t0 = performance.now();
          const v = judge(await send(q.query).catch((e: unknown) => ({ status: 0, body: String(e) })), q, faulted);
          phase.latencies.push(performance.now() - t0);
          phase.requests += 1;
          if (v.wholeRequestFailure) {
            phase.whole += 1;
            const reason = `${label}: ${v.problems.join('; ').slice(0, 200)}`;
            if (wholeReasons.has(reason) || wholeReasons.size < 10) wholeReasons.set(reason, (wholeReasons.get(reason) ?? 0) + 1);
          }
          if (v.problems.length > 0) phase.problems += 1;
          for (const c of v.codes) byCode.set(c, (byCode.get(c) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: 50 }, () => worker()));
      if (faulted !== null) await clearFault(faulted);
      phases.push(phase);
      process.stdout.write(
        `${label.padEnd(22)} ${String(phase.requests).padStart(5)} req  p50 ${Math.round(percentile(phase.latencies, 50))} ms  p99 ${Math.round(percentile(phase.latencies, 99))} ms  whole-request failures ${phase.whole}  judged wrong ${phase.problems}\n`,
      );
      // Let a cleared fault's breaker half-open before the next phase is judged.
      await sleep(2500);
    }
    const total = phases.reduce((n, p) => n + p.requests, 0);
    const whole = phases.reduce((n, p) => n + p.whole, 0);
    process.stdout.write(`\nrequests ${total}; whole-request failures ${whole} (${((100 * whole) / Math.max(1, total)).toFixed(2)}%)\nerrors by code: ${JSON.stringify(Object.fromEntries(byCode))}\n`);
    for (const [reason, n] of wholeReasons) process.stdout.write(`  whole-request failure ×${n}: ${reason}\n`);
    if (whole > 0) failed = true;
  }

  await sleep(settleS * 1000);
  const rssEnd = rss();
  const heapEnd = await heaps();
  await snapshots('after');
  process.stdout.write(`\nRSS per process (MB): idle start → idle end (${settleS} s after the load)\n`);
  for (const n of names) {
    const heap = heapStart[n] === undefined ? '' : `   (${heapStart[n]} → ${heapEnd[n] ?? '?'} MB)`;
    process.stdout.write(`  ${n.padEnd(20)} ${rssStart[n] ?? '?'} → ${rssEnd[n] ?? '?'}${heap}\n`);
  }
  for (const n of names) {
    if (system.restarts(n) > 0) {
      failed = true;
      process.stdout.write(`FAIL: ${n} died and was restarted ${system.restarts(n)} time(s)\n`);
    }
  }
  process.stdout.write(`\n${failed ? 'SOAK FAILED' : 'SOAK PASSED'}\n`);
} finally {
  await system.stop();
}
process.exit(failed ? 1 : 0);

function judgeCodes(body: unknown): string[] {
  const codes = z.object({ data: z.object({ units: z.array(z.object({ code: z.string() })) }) }).parse(body).data.units.map((u) => u.code);
  if (codes.length === 0) throw new Error('could not list the provinces');
  return codes;
}

async function runWarmup(codes: readonly string[]): Promise<void> {
  const queries = mixedQueries(codes, 60);
  await Promise.all(queries.map((q) => send(q.query)));
}
