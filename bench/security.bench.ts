/**
 * Time to refuse each query bomb of issue #12, and a normal query's latency alone and while
 * bombs arrive, side by side in one run against the real system (loopback, all processes).
 * Run: npm run bench:security -- [runs=20]
 * (Authentication's own overhead, with against without: npm run bench:auth.)
 */
import { z } from 'zod';
import { launchSystem } from '../lib/launcher/index.ts';
import { freeSystemPorts } from './procs.ts';
import { benchToken } from './tokens.ts';
import { aliasBomb, costBomb, directiveBomb, nestingBomb, NORMAL_QUERY, tokenBomb, unitYearAliasBomb } from '../test/security/probes.ts';

const runs = Number(process.argv[2] ?? '20');
// The bench is one client on loopback: a rate limit high enough not to be what is measured.
const system = await launchSystem({
  ports: await freeSystemPorts(),
  env: { LOG_LEVEL: 'error', DTI_RATE_LIMIT_BURST: '1000000', DTI_RATE_LIMIT_PER_SECOND: '1000000', DTI_AUDIT_LOG_PATH: '/tmp/dti-bench-security-audit.jsonl' },
  readyTimeoutMs: 180_000,
});

// Unit-year figures need a token: every request (bombs too) carries an administrator's from the
// system's own development provider, so bombs are refused for their shape, not for the token.
const adminToken = await benchToken(system);

const answerSchema = z.object({ errors: z.array(z.object({ extensions: z.object({ code: z.string().optional() }).optional() })).optional() });

async function timed(query: string): Promise<{ ms: number; code: string }> {
  const t0 = performance.now();
  const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query }) });
  const body = answerSchema.parse(await res.json());
  return { ms: performance.now() - t0, code: body.errors?.[0]?.extensions?.code ?? 'answered' };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}

const bombs: Array<[string, string]> = [
  ['38-level predecessors/successors nest', nestingBomb(38)],
  ['34-level nest', nestingBomb(34)],
  ['500 unit-year aliases (issue probe, 25 KB)', unitYearAliasBomb(500)],
  ['500 aliases', aliasBomb(500)],
  ['5000 tokens', tokenBomb(5000)],
  ['60 directives', directiveBomb(60)],
  ['cost bomb (25 × every province’s districts)', costBomb()],
];

try {
  await timed(NORMAL_QUERY); // warm caches and connections
  for (const [, q] of bombs) await timed(q);

  const alone: number[] = [];
  for (let i = 0; i < runs; i++) alone.push((await timed(NORMAL_QUERY)).ms);

  process.stdout.write(`runs per figure: ${runs}\n\n| bomb | refused with | median ms | p95 ms | bytes |\n|---|---|---|---|---|\n`);
  for (const [name, q] of bombs) {
    const times: number[] = [];
    let code = '';
    for (let i = 0; i < runs; i++) {
      const r = await timed(q);
      times.push(r.ms);
      code = r.code;
    }
    process.stdout.write(`| ${name} | ${code} | ${median(times).toFixed(1)} | ${p95(times).toFixed(1)} | ${q.length} |\n`);
  }

  // A normal query while every bomb is sent at once, 4 times over, each round.
  const under: number[] = [];
  const refusedUnder: number[] = [];
  for (let i = 0; i < runs; i++) {
    const storm = Array.from({ length: 4 }, () => bombs.map(([, q]) => timed(q))).flat();
    const normal = timed(NORMAL_QUERY);
    const [n, ...rest] = await Promise.all([normal, ...storm]);
    if (n === undefined || n.code !== 'answered') throw new Error(`the normal query was not answered under load: ${n?.code}`);
    under.push(n.ms);
    for (const r of rest) refusedUnder.push(r.ms);
  }
  process.stdout.write(
    `\n| normal one-province query | median ms | p95 ms |\n|---|---|---|\n` +
      `| alone | ${median(alone).toFixed(1)} | ${p95(alone).toFixed(1)} |\n` +
      `| with ${bombs.length * 4} bombs in flight | ${median(under).toFixed(1)} | ${p95(under).toFixed(1)} |\n` +
      `| ratio (with bombs / alone) | ${(median(under) / median(alone)).toFixed(2)} | |\n` +
      `\nbombs refused during the storm: ${refusedUnder.length}, median ${median(refusedUnder).toFixed(1)} ms, p95 ${p95(refusedUnder).toFixed(1)} ms\n`,
  );
} finally {
  await system.stop();
}
