import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateGatewayKeys } from '../../lib/access/index.ts';
import { launchSystem, type RunningSystem } from '../../lib/launcher/index.ts';
import { SIMULATORS } from '../../lib/topology/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    simulatorUrls: Record<string, string>;
    /** Each subgraph's base URL, for tests that start a second gateway (e.g. the production profile). */
    subgraphUrls: Record<string, string>;
    /** The shared gateway's audit file (JSON lines). */
    auditLogPath: string;
    /** What a second gateway needs to join the system: issuer and subgraph-signing key. */
    gatewayEnv: Record<string, string>;
  }
}

async function freePortRun(count: number): Promise<number> {
  // Find `count` consecutive free ports by probing from a random base in a quiet range.
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const ok = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        new Promise<boolean>((resolve) => {
          const s = createServer();
          s.once('error', () => resolve(false));
          s.listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)));
        }),
      ),
    );
    if (ok.every(Boolean)) return base;
  }
  throw new Error('no free port range found');
}

let system: RunningSystem | undefined;

/** Starts the real system once for every end-to-end test file: real processes, real HTTP over loopback. */
export async function setup(project: TestProject): Promise<void> {
  const base = await freePortRun(12);
  const auditLogPath = join(mkdtempSync(join(tmpdir(), 'dti-e2e-')), 'audit.jsonl');
  const gatewayKeys = await generateGatewayKeys();
  system = await launchSystem({
    gatewayKeys,
    ports: { host: '127.0.0.1', gateway: base, subgraphBase: base + 1, simulatorBase: base + 6 },
    env: { LOG_LEVEL: 'warn', DTI_AUDIT_LOG_PATH: auditLogPath },
    // The test machine is shared; start-up under load can take far longer than on a laptop.
    readyTimeoutMs: 120_000,
    stderr: process.env['E2E_VERBOSE'] === '1' ? 'inherit' : 'ignore',
  });
  project.provide('gatewayUrl', system.gatewayUrl);
  project.provide('auditLogPath', auditLogPath);
  project.provide('gatewayEnv', { OIDC_ISSUER: system.issuerUrl, GATEWAY_UPSTREAM_PRIVATE_KEY: gatewayKeys.privateJwk });
  project.provide('subgraphUrls', Object.fromEntries(system.services.filter((s) => s.kind === 'subgraph').map((s) => [s.name.replace(/^subgraph-/, ''), s.url])));
  project.provide('simulatorUrls', Object.fromEntries(SIMULATORS.map((s) => [s.system, system!.simulatorUrl(s.system)])));
}

export async function teardown(): Promise<void> {
  await system?.stop();
}
