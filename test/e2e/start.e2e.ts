import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeSystemPorts } from '../../lib/testing/ports.ts';

// `npm start` itself (scripts/start.ts), on free ports: its supervisor process stays up for as
// long as the system runs and only spawns and watches the host, so once the system is ready it
// gives back the garbage its start-up (hundreds of readiness probes) left in the heap.
let supervisor: ChildProcess;
let output = '';

/** Anonymous resident memory of a process, kB (its heap and malloc, not the node binary's mapped pages). */
const rssAnonKb = (pid: number): number => Number(/RssAnon:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

beforeAll(async () => {
  const ports = await freeSystemPorts();
  supervisor = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: new URL('../../', import.meta.url),
    env: {
      ...process.env,
      DTI_HOST: ports.host,
      DTI_GATEWAY_PORT: String(ports.gateway),
      DTI_SUBGRAPH_PORT_BASE: String(ports.subgraphBase),
      DTI_SIMULATOR_PORT_BASE: String(ports.simulatorBase),
      DTI_IDENTITY_PORT: String(ports.identity),
      DTI_READY_TIMEOUT_MS: '180000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  supervisor.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    supervisor.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('dti-graph ready in')) resolve();
    });
    supervisor.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
}, 240_000);

afterAll(async () => {
  if (supervisor.exitCode === null && supervisor.signalCode === null) {
    const gone = once(supervisor, 'exit');
    supervisor.kill('SIGTERM');
    await gone;
  }
});

describe('npm start', () => {
  it('hands start-up garbage back once ready: the idle supervisor holds under 100 MB of anonymous memory', async () => {
    const pid = supervisor.pid ?? 0;
    // It was 120–145 MB when the supervisor kept its start-up heap (30 Nov 2026), ≈ 60 MB after its idle collection.
    let kb = rssAnonKb(pid);
    for (const deadline = Date.now() + 30_000; kb >= 100_000 && Date.now() < deadline; kb = rssAnonKb(pid)) await new Promise((r) => setTimeout(r, 500));
    expect(kb).toBeLessThan(100_000);
  }, 60_000);

  it('stops every service it started on SIGTERM', async () => {
    const hosts = [...output.matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(hosts.length).toBeGreaterThan(0);
    const gone = once(supervisor, 'exit');
    supervisor.kill('SIGTERM');
    await gone;
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(new Set(hosts).size).toBe(1);
    expect(hosts.filter(alive)).toEqual([]);
  }, 30_000);
});
