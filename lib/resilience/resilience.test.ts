import { describe, expect, it } from 'vitest';
import { FETCH_BLOCKED_PORTS, portProblems } from '../launcher/ports.ts';
import { restartDelayMs } from '../launcher/index.ts';
import { answerMarginMs, budgetFor, correlationIdFrom, remainingMs, runInScope } from './deadline.ts';
import { createLimiter, LimiterFullError } from './limiter.ts';

const policy = { defaultMs: 15_000, maxMs: 120_000 };

describe('budgetFor', () => {
  it("takes the budget the gateway's verified token grants, capped", () => {
    expect(budgetFor(4000, policy)).toBe(4000);
    expect(budgetFor(999_999_999, policy)).toBe(120_000);
  });

  it('falls back to the default without a granted budget, or a nonsensical one', () => {
    expect(budgetFor(null, policy)).toBe(15_000);
    expect(budgetFor(0, policy)).toBe(15_000);
    expect(budgetFor(-1, policy)).toBe(15_000);
    expect(budgetFor(1.5, policy)).toBe(15_000);
  });

  it('keeps a margin to send the answer, small against the budget', () => {
    expect(answerMarginMs(5000)).toBe(250);
    expect(answerMarginMs(100)).toBe(20);
  });
});

describe('request scope', () => {
  it('is visible to work started inside it, and only there', async () => {
    const scope = { deadline: Date.now() + 1000, signal: new AbortController().signal, correlationId: 'c1' };
    const inside = await runInScope(scope, async () => {
      await new Promise((r) => setImmediate(r));
      return remainingMs();
    });
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThanOrEqual(1000);
    expect(remainingMs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps a sane correlation id and replaces anything else', () => {
    expect(correlationIdFrom('abc-123')).toBe('abc-123');
    expect(correlationIdFrom('bad id with spaces')).not.toBe('bad id with spaces');
    expect(correlationIdFrom('x'.repeat(500))).toHaveLength(36);
  });
});

describe('createLimiter', () => {
  it('runs at most `concurrency` at once, queues up to `queue`, refuses beyond', async () => {
    const limiter = createLimiter({ concurrency: 1, queue: 1 });
    let release: () => void = () => undefined;
    const first = limiter.run(() => new Promise<string>((r) => (release = () => r('first'))));
    const second = limiter.run(() => Promise.resolve('second'));
    await expect(limiter.run(() => Promise.resolve('third'))).rejects.toBeInstanceOf(LimiterFullError);
    expect([limiter.inFlight, limiter.queued]).toEqual([1, 1]);
    release();
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
    expect([limiter.inFlight, limiter.queued]).toEqual([0, 0]);
  });

  it('drops a waiting call whose signal aborts', async () => {
    const limiter = createLimiter({ concurrency: 1, queue: 5 });
    let release: () => void = () => undefined;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const waiting = limiter.run(() => Promise.resolve('never'), controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(limiter.queued).toBe(0);
    release();
    await first;
  });
});

describe('launcher guards', () => {
  it('refuses ports fetch blocks, duplicates and out-of-range ones, naming the service', () => {
    expect(FETCH_BLOCKED_PORTS.has(6000)).toBe(true);
    const problems = portProblems([
      { name: 'gateway', port: 6000 },
      { name: 'subgraph-plans', port: 4001 },
      { name: 'subgraph-documents', port: 4001 },
      { name: 'simulator-plans', port: 70000 },
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/gateway: port 6000 .*fetch/);
    expect(problems[1]).toMatch(/subgraph-documents: port 4001 is already given to subgraph-plans/);
    expect(portProblems([{ name: 'gateway', port: 4000 }])).toEqual([]);
  });

  it('backs restarts off from 250 ms, doubling, to at most 10 s', () => {
    expect([0, 1, 2, 3, 10].map(restartDelayMs)).toEqual([250, 500, 1000, 2000, 10_000]);
  });
});
