import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSystem, type RunningSystem, type SupervisorEvent } from '../../lib/launcher/index.ts';
import { freeSystemPorts } from '../../lib/testing/ports.ts';

// This file starts its own system in the embedded default's layout (every service in one
// supervised process; the shared system runs one process per service), crashes one service in it
// (contained: only that service restarts), then kills the process (the supervisor restarts it).
let system: RunningSystem;
const events: SupervisorEvent[] = [];
let restarted: () => void = () => undefined;
const back = new Promise<void>((resolve) => (restarted = resolve));

beforeAll(async () => {
  system = await launchSystem({
    layout: 'single',
    ports: await freeSystemPorts(),
    env: { LOG_LEVEL: 'warn' },
    stderr: process.env['E2E_VERBOSE'] === '1' ? 'inherit' : 'ignore',
    readyTimeoutMs: 180_000,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'restarted') restarted();
    },
  });
}, 240_000);

afterAll(async () => {
  await system.stop();
});

const units = async (): Promise<unknown> => {
  const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ units { code } }' }) });
  return res.json();
};

describe('the embedded default (one process)', () => {
  it('hosts every service in one process, each on its own port', async () => {
    const pids = new Set(system.services.map((s) => s.pid));
    expect(pids.size).toBe(1);
    expect(new Set(system.services.map((s) => s.url)).size).toBe(system.services.length);
    expect(system.processes()).toHaveLength(1);
    const body = (await units()) as { data?: { units?: unknown[] } };
    expect(body.data?.units?.length).toBeGreaterThan(0);
  });

  it('restarts only a service that crashed, inside the same process, while the others keep serving', async () => {
    const pid = system.pidOf('gateway');
    const sim = system.simulatorUrl('documents');
    const healthy = async (): Promise<boolean> => {
      try {
        return (await fetch(`${sim}/_sim/health`)).ok;
      } catch {
        return false;
      }
    };
    const until = async (what: string, ok: () => Promise<boolean>): Promise<void> => {
      for (const deadline = Date.now() + 60_000; !(await ok()); ) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    expect(await healthy()).toBe(true);
    const crash = await fetch(`${sim}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ crash: true }) });
    expect(crash.status).toBe(200);
    // The crashed simulator is closed and waits its backoff (250 ms) ...
    await until('the crashed simulator to close', async () => !(await healthy()));
    // ... while the gateway and the other services answer.
    const during = (await units()) as { data?: { units?: unknown[] } };
    expect(during.data?.units?.length).toBeGreaterThan(0);
    await until('the crashed simulator to answer again', healthy);
    expect(system.pidOf('gateway')).toBe(pid);
    expect(system.pidOf('simulator-documents')).toBe(pid);
    expect(system.restarts('gateway')).toBe(0);
    // The supervisor heard of it from the host; the process itself never exited.
    await until('the supervisor to hear of the restart', async () => events.length >= 2);
    expect(events).toEqual([
      { type: 'service-crashed', name: 'simulator-documents', process: 'embedded', restartInMs: 250 },
      { type: 'service-restarted', name: 'simulator-documents', process: 'embedded' },
    ]);
    events.length = 0;
  }, 120_000);

  it('runs with the young generation capped, so start-up garbage does not stay resident', () => {
    const pid = system.pidOf('gateway');
    const argv = readFileSync(`/proc/${pid ?? 0}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('--max-semi-space-size=16');
  });

  it('is restarted with backoff when the process crashes, and answers again', async () => {
    const pid = system.pidOf('gateway');
    expect(pid).toBeDefined();
    process.kill(pid ?? 0, 'SIGKILL');
    await back;
    expect(events[0]).toMatchObject({ type: 'exited', name: 'embedded', signal: 'SIGKILL', restartInMs: 250 });
    expect(system.pidOf('gateway')).not.toBe(pid);
    expect(system.pidOf('subgraph-dti')).toBe(system.pidOf('gateway'));
    expect(system.restarts('gateway')).toBe(1);
    const body = (await units()) as { data?: { units?: unknown[] } };
    expect(body.data?.units?.length).toBeGreaterThan(0);
  }, 240_000);
});
