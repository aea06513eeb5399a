/**
 * Crash containment for the embedded host (lib/launcher/host.ts): when one hosted service throws
 * an uncaught exception or leaves a rejection unhandled, only that service is closed and started
 * again, with backoff, while the others keep serving on their ports. Meanwhile its port refuses
 * connections, which the gateway already answers as `SUBGRAPH_UNAVAILABLE` for a subgraph
 * (gateway/unreachable.ts) and a subgraph as `SOURCE_UNAVAILABLE` for a simulated system.
 *
 * Attribution. Each service is started inside `AsyncLocalStorage.run` with its own store. Every
 * asynchronous resource it creates while starting or serving — its HTTP server and so each
 * request's handlers, sockets, timers, promises — inherits that store, and Node runs the
 * `uncaughtException` / `unhandledRejection` listeners in the failing callback's (or promise's)
 * context, so the store there names the service (the tests check servers, timers and rejections).
 * Modules are imported outside any service, so module-level work (shared caches, a timer set at
 * import) is nobody's: a crash there is unattributed. Attribution follows the asynchronous
 * context, not the code: a callback of service A run from a shared emitter that service B fired
 * is B's. A service that keeps crashing soon after each restart (MAX_FAST_FAILURES) makes the host
 * give up, which also bounds a misattributed fault.
 *
 * Why restarting one service in place is safe enough here: services keep no state between
 * requests that matters (simulators rebuild their data on start; subgraphs and the gateway cache
 * only what they can refetch), and what must survive is in the store, written in transactions that
 * roll back if the connection or the process goes mid-way (PostgreSQL; SQLite with
 * `synchronous=FULL`). The crashed instance is closed through its own `HostedService.close()`
 * (server, pools, store handle), bounded by CLOSE_TIMEOUT_MS; what it left behind after that
 * (a timer, a socket) is discarded with it: a later crash from it is logged and ignored.
 *
 * Not contained — these still take the whole host down and the supervisor (lib/launcher/index.ts)
 * restarts it with backoff: `process.exit()` or `process.abort()` from any code, running out of
 * memory (the heap is the process's), native crashes and signals, an uncaught exception outside
 * any service (the host's own code, module-level code), a service the host gives up on, and a service
 * stuck in a synchronous loop (it blocks the one event loop; no exception is ever thrown).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { createLogger, type Logger } from '../logging/index.ts';
import { restartDelayMs, type ContainedEvent } from './restart.ts';
import type { HostedService } from './service.ts';

/** A service that ran this long before crashing starts its backoff afresh. */
export const QUIET_MS = 30_000;
/** Restarts in a row, each crashing again within QUIET_MS, after which one more such crash makes the host give up and exit. */
export const MAX_FAST_FAILURES = 5;
/** How long a crashed service's close() may take before it is abandoned. */
export const CLOSE_TIMEOUT_MS = 5_000;
/** Characters of a crash's error kept in the log. */
const ERROR_CHARS = 2_000;

interface Entry {
  readonly name: string;
  readonly start: () => Promise<HostedService>;
  /** Bumped at every start; work of an older instance is ignored. */
  generation: number;
  state: 'starting' | 'running' | 'restarting';
  service: HostedService | undefined;
  startedAt: number;
  /** Consecutive quick failures (crashes or failed starts). */
  streak: number;
  /** Fails the pending start when the starting instance crashes. */
  failStart: (error: unknown) => void;
}

interface Attribution {
  readonly entry: Entry;
  readonly generation: number;
}

/** The services of one host, each started, crash-contained and restarted on its own. */
export interface Containment {
  /** Starts a service attributed to `name`; resolves once it listens, rejects if it fails to start. */
  start(name: string, start: () => Promise<HostedService>): Promise<void>;
  /** Stops restarting and closes every service. */
  close(): Promise<void>;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? inspect(error, { depth: 2, breakLength: Infinity }) : `non-error thrown: ${inspect(error, { depth: 2, breakLength: Infinity })}`;
  return text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS)}… (${text.length - ERROR_CHARS} more characters)` : text;
}

async function closeWithin(service: HostedService | undefined, ms: number): Promise<'closed' | 'timeout' | 'failed'> {
  if (service === undefined) return 'closed';
  const timeout = sleep(ms, 'timeout' as const, { ref: false });
  // A close() that throws synchronously counts as failed, like one that rejects.
  const closing = Promise.resolve()
    .then(() => service.close())
    .then(
      () => 'closed' as const,
      () => 'failed' as const,
    );
  return Promise.race([closing, timeout]);
}

/**
 * Installs the host's `uncaughtException` and `unhandledRejection` listeners (once per process)
 * and returns what starts services under them.
 */
export function containCrashes(options: { readonly logger?: Logger; readonly onEvent?: (event: ContainedEvent) => void } = {}): Containment {
  const logger = options.logger ?? createLogger({ level: 'info', fields: { service: 'embedded' } });
  const emit = options.onEvent ?? ((): void => undefined);
  const storage = new AsyncLocalStorage<Attribution>();
  const entries: Entry[] = [];
  let stopping = false;

  const fatal = (message: string, fields: Record<string, unknown>): never => {
    logger.error(message, fields);
    // As Node does for an uncaught exception: the process goes at once, its state unknown; the
    // supervisor starts a new host.
    process.exit(1);
  };

  /** Starts a new instance of the entry; rejects if it fails to start or crashes while starting. */
  const launch = async (entry: Entry): Promise<void> => {
    const generation = ++entry.generation;
    entry.state = 'starting';
    entry.startedAt = Date.now();
    const crashed = new Promise<never>((_resolve, reject) => {
      entry.failStart = reject;
    });
    const starting = storage.run({ entry, generation }, async () => entry.start());
    // An instance that finishes starting after it was given up on is closed, so it frees its port.
    void starting.then(
      (service) => {
        if (entry.generation !== generation || stopping) void storage.run({ entry, generation }, () => closeWithin(service, CLOSE_TIMEOUT_MS));
      },
      () => undefined,
    );
    const service = await Promise.race([starting, crashed]);
    entry.service = service;
    entry.state = 'running';
  };

  /** Closes the crashed instance and starts a new one, with backoff, until one starts or the host gives up. */
  const recover = async (entry: Entry, crashedInstance: Attribution): Promise<void> => {
    entry.state = 'restarting';
    // Work still queued by the crashed instance is now stale (ignored if it throws).
    entry.generation += 1;
    const old = entry.service;
    entry.service = undefined;
    if (old !== undefined) {
      const closed = await storage.run(crashedInstance, () => closeWithin(old, CLOSE_TIMEOUT_MS));
      if (closed !== 'closed') logger.warn('crashed service did not close cleanly; abandoned', { crashed: entry.name, close: closed });
    }
    for (;;) {
      if (stopping) return;
      const delay = restartDelayMs(entry.streak - 1);
      await sleep(delay);
      if (stopping) return;
      try {
        await launch(entry);
        logger.info('service restarted after a crash', { restarted: entry.name, streak: entry.streak });
        emit({ type: 'service-restarted', name: entry.name });
        return;
      } catch (e: unknown) {
        entry.generation += 1;
        entry.streak += 1;
        if (entry.streak > MAX_FAST_FAILURES) fatal('service failed to start again; the host gives up', { crashed: entry.name, failures: entry.streak, error: describeError(e) });
        logger.error('service failed to start again', { crashed: entry.name, error: describeError(e), restartInMs: restartDelayMs(entry.streak - 1) });
      }
    }
  };

  const onCrash = (error: unknown, origin: string): void => {
    const at = storage.getStore();
    if (at === undefined) {
      fatal('uncaught error outside any service; the host exits', { origin, error: describeError(error) });
      return;
    }
    const { entry, generation } = at;
    if (stopping || generation !== entry.generation) {
      logger.warn('uncaught error from a closed service instance; ignored', { crashed: entry.name, origin, error: describeError(error) });
      return;
    }
    if (entry.state === 'starting') {
      // launch() rejects; the initial start fails the host, a restart counts it and retries.
      entry.failStart(error);
      return;
    }
    entry.streak = Date.now() - entry.startedAt > QUIET_MS ? 1 : entry.streak + 1;
    if (entry.streak > MAX_FAST_FAILURES) {
      fatal('service keeps crashing; the host gives up', { crashed: entry.name, origin, failures: entry.streak, error: describeError(error) });
      return;
    }
    logger.error('service crashed; restarting it, the others keep serving', { crashed: entry.name, origin, error: describeError(error), restartInMs: restartDelayMs(entry.streak - 1) });
    emit({ type: 'service-crashed', name: entry.name, restartInMs: restartDelayMs(entry.streak - 1) });
    recover(entry, at).catch((e: unknown) => fatal('restarting a crashed service failed; the host exits', { crashed: entry.name, error: describeError(e) }));
  };

  process.on('uncaughtException', (error, origin) => onCrash(error, origin));
  process.on('unhandledRejection', (reason) => onCrash(reason, 'unhandledRejection'));

  return {
    start: async (name, start) => {
      const entry: Entry = { name, start, generation: 0, state: 'starting', service: undefined, startedAt: 0, streak: 0, failStart: () => undefined };
      await launch(entry);
      entries.push(entry);
    },
    close: async () => {
      stopping = true;
      // Reverse order: the gateway goes before the subgraphs it calls.
      await Promise.allSettled(entries.toReversed().map((e) => closeWithin(e.service, CLOSE_TIMEOUT_MS)));
    },
  };
}
