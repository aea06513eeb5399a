/**
 * Cold start and resident memory of the embedded default: launches the whole system as
 * `npm start` does (on spare ports), reports time to ready and each process's RSS, then stops.
 * Run: npm run bench:startup
 */
import { readFileSync } from 'node:fs';
import { launchSystem } from '../lib/launcher/index.ts';

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m === null ? 0 : Number(m[1]);
}

const runs = Number(process.argv[2] ?? '3');
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const system = await launchSystem({ ports: { host: '127.0.0.1', gateway: 24000, subgraphBase: 24001, simulatorBase: 24101 } });
  const readyMs = performance.now() - started;
  // One query so every process has loaded what a first request needs.
  await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ units { code year(year: 2024) { documents { __typename } publicServices { __typename } labour { __typename } plans { __typename } } } }' }),
  });
  const rows = system.services.map((s) => ({ name: s.name, rssMb: rssKb(s.pid) / 1024 }));
  const total = rows.reduce((a, r) => a + r.rssMb, 0);
  process.stdout.write(`run ${run}: ready in ${Math.round(readyMs)} ms; resident memory ${total.toFixed(0)} MB over ${rows.length} processes\n`);
  if (run === runs) for (const r of rows) process.stdout.write(`  ${r.name.padEnd(22)} ${r.rssMb.toFixed(1)} MB\n`);
  await system.stop();
}
