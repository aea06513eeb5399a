/**
 * Memory that comes back after a burst. V8 collects its old generation when allocation asks for
 * it, not when a process goes quiet: after a burst of heavy queries the garbage of the burst can
 * sit in the heap (and in RSS) until the next burst. This watches the event loop and, once the
 * process has been idle for a while with its RSS well above what it was after the last
 * collection, runs one full collection. Costs nothing while busy (it never runs under load) and
 * one collection per burst.
 *
 * The collection is V8's "last resort" one (what a low-memory notification runs: full collections
 * until nothing more is freed, then the freed pages handed back to the system at once). A plain
 * `gc()` empties the heap but keeps its pages pooled: RSS stayed where it was until V8's memory
 * reducer ran ≈ 10 s later (every process of `npm run bench:memory -- 10 10 30 processes`; a
 * 370 MB script with 3 M dropped objects: 280 MB after `gc()`, 64 MB after the last-resort one).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleGcOptions {
  /** How often to look, ms. @default 1000 */
  readonly intervalMs?: number;
  /** Event-loop utilisation under which an interval counts as idle. @default 0.05 */
  readonly idleBelow?: number;
  /** Idle intervals in a row before collecting. @default 2 */
  readonly idleIntervals?: number;
  /** Collect only when RSS has grown by this factor since the last collection. @default 1.1 */
  readonly growth?: number;
}

/** V8's gc extension (`--expose-gc`): the options object selects the kind of collection. */
type GcFunction = (options?: { readonly type: 'major'; readonly execution: 'sync'; readonly flavor: 'last-resort' }) => void;

/**
 * A full garbage collection that gives the freed memory back to the system, without the process
 * having been started with --expose-gc.
 */
function fullGc(): () => void {
  let gc: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  }
  if (typeof gc !== 'function') throw new Error('V8 did not expose gc');
  const collect = gc as GcFunction;
  return () => collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

let released = false;

/**
 * Tells the idle collector that memory was let go (a cache dropped): its next idle look collects
 * even though RSS did not grow since its last collection.
 */
export function memoryReleased(): void {
  released = true;
}

/**
 * A cache that empties itself when unused: call the returned `touch` on every use; once `idleMs`
 * pass without one, `drop` runs and the idle collector is told. The timer never keeps the process
 * alive.
 */
export function dropWhenUnused(drop: () => void, idleMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer !== undefined) {
      timer.refresh();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      drop();
      memoryReleased();
    }, idleMs);
    timer.unref();
  };
}

/** Starts the idle collector; returns a function that stops it. */
export function startIdleGc(options: IdleGcOptions = {}): () => void {
  const gc = fullGc();
  const idleBelow = options.idleBelow ?? 0.05;
  const needIdle = options.idleIntervals ?? 2;
  const growth = options.growth ?? 1.1;
  let baseline = process.memoryUsage.rss();
  let idleRuns = 0;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const elu = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    idleRuns = elu < idleBelow ? idleRuns + 1 : 0;
    const rss = process.memoryUsage.rss();
    if (idleRuns >= needIdle && (released || rss > baseline * growth)) {
      gc();
      released = false;
      idleRuns = 0;
      baseline = process.memoryUsage.rss();
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
