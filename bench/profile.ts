/**
 * CPU profiles of every process under a chosen query: starts the system with `--cpu-prof`,
 * sends the query N times, stops, and prints each process's top self-time functions.
 * Run: node bench/profile.ts [all|one|small] [n=10] [outDir=/tmp/dti-prof]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchSystem } from '../lib/launcher/index.ts';
import { freeSystemPorts } from './procs.ts';

const which = process.argv[2] ?? 'all';
const n = Number(process.argv[3] ?? '10');
const dir = process.argv[4] ?? '/tmp/dti-prof';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const FIELDS = `year(year: 2025) {
  documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate source { status asOf } }
  publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate source { status asOf } }
  labour { trainedWorkforceRate digitalSkillsRate source { status asOf } }
  plans { planCount }
  dti { methodology score completeness inputs { indicator { code } value status } }
}`;
const QUERIES: Record<string, string> = {
  all: `{ units { code ${FIELDS} } }`,
  one: `{ unit(code: "56") { code ${FIELDS} } }`,
  small: `{ unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate source { status } } } } }`,
};
const query = QUERIES[which] ?? QUERIES['all'] ?? '';

const system = await launchSystem({
  ports: await freeSystemPorts(),
  readyTimeoutMs: 120_000,
  env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`, LOG_LEVEL: 'warn' },
});
const pids = new Map(system.services.map((s) => [s.pid, s.name]));
try {
  for (let i = 0; i < n + 1; i++) {
    const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    await res.text();
  }
} finally {
  await system.stop();
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; }
for (const file of readdirSync(dir)) {
  const pid = Number(/CPU\.\d+\.\d+\.(\d+)\./.exec(file)?.[1]);
  const name = pids.get(pid);
  if (name === undefined) continue;
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((nd) => [nd.id, nd]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const nd = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (nd === undefined) return;
    const f = nd.callFrame;
    if (f.functionName === '(idle)') return;
    total += dt;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(node_modules|wt-perf)\//, '')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  process.stdout.write(`\n== ${name} (${file}): ${(total / 1000).toFixed(0)} ms sampled\n`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) process.stdout.write(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}\n`);
}
