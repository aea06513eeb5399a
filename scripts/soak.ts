/**
 * `npm run soak -- --short|--long [--minutes N]`: the fault-and-soak suite against a system it
 * launches on free loopback ports.
 *
 * --short: every system × {down, slow beyond the deadline, 5xx burst, malformed, reset mid-body,
 *          slow drip} under 50 concurrent mixed queries; prints the fault matrix, the share of
 *          whole-request failures, p99 per fault against the deadline, recovery times, RSS.
 * --long:  N minutes (default 10; --settle S: seconds of quiet before the closing RSS, default 8) of mixed load with faults switched on and off at random; prints
 *          requests, errors by code, p50/p99 per phase, RSS per process at start and end.
 * Exits 1 when any check fails.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { launchOnFreePorts } from '../lib/testing/system.ts';
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
// Seconds of quiet before the closing RSS is read (--settle S; default 8).
const settleArg = args.indexOf('--settle');
const settleS = settleArg >= 0 ? Number(args[settleArg + 1]) : 8;
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
  env: { LOG_LEVEL: 'error', DTI_DEADLINE_MS: String(deadlineMs), DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000' },
});
process.stdout.write(`system up in ${Math.round(performance.now() - started)} ms on ports ${ports.gateway}…${ports.identity}; deadline ${deadlineMs} ms\n`);
// Unit-year figures need a token: an administrator's from the system's own development provider.
const adminToken = await benchToken(system);
const names = system.services.map((s) => s.name);
const rss = (): Record<string, number | null> => Object.fromEntries(names.map((n) => [n, rssMb(system.pidOf(n))]));

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
  await sleep(3000);
  const rssStart = rss();

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
  process.stdout.write(`\nRSS per process (MB): idle start → idle end (${settleS} s after the load)\n`);
  for (const n of names) process.stdout.write(`  ${n.padEnd(20)} ${rssStart[n] ?? '?'} → ${rssEnd[n] ?? '?'}\n`);
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
