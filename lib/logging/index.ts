import { trace } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A structured logger: a message plus fields, written as one JSON line. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const requestScope = new AsyncLocalStorage<string>();

/** Runs `fn` with a request id that every log line written inside it carries. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run(requestId, fn);
}

/** The request id of the current request, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}

// Field names whose values are never written: credentials, and request bodies (which may hold
// personal data from plan documents or self-assessments).
const SECRET = /authorization|token|password|secret|cookie|api[-_]?key|^body$|^text$|variables|^query$/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '[redacted]' : redact(v, depth + 1)]));
}

function traceIdNow(): string | undefined {
  const id = trace.getActiveSpan()?.spanContext().traceId;
  return id === undefined || /^0+$/.test(id) ? undefined : id;
}

/** One line for a person at a terminal: time, level, service, message, then the fields. */
function human(entry: Record<string, unknown>): string {
  const { time, level, service, message, ...rest } = entry;
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${String(service ?? '-')}: ${String(message)}${extra === '' ? '' : `  ${extra}`}\n`;
}

/**
 * Logger writing one JSON line per entry with one schema across processes — `time`, `level`,
 * `service`, `message`, `traceId` (the active span's), `requestId`, then the entry's fields —
 * human-readable when stderr is a terminal. Credentials and request bodies are redacted by field name.
 */
export function createLogger(options: {
  readonly level: LogLevel;
  readonly fields?: Record<string, unknown>;
  readonly write?: (line: string) => void;
  /** Human-readable lines instead of JSON. @default stderr is a TTY (and no `write` given) */
  readonly pretty?: boolean;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const pretty = options.pretty ?? (options.write === undefined && process.stderr.isTTY === true);
  const base = options.fields ?? {};
  const at =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (RANK[level] < RANK[options.level]) return;
      const { service, ...rest } = { ...base, ...fields };
      const traceId = traceIdNow();
      const requestId = currentRequestId();
      const entry: Record<string, unknown> = {
        time: new Date().toISOString(),
        level,
        service: service ?? null,
        message,
        ...(traceId === undefined ? {} : { traceId }),
        ...(requestId === undefined ? {} : { requestId }),
        ...(redact(rest) as Record<string, unknown>),
      };
      write(pretty ? human(entry) : `${JSON.stringify(entry)}\n`);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => undefined });
