/**
 * Cold start and resident memory of the embedded default, per layout (lib/launcher: one process
 * per service, grouped, or everything in one process): launches the whole system as `npm start`
 * does (on spare ports), runs one query through every subgraph, reports time to ready, the CPU
 * time the processes spent getting there (steadier than seconds on a shared machine) and the RSS
 * of each process, then stops. Layouts alternate within a run so a loaded machine slows them alike;
 * the last lines compare each layout's median with the first layout's.
 * Run: npm run bench:startup -- [runs=3] [layouts=processes,grouped,single]
 */
import { launchSystem, LAYOUTS, type Layout } from '../lib/launcher/index.ts';
import { cpuMs, freeSystemPorts, rssMb } from './procs.ts';

const runs = Number(process.argv[2] ?? '3');
const layouts = (process.argv[3]?.split(',') ?? LAYOUTS).map((l) => {
  if (!(LAYOUTS as readonly string[]).includes(l)) throw new Error(`unknown layout ${l}; one of ${LAYOUTS.join(', ')}`);
  return l as Layout;
});

const results = new Map<Layout, Array<{ readyMs: number; cpuMs: number; rssMb: number }>>(layouts.map((l) => [l, []]));
for (let run = 1; run <= runs; run++) {
  for (const layout of layouts) {
    const started = performance.now();
    const system = await launchSystem({ ports: await freeSystemPorts(), readyTimeoutMs: 120_000, layout });
    const readyMs = performance.now() - started;
    const readyCpuMs = system.processes().reduce((a, p) => a + (p.pid === undefined ? 0 : cpuMs(p.pid)), 0);
    // One query so every process has loaded what a first request needs.
    await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ units { code year(year: 2024) { documents { __typename } publicServices { __typename } labour { __typename } plans { __typename } } } }' }),
    }).then((r) => r.text());
    const rows = system.processes().map((p) => ({ name: p.name, services: p.services.length, rssMb: p.pid === undefined ? 0 : rssMb(p.pid) }));
    const total = rows.reduce((a, r) => a + r.rssMb, 0);
    results.get(layout)?.push({ readyMs, cpuMs: readyCpuMs, rssMb: total });
    process.stdout.write(`run ${run} ${layout.padEnd(9)}: ready in ${Math.round(readyMs)} ms (CPU ${Math.round(readyCpuMs)} ms); resident memory ${total.toFixed(0)} MB over ${rows.length} processes\n`);
    if (run === runs) for (const r of rows) process.stdout.write(`  ${r.name.padEnd(22)} ${String(r.services).padStart(2)} service(s) ${r.rssMb.toFixed(1).padStart(7)} MB\n`);
    await system.stop();
  }
}
const median = (xs: number[]): number => {
  const s = xs.toSorted((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const base = layouts[0];
const baseReady = median((results.get(base ?? 'processes') ?? []).map((r) => r.readyMs));
const baseRss = median((results.get(base ?? 'processes') ?? []).map((r) => r.rssMb));
for (const layout of layouts) {
  const rs = results.get(layout) ?? [];
  const ready = median(rs.map((r) => r.readyMs));
  const cpu = median(rs.map((r) => r.cpuMs));
  const rss = median(rs.map((r) => r.rssMb));
  process.stdout.write(
    `${layout.padEnd(9)} median ready ${Math.round(ready)} ms (${(ready / baseReady).toFixed(2)}× ${base}; CPU ${Math.round(cpu)} ms), resident ${rss.toFixed(0)} MB (${(rss / baseRss).toFixed(2)}× ${base})\n`,
  );
}
