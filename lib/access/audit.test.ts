import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEventSchema, createAuditLog, createFileAuditSink, type AuditEventInput, type AuditSink } from './audit.ts';

const now = () => new Date('2026-11-29T10:00:00Z');
const refusal: AuditEventInput = {
  type: 'REFUSAL', requestId: 'r1', actor: { subject: 'u1', roles: ['VIEWER'] }, unit: '56', action: 'graphql',
  origin: { address: '127.0.0.1', origin: null }, outcome: 'REFUSED', code: 'QUERY_TOO_DEEP', message: 'too deep', httpStatus: 400,
};

function memorySink(): AuditSink & { written: string[] } {
  const written: string[] = [];
  return { lines: async () => written.map((l) => l.trim()), written, append: async (l) => void written.push(l) };
}

describe('audit log', () => {
  it('writes one JSON line per event with the time from the injected clock', async () => {
    const sink = memorySink();
    const log = createAuditLog({ sink, now });
    await log.record(refusal);
    expect(sink.written).toHaveLength(1);
    expect(JSON.parse(sink.written[0] ?? '')).toMatchObject({ type: 'REFUSAL', time: '2026-11-29T10:00:00.000Z', code: 'QUERY_TOO_DEEP' });
  });

  it('refuses an event with a key outside the closed union (no token can ride along)', async () => {
    const log = createAuditLog({ sink: memorySink(), now });
    await expect(log.record({ ...refusal, token: 'eyJ…' } as AuditEventInput)).rejects.toThrow();
    expect(Object.keys(auditEventSchema.options[0].shape)).not.toContain('token');
  });

  it('rejects when the sink fails, so callers can fail closed', async () => {
    const log = createAuditLog({ sink: { append: async () => Promise.reject(new Error('disk full')), lines: async () => [] }, now });
    await expect(log.record(refusal)).rejects.toThrow('disk full');
  });

  it('file sink: appends JSON lines under a new folder and reads back the newest', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'deep', 'audit.jsonl');
    const log = createAuditLog({ sink: createFileAuditSink(path), now });
    await log.record(refusal);
    await log.record({ ...refusal, requestId: 'r2' });
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
    expect((await log.recent(1)).map((e) => e.requestId)).toEqual(['r2']);
  });

  it('file sink: an absent file reads as no events', async () => {
    const log = createAuditLog({ sink: createFileAuditSink(join(tmpdir(), 'no-such-dir-audit', 'x.jsonl')), now });
    expect(await log.recent(10)).toEqual([]);
  });

  it('search: newest first, filtered by unit and time, in bounded pages that follow `next`', async () => {
    let clock = Date.parse('2026-11-29T10:00:00Z');
    const log = createAuditLog({ sink: memorySink(), now: () => new Date(clock) });
    for (let i = 1; i <= 7; i++) {
      clock += 60_000;
      await log.record({ ...refusal, requestId: `r${i}`, unit: i % 2 === 0 ? '51' : '56' });
    }
    const first = await log.search({ limit: 2, unit: '56' });
    expect(first.events.map((e) => [e.requestId, e.seq])).toEqual([['r7', 7], ['r5', 5]]);
    expect(first.next).toBe(5);
    const second = await log.search({ limit: 2, unit: '56', before: first.next ?? 0 });
    expect(second.events.map((e) => e.requestId)).toEqual(['r3', 'r1']);
    expect(second.next).toBeNull();
    const recent = await log.search({ limit: 10, since: '2026-11-29T10:05:00.000Z' });
    expect(recent.events.map((e) => e.requestId)).toEqual(['r7', 'r6', 'r5']);
    expect(recent.next).toBeNull();
    expect((await log.search({ limit: 10, unit: '01' })).events).toEqual([]);
  });
});
