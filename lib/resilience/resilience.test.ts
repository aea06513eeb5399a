import { describe, expect, it } from 'vitest';
import { FETCH_BLOCKED_PORTS, portProblems } from '../launcher/ports.ts';
import { restartDelayMs } from '../launcher/index.ts';
import { answerMarginMs, BUDGET_HEADER, budgetFor, correlationIdFrom, GATEWAY_SECRET_HEADER, remainingMs, runInScope } from './deadline.ts';
import { createLimiter, LimiterFullError } from './limiter.ts';

const policy = { defaultMs: 15_000, maxMs: 120_000 };

describe('budgetFor', () => {
  it('trusts the budget header from loopback when no secret is configured', () => {
    expect(budgetFor({ [BUDGET_HEADER]: '4000' }, '127.0.0.1', policy)).toBe(4000);
    expect(budgetFor({ [BUDGET_HEADER]: '4000' }, '::ffff:127.0.0.1', policy)).toBe(4000);
  });

  it('ignores it from another host, or when malformed, and caps it', () => {
    expect(budgetFor({ [BUDGET_HEADER]: '4000' }, '10.0.0.8', policy)).toBe(15_000);
    expect(budgetFor({ [BUDGET_HEADER]: '-1' }, '127.0.0.1', policy)).toBe(15_000);
    expect(budgetFor({ [BUDGET_HEADER]: '999999999' }, '127.0.0.1', policy)).toBe(120_000);
  });

  it('with a secret configured, trusts the header only beside the right secret', () => {
    const withSecret = { ...policy, gatewaySecret: 'a-secret-of-sixteen+' };
    expect(budgetFor({ [BUDGET_HEADER]: '4000' }, '127.0.0.1', withSecret)).toBe(15_000);
    expect(budgetFor({ [BUDGET_HEADER]: '4000', [GATEWAY_SECRET_HEADER]: 'wrong-secret-xxxxxx' }, '127.0.0.1', withSecret)).toBe(15_000);
    expect(budgetFor({ [BUDGET_HEADER]: '4000', [GATEWAY_SECRET_HEADER]: 'a-secret-of-sixteen+' }, '10.0.0.8', withSecret)).toBe(4000);
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
