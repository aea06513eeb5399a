import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePortRun } from '../../lib/testing/ports.ts';

const MAIN = fileURLToPath(new URL('../documents/main.ts', import.meta.url));

describe('the crash fault (POST /_sim/faults {"crash": true})', () => {
  it('answers, then its process dies of an uncaught exception; a malformed crash switch is refused and the process stays up', async () => {
    const port = await freePortRun(1);
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const url = `http://127.0.0.1:${port}/_sim/faults`;
      const post = (body: unknown): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      for (let i = 0; ; i++) {
        try {
          await fetch(`http://127.0.0.1:${port}/_sim/health`);
          break;
        } catch (e: unknown) {
          if (i > 600) throw e;
          await sleep(50);
        }
      }
      for (const bad of [{ crash: 'yes' }, { crash: 1 }]) expect((await post(bad)).status).toBe(400);
      const off = await post({ crash: false });
      expect(off.status).toBe(200);
      expect(await off.json()).not.toHaveProperty('crashing');
      expect(child.exitCode).toBeNull();
      const exit = once(child, 'exit');
      const res = await post({ crash: true });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ system: 'documents', crashing: true, faults: { down: false } });
      const [code] = await exit;
      expect(code).toBe(1);
      expect(stderr).toContain('simulator-documents told to crash');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
