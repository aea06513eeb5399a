/**
 * Does memory come back after a burst? Launches the system on spare ports, measures each
 * process's RSS when idle, runs a burst of heavy queries (every province's DTI assessment, many
 * at once), waits for the system to be idle again, and prints idle → peak → after-idle per process
 * with the ratio after/idle (target ≤ 1.2).
 * Run: npm run bench:memory -- [concurrent=20] [rounds=3] [settleSeconds=20]
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchSystem } from '../lib/launcher/index.ts';

const concurrent = Number(process.argv[2] ?? '20');
const rounds = Number(process.argv[3] ?? '3');
const settleSeconds = Number(process.argv[4] ?? '20');

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]) / 1024;
}

const HEAVY = (year: number): string => `{ units(level: PROVINCE) { code year(year: ${year}) {
  documents { signedDigitallyRate sentElectronicallyRate source { status } }
  publicServices { onlineDossierRate onTimeRate source { status } }
  labour { digitalSkillsRate source { status } }
  dti { score completeness inputs { value status } } } } }`;

const system = await launchSystem({ ports: { host: '127.0.0.1', gateway: 26000, subgraphBase: 26001, simulatorBase: 26101 } });
const names = system.services.map((s) => s.name);
const sample = (): Map<string, number> => new Map(names.map((n) => [n, rssMb(system.pidOf(n))]));
const post = (query: string): Promise<unknown> =>
  fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.text());

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
  process.stdout.write(`burst: ${rounds} × ${concurrent} all-province DTI queries in ${Math.round(burstMs)} ms; settled ${settleSeconds} s\n`);
  process.stdout.write(`${'process'.padEnd(22)} ${'idle MB'.padStart(8)} ${'peak MB'.padStart(8)} ${'after MB'.padStart(9)} ${'after/idle'.padStart(10)}\n`);
  for (const n of names) {
    const i = idle.get(n) ?? 0;
    const a = after.get(n) ?? 0;
    process.stdout.write(`${n.padEnd(22)} ${i.toFixed(0).padStart(8)} ${(peak.get(n) ?? 0).toFixed(0).padStart(8)} ${a.toFixed(0).padStart(9)} ${(a / i).toFixed(2).padStart(10)}\n`);
  }
} finally {
  await system.stop();
}
