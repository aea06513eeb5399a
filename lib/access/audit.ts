import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ROLES } from './identity.ts';

// Every field is bounded and named: an audit record never carries a token, a header dump or file
// bytes (strict objects refuse any key not listed here).
const text = (max: number) => z.string().max(max);
const common = {
  time: z.iso.datetime(),
  requestId: text(128),
  actor: z.strictObject({ subject: text(256).nullable(), roles: z.array(z.enum(ROLES)) }),
  unit: text(16).nullable(),
  action: text(128),
  origin: z.strictObject({ address: text(64).nullable(), origin: text(256).nullable() }),
};

/** One audit record: a mutation, an export, or a refusal (A36). */
export const auditEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('MUTATION'),
    ...common,
    /** ATTEMPT is written (and must succeed) before the mutation runs; OK/ERROR after. */
    outcome: z.enum(['ATTEMPT', 'OK', 'ERROR']),
    errorCodes: z.array(text(64)).max(20),
  }),
  z.strictObject({
    type: z.literal('EXPORT'),
    ...common,
    outcome: z.enum(['ATTEMPT', 'OK', 'ERROR']),
    format: z.enum(['csv', 'json']).nullable(),
    year: z.number().int().nullable(),
  }),
  z.strictObject({
    type: z.literal('REFUSAL'),
    ...common,
    outcome: z.literal('REFUSED'),
    code: text(64),
    message: text(500),
    httpStatus: z.number().int().min(100).max(599).nullable(),
  }),
]);

export type AuditEvent = z.output<typeof auditEventSchema>;
/** An event as the caller gives it: the log adds the time. */
export type AuditEventInput = AuditEvent extends infer E ? (E extends AuditEvent ? Omit<E, 'time'> : never) : never;

/** Where audit lines go: a file for the embedded default, a table or a collector elsewhere. */
export interface AuditSink {
  append(line: string): Promise<void>;
  /** Every line, oldest first (for administrators; the line's position is its sequence number). */
  lines(): Promise<readonly string[]>;
}

/** What an administrator asks of the log. */
export interface AuditSearch {
  /** Most records returned. */
  readonly limit: number;
  /** Only records naming this unit code. */
  readonly unit?: string;
  /** Only records at or after this instant (ISO 8601). */
  readonly since?: string;
  /** Only records with a sequence number below this one (the previous page's `next`). */
  readonly before?: number;
}

/** One page of records, newest first; `next` continues it (null: nothing older matches). */
export interface AuditPage {
  readonly events: ReadonlyArray<AuditEvent & { readonly seq: number }>;
  readonly next: number | null;
}

/** The audit log: validates every event against the closed union before it reaches the sink. */
export interface AuditLog {
  /** Writes one event; rejects when the sink fails (callers decide: fail closed, or log and go on). */
  record(event: AuditEventInput): Promise<AuditEvent>;
  /** The most recent events, newest last; lines that do not parse are skipped. */
  recent(limit: number): Promise<AuditEvent[]>;
  /** Records matching a filter, newest first, one bounded page at a time. */
  search(query: AuditSearch): Promise<AuditPage>;
}

function parseLine(line: string): AuditEvent | null {
  try {
    const parsed = auditEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Builds the audit log over an injected sink and clock. */
export function createAuditLog(deps: { readonly sink: AuditSink; readonly now: () => Date }): AuditLog {
  return {
    async record(input) {
      const event = auditEventSchema.parse({ ...input, time: deps.now().toISOString() });
      await deps.sink.append(`${JSON.stringify(event)}\n`);
      return event;
    },
    async recent(limit) {
      const lines = (await deps.sink.lines()).slice(-limit);
      return lines.flatMap((line) => {
        const event = parseLine(line);
        return event === null ? [] : [event];
      });
    },
    async search(query) {
      const lines = await deps.sink.lines();
      const since = query.since === undefined ? null : Date.parse(query.since);
      const events: Array<AuditEvent & { seq: number }> = [];
      // Sequence numbers start at 1: the line's position in the log, stable as records are appended.
      for (let seq = Math.min(lines.length, (query.before ?? lines.length + 1) - 1); seq >= 1; seq--) {
        const event = parseLine(lines[seq - 1] ?? '');
        if (event === null) continue;
        if (since !== null && Date.parse(event.time) < since) continue;
        if (query.unit !== undefined && event.unit !== query.unit) continue;
        if (events.length === query.limit) return { events, next: (events.at(-1)?.seq ?? seq + 1) };
        events.push({ ...event, seq });
      }
      return { events, next: null };
    },
  };
}

/** A JSON-lines file sink (the embedded default; the file sits under git-ignored `data/audit/`). */
export function createFileAuditSink(path: string): AuditSink {
  let ready: Promise<unknown> | undefined;
  return {
    async append(line) {
      ready ??= mkdir(dirname(path), { recursive: true });
      await ready;
      await appendFile(path, line, 'utf8');
    },
    async lines() {
      let content: string;
      try {
        content = await readFile(path, 'utf8');
      } catch (e) {
        if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return [];
        throw e;
      }
      return content.split('\n').filter((l) => l.length > 0);
    },
  };
}

/** Cuts free text to the schema's bounds, so an oversized message cannot make the record itself fail. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
