/**
 * Does memory come back after a burst? Launches the system on spare ports (layout as `npm start`
 * would, or as given), measures each process's RSS when idle, runs a burst of heavy queries (every
 * province's DTI assessment, many at once), waits for the system to be idle again, and prints
 * idle → peak → after-idle per process with the ratio after/idle (target ≤ 1.2).
 * Run: npm run bench:memory -- [concurrent=20] [rounds=3] [settleSeconds=20] [layout=single]
 * Extra environment for the services (allocator settings, Node flags) passes through, e.g.
 * `MALLOC_ARENA_MAX=2 npm run bench:memory`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { launchSystem, LAYOUTS, type Layout } from '../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';
import { freeSystemPorts, rssMb } from './procs.ts';

const concurrent = Number(process.argv[2] ?? '20');
const rounds = Number(process.argv[3] ?? '3');
const settleSeconds = Number(process.argv[4] ?? '20');
const layout = (process.argv[5] ?? 'single') as Layout;
if (!(LAYOUTS as readonly string[]).includes(layout)) throw new Error(`unknown layout ${layout}; one of ${LAYOUTS.join(', ')}`);

const HEAVY = (year: number): string => `{ units(level: PROVINCE) { code year(year: ${year}) {
  documents { signedDigitallyRate sentElectronicallyRate source { status } }
  publicServices { onlineDossierRate onTimeRate source { status } }
  labour { digitalSkillsRate source { status } }
  dti { score completeness inputs { value status } } } } }`;

const system = await launchSystem({ ports: await freeSystemPorts(), layout });
const sample = (): Map<string, number> => new Map(system.processes().map((p) => [p.name, p.pid === undefined ? 0 : rssMb(p.pid)]));
const names = system.processes().map((p) => p.name);
// Unit-year figures need a token: an administrator's from the system's own development provider.
const adminToken = await requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, { sub: 'bench-admin', roles: ['ADMIN'], units: [], ttlS: 3600 });
let failed = 0;
const post = (query: string): Promise<void> =>
  fetch(system.gatewayUrl, {
    method: 'POST',
    // no-cache: every query of the burst is assembled, not served from the response cache.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query }),
  })
    .then((r) => r.json())
    .then((body: unknown) => {
      if (typeof body !== 'object' || body === null || 'errors' in body) failed += 1;
    });

try {
  await post(HEAVY(2024));
  await sleep(5000);
  const idle = sample();
  const peak = new Map(names.map((n) => [n, 0]));
  const watch = setInterval(() => {
    for (const [n, v] of sample()) peak.set(n, Math.max(peak.get(n) ?? 0, v));
  }, 200);
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) await Promise.all(Array.from({ length: concurrent }, (_, i) => post(HEAVY(2022 + ((r + i) % 3)))));
  const burstMs = performance.now() - t0;
  clearInterval(watch);
  await sleep(settleSeconds * 1000);
  const after = sample();
  process.stdout.write(`layout ${layout}; burst: ${rounds} × ${concurrent} all-province DTI queries in ${Math.round(burstMs)} ms (${failed} answered with errors); settled ${settleSeconds} s\n`);
  process.stdout.write(`${'process'.padEnd(22)} ${'idle MB'.padStart(8)} ${'peak MB'.padStart(8)} ${'after MB'.padStart(9)} ${'after/idle'.padStart(10)}\n`);
  for (const n of names) {
    const i = idle.get(n) ?? 0;
    const a = after.get(n) ?? 0;
    process.stdout.write(`${n.padEnd(22)} ${i.toFixed(0).padStart(8)} ${(peak.get(n) ?? 0).toFixed(0).padStart(8)} ${a.toFixed(0).padStart(9)} ${(a / i).toFixed(2).padStart(10)}\n`);
  }
} finally {
  await system.stop();
}
