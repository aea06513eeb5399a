import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortRun } from '../testing/ports.ts';
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

describe('restart backoff', () => {
  it('doubles from 250 ms and stops at 10 s', () => {
    expect([0, 1, 2, 3].map(restartDelayMs)).toEqual([250, 500, 1000, 2000]);
    expect(restartDelayMs(10)).toBe(10_000);
  });
});
