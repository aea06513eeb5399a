import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateGatewayKeys } from '../../lib/access/index.ts';
import type { RunningSystem } from '../../lib/launcher/index.ts';
import { launchOnFreePorts } from '../../lib/testing/system.ts';
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

let system: RunningSystem | undefined;
// The embedded submissions store of this run: a fresh folder, removed at the end.
let dataDir: string | undefined;

/** Starts the real system once for every end-to-end test file: real processes, real HTTP over loopback. */
export async function setup(project: TestProject): Promise<void> {
  const gatewayKeys = await generateGatewayKeys();
  dataDir = mkdtempSync(join(tmpdir(), 'dti-e2e-submissions-'));
  const auditLogPath = join(mkdtempSync(join(tmpdir(), 'dti-e2e-')), 'audit.jsonl');
  ({ system } = await launchOnFreePorts({
    gatewayKeys,
    env: { LOG_LEVEL: 'warn', SUBMISSIONS_DATA_DIR: dataDir, DTI_AUDIT_LOG_PATH: auditLogPath },
    // A shared CI machine under load can take well over the default to start a dozen Node processes.
    readyTimeoutMs: 120_000,
    stderr: process.env['E2E_VERBOSE'] === '1' ? 'inherit' : 'ignore',
    // A loaded machine (shared CI runners, several suites at once) can take minutes to boot ten processes.
    ...(process.env['E2E_READY_TIMEOUT_MS'] === undefined ? {} : { readyTimeoutMs: Number(process.env['E2E_READY_TIMEOUT_MS']) }),
  }));
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
