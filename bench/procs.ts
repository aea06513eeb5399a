/**
 * What the benchmarks need of the operating system: a run of free loopback ports (so a benchmark
 * never collides with `npm start` or another engineer's run), and each process's CPU time and
 * resident memory read from /proc (CPU time per request holds up under a shared machine's noise
 * far better than wall-clock time).
 */
import { readFileSync } from 'node:fs';

export { freePortRun, freeSystemPorts } from '../lib/testing/ports.ts';

/** Linux reports CPU time in clock ticks; 100 per second on every kernel config we run on. */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process so far, in milliseconds (10 ms resolution). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name (which may contain spaces): state is field 3,
  // utime field 14, stime field 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** Resident set size of a process, in MB. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]) / 1024;
}

/** CPU time of each named process, in ms, at one moment. */
export function cpuSnapshot(procs: ReadonlyArray<{ readonly name: string; readonly pid: number }>): Map<string, number> {
  return new Map(procs.map((p) => [p.name, cpuMs(p.pid)]));
}

/** CPU ms spent by each process between two snapshots. */
export function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)]));
}
