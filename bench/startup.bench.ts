/**
 * Cold start and resident memory of the embedded default: launches the whole system as
 * `npm start` does (on spare ports), reports time to ready and each process's RSS, then stops.
 * Run: npm run bench:startup
 */
import { launchSystem } from '../lib/launcher/index.ts';
import { freeSystemPorts, rssMb } from './procs.ts';

const runs = Number(process.argv[2] ?? '3');
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const system = await launchSystem({ ports: await freeSystemPorts(), readyTimeoutMs: 120_000 });
  const readyMs = performance.now() - started;
  // One query so every process has loaded what a first request needs.
  await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ units { code year(year: 2024) { documents { __typename } publicServices { __typename } labour { __typename } plans { __typename } } } }' }),
  });
  const rows = system.services.map((s) => ({ name: s.name, rssMb: rssMb(s.pid) }));
  const total = rows.reduce((a, r) => a + r.rssMb, 0);
  process.stdout.write(`run ${run}: ready in ${Math.round(readyMs)} ms; resident memory ${total.toFixed(0)} MB over ${rows.length} processes\n`);
  if (run === runs) for (const r of rows) process.stdout.write(`  ${r.name.padEnd(22)} ${r.rssMb.toFixed(1)} MB\n`);
  await system.stop();
}
