import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateGatewayKeys } from '../../lib/access/index.ts';
import { launchSystem, type RunningSystem } from '../../lib/launcher/index.ts';
import { SIMULATORS, SUBGRAPHS } from '../../lib/topology/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    issuerUrl: string;
    subgraphUrls: Record<string, string>;
    /** The gateway's subgraph-signing key, so security tests can forge what only the gateway may sign. */
    gatewayPrivateJwk: string;
    simulatorUrls: Record<string, string>;
    /** Folder of the embedded submissions store the launched subgraph uses (tests seed entries through the store's own service). */
    submissionsDataDir: string;
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
// The embedded submissions store of this run: a fresh folder, removed at the end.
let dataDir: string | undefined;

/** Starts the real system once for every end-to-end test file: real processes, real HTTP over loopback. */
export async function setup(project: TestProject): Promise<void> {
  const base = await freePortRun(2 + SUBGRAPHS.length + SIMULATORS.length);
  const gatewayKeys = await generateGatewayKeys();
  dataDir = mkdtempSync(join(tmpdir(), 'dti-e2e-submissions-'));
  const auditLogPath = join(mkdtempSync(join(tmpdir(), 'dti-e2e-')), 'audit.jsonl');
  system = await launchSystem({
    gatewayKeys,
    ports: {
      host: '127.0.0.1',
      gateway: base,
      subgraphBase: base + 1,
      simulatorBase: base + 1 + SUBGRAPHS.length,
      identity: base + 1 + SUBGRAPHS.length + SIMULATORS.length,
    },
    env: { LOG_LEVEL: 'warn', SUBMISSIONS_DATA_DIR: dataDir, DTI_AUDIT_LOG_PATH: auditLogPath },
    // A shared CI machine under load can take well over the default to start a dozen Node processes.
    readyTimeoutMs: 120_000,
    stderr: process.env['E2E_VERBOSE'] === '1' ? 'inherit' : 'ignore',
    // A loaded machine (shared CI runners, several suites at once) can take minutes to boot ten processes.
    ...(process.env['E2E_READY_TIMEOUT_MS'] === undefined ? {} : { readyTimeoutMs: Number(process.env['E2E_READY_TIMEOUT_MS']) }),
  });
  project.provide('gatewayUrl', system.gatewayUrl);
  project.provide('submissionsDataDir', dataDir);
  project.provide('issuerUrl', system.issuerUrl);
  project.provide('subgraphUrls', Object.fromEntries(SUBGRAPHS.map((s) => [s.name, system!.subgraphUrl(s.name)])));
  project.provide('gatewayPrivateJwk', gatewayKeys.privateJwk);
  project.provide('auditLogPath', auditLogPath);
  project.provide('gatewayEnv', { OIDC_ISSUER: system.issuerUrl, GATEWAY_UPSTREAM_PRIVATE_KEY: gatewayKeys.privateJwk });
  project.provide('simulatorUrls', Object.fromEntries(SIMULATORS.map((s) => [s.system, system!.simulatorUrl(s.system)])));
}

export async function teardown(): Promise<void> {
  await system?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
