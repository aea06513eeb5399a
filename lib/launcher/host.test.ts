import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortRun } from '../testing/ports.ts';
import { MAX_FAST_FAILURES } from './contain.ts';
import { restartDelayMs } from './index.ts';
import { HOSTED_SERVICES_VAR, type HostedSpec } from './service.ts';

const HOST = fileURLToPath(new URL('./host.ts', import.meta.url));
const WATCHDOG = fileURLToPath(new URL('./watchdog.ts', import.meta.url));
const FIXTURE = 'test/fixtures/launcher-service.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startHost(specs: HostedSpec[], ipc = false): ChildProcess {
  const child = spawn(process.execPath, ['--import', WATCHDOG, HOST], {
    env: { ...process.env, [HOSTED_SERVICES_VAR]: JSON.stringify(specs) },
    stdio: ['ignore', 'ignore', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  children.push(child);
  return child;
}

async function answer(port: number): Promise<string> {
  for (let i = 0; i < 600; i++) {
    try {
      return await (await fetch(`http://127.0.0.1:${port}/`)).text();
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`nothing listening on ${port}`);
}

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return false;
  } catch {
    return true;
  }
}

describe('the embedded host', () => {
  it('runs several services in one process, each on its own port with its own environment, and stops them all on SIGTERM', async () => {
    const port = await freePortRun(2);
    const host = startHost([
      { name: 'one', entry: FIXTURE, env: { PORT: String(port), REPLY: 'một' }, wave: 0 },
      { name: 'two', entry: FIXTURE, env: { PORT: String(port + 1), REPLY: 'hai' }, wave: 1 },
    ]);
    expect(await answer(port)).toBe('một');
    expect(await answer(port + 1)).toBe('hai');
    const exit = once(host, 'exit');
    host.kill('SIGTERM');
    expect((await exit)[0]).toBe(0);
    expect(await refused(port)).toBe(true);
    expect(await refused(port + 1)).toBe(true);
  }, 60_000);

  it('exits with an error saying why when a service fails to start', async () => {
    const port = await freePortRun(1);
    const host = startHost([
      { name: 'fine', entry: FIXTURE, env: { PORT: String(port), REPLY: 'ok' }, wave: 0 },
      { name: 'broken', entry: FIXTURE, env: { FAIL: '1' }, wave: 1 },
    ]);
    let stderr = '';
    host.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = await once(host, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('fixture told to fail');
    expect(await refused(port)).toBe(true);
  }, 60_000);

  it('exits with an error saying why when a service crashes while starting', async () => {
    const port = await freePortRun(1);
    const host = startHost([
      { name: 'fine', entry: FIXTURE, env: { PORT: String(port), REPLY: 'ok' }, wave: 0 },
      { name: 'broken', entry: FIXTURE, env: { CRASH_STARTING: '1' }, wave: 1 },
    ]);
    let stderr = '';
    host.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = await once(host, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('a service failed to start');
    expect(stderr).toContain('fixture crashed while starting');
    expect(await refused(port)).toBe(true);
  }, 60_000);

  it('refuses an entry that is not a repository-relative module path', async () => {
    const host = startHost([{ name: 'x', entry: '../../etc/passwd.ts', env: {}, wave: 0 }]);
    const [code] = await once(host, 'exit');
    expect(code).not.toBe(0);
  }, 60_000);

  it('exits when its supervisor goes away (the IPC channel closes)', async () => {
    const port = await freePortRun(1);
    const host = startHost([{ name: 'one', entry: FIXTURE, env: { PORT: String(port), REPLY: 'một' }, wave: 0 }], true);
    expect(await answer(port)).toBe('một');
    const exit = once(host, 'exit');
    host.disconnect();
    await exit;
    expect(await refused(port)).toBe(true);
  }, 60_000);
});

/** Fetches a path; undefined when the connection is refused. */
async function get(port: number, path = '/'): Promise<{ readonly text: string; readonly start: number } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { text: await res.text(), start: Number(res.headers.get('x-start')) };
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function collect(child: ChildProcess): { text(): string } {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return { text: () => stderr };
}

describe('crash containment in the embedded host', () => {
  for (const [path, origin] of [
    ['/crash', 'uncaughtException'],
    ['/reject', 'unhandledRejection'],
  ] as const) {
    it(`restarts only the service that crashed (${origin}), in place, while the others keep serving`, async () => {
      const port = await freePortRun(2);
      const host = startHost([
        { name: 'one', entry: FIXTURE, env: { PORT: String(port), REPLY: 'một' }, wave: 0 },
        { name: 'two', entry: FIXTURE, env: { PORT: String(port + 1), REPLY: 'hai' }, wave: 0 },
      ]);
      const stderr = collect(host);
      expect(await answer(port)).toBe('một');
      expect(await answer(port + 1)).toBe('hai');
      const before = await get(port);
      await get(port, path);
      // Its port goes dark while it is closed and waits its backoff (250 ms) ...
      await until('the crashed service to close', async () => ((await get(port)) === undefined ? true : undefined));
      // ... and the other one answers meanwhile.
      expect((await get(port + 1))?.text).toBe('hai');
      const after = await until('the crashed service to answer again', () => get(port));
      expect(after.text).toBe('một');
      expect(after.start).toBeGreaterThan(before?.start ?? 0);
      expect(host.exitCode).toBeNull();
      expect(host.signalCode).toBeNull();
      const log = stderr.text();
      expect(log).toContain('service crashed; restarting it');
      expect(log).toContain('"crashed":"one"');
      expect(log).toContain(`"origin":"${origin}"`);
      expect(log).toContain('"restartInMs":250');
      expect(log).toContain('"restarted":"one"');
      expect(log).not.toContain('"crashed":"two"');
    }, 60_000);
  }

  it('retries a restart that fails to start, with growing backoff, until it starts', async () => {
    const port = await freePortRun(1);
    const host = startHost([{ name: 'one', entry: FIXTURE, env: { PORT: String(port), REPLY: 'một', FAIL_RESTARTS: '2' }, wave: 0 }]);
    const stderr = collect(host);
    expect(await answer(port)).toBe('một');
    await get(port, '/crash');
    await until('the crashed service to close', async () => ((await get(port)) === undefined ? true : undefined));
    const after = await until('the crashed service to answer again', () => get(port));
    expect(after).toEqual({ text: 'một', start: 4 });
    expect(host.exitCode).toBeNull();
    const log = stderr.text();
    expect([...log.matchAll(/"message":"service failed to start again".*?"restartInMs":(\d+)/g)].map((m) => Number(m[1]))).toEqual([500, 1000]);
    expect(log).toContain('fixture refused to start again (start 3)');
    expect(log).toContain('"restarted":"one","streak":3');
  }, 60_000);

  it('exits (for the supervisor to restart it) on a crash it cannot attribute to a service', async () => {
    const port = await freePortRun(1);
    const host = startHost([{ name: 'one', entry: FIXTURE, env: { PORT: String(port), REPLY: 'một' }, wave: 0 }]);
    const stderr = collect(host);
    expect(await answer(port)).toBe('một');
    const exit = once(host, 'exit');
    await get(port, '/crash-outside');
    expect((await exit)[0]).toBe(1);
    expect(stderr.text()).toContain('uncaught error outside any service');
    expect(stderr.text()).toContain('fixture crashed outside any service');
    expect(await refused(port)).toBe(true);
  }, 60_000);

  it(`gives up and exits when a service crashes again soon after each of ${MAX_FAST_FAILURES} restarts, with backoff between them`, async () => {
    const port = await freePortRun(2);
    const host = startHost([
      { name: 'fine', entry: FIXTURE, env: { PORT: String(port), REPLY: 'ok' }, wave: 0 },
      { name: 'flaky', entry: FIXTURE, env: { PORT: String(port + 1), REPLY: 'flaky', CRASH_AFTER_MS: '30' }, wave: 0 },
    ]);
    const stderr = collect(host);
    const [code] = await once(host, 'exit');
    expect(code).toBe(1);
    const log = stderr.text();
    const delays = [...log.matchAll(/"crashed":"flaky".*?"restartInMs":(\d+)/g)].map((m) => Number(m[1]));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000]);
    expect(log).toContain('service keeps crashing; the host gives up');
    expect(log).not.toContain('"crashed":"fine"');
  }, 60_000);
});

describe('restart backoff', () => {
  it('doubles from 250 ms and stops at 10 s', () => {
    expect([0, 1, 2, 3].map(restartDelayMs)).toEqual([250, 500, 1000, 2000]);
    expect(restartDelayMs(10)).toBe(10_000);
  });
});
