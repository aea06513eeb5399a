/**
 * `npm run scaleout -- [seconds=30] [concurrency=20]`: the scale-out topology, run and hurt here.
 *
 * Starts the simulators and the development OpenID provider once, TWO replicas of every subgraph
 * and TWO gateways, all behind Debian's nginx (run as our own process from a generated config:
 * one upstream per subgraph, one for the gateways), with the response cache in Redis under a
 * key prefix of this run and the submissions store on PostgreSQL in a database this run creates
 * (and drops). Then, through the balancer: end-to-end checks (health, a refusal without token,
 * answers, a write read back through every replica, the cache shared between gateways, both
 * replicas of every subgraph serving); then a bounded load of queries whose answers were taken
 * once before, during which one gateway and one subgraph replica are SIGKILLed. Prints requests
 * sent, failed and wrong; exits 1 when a check fails or any answer is wrong.
 *
 * Needs: /usr/sbin/nginx (`apt-get install -y nginx`), Redis (SCALEOUT_REDIS_URL, default
 * redis://127.0.0.1:6379), PostgreSQL (SCALEOUT_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test: only used to create and drop this run's database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../lib/access/index.ts';
import { parseEnv } from '../lib/config/index.ts';
import { stopChild } from '../lib/launcher/index.ts';
import { freePortRun } from '../lib/testing/ports.ts';
import { GATEWAY, IDENTITY_PROVIDER, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../lib/topology/index.ts';
import { requestDevToken } from '../simulators/oidc/dev-token.ts';

const env = parseEnv(
  z.object({
    SCALEOUT_NGINX: z.string().min(1).default('/usr/sbin/nginx'),
    SCALEOUT_REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    SCALEOUT_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).default(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'),
    SCALEOUT_VERBOSE: z.enum(['0', '1']).default('0'),
  }),
  process.env,
);
const args = z
  .tuple([z.coerce.number().int().min(5).max(600).default(30), z.coerce.number().int().min(1).max(200).default(20)])
  .parse([process.argv[2], process.argv[3]]);
const [loadSeconds, concurrency] = args;

/** Subgraphs that serve no mutation: nginx may re-send even a POST already sent to a dying replica. */
const READ_ONLY: ReadonlySet<SubgraphName> = new Set(['documents', 'services', 'labour']);
/** The replica killed during the load: the dti subgraph is on every DTI query's path. */
const VICTIM_SUBGRAPH: SubgraphName = 'dti';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const fail = (message: string): never => {
  process.stderr.write(`scaleout: ${message}\n`);
  process.exit(1);
};

if (!existsSync(env.SCALEOUT_NGINX)) fail(`${env.SCALEOUT_NGINX} is missing: apt-get install -y nginx (Debian's package), or set SCALEOUT_NGINX`);

// ---------------------------------------------------------------------------------------------
// Processes

interface Proc {
  readonly name: string;
  child: ChildProcess;
}
const procs: Proc[] = [];
const work = mkdtempSync(join(tmpdir(), 'dti-scaleout-'));
chmodSync(work, 0o755);
const runId = randomBytes(4).toString('hex');
const database = `dti_scaleout_${runId}`;
const cachePrefix = `dti-scaleout-${runId}:`;
let databaseCreated = false;

const WATCHDOG = fileURLToPath(new URL('lib/launcher/watchdog.ts', REPO_ROOT_URL));
function startNode(name: string, entry: string, childEnv: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', WATCHDOG, fileURLToPath(new URL(entry, REPO_ROOT_URL))], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...childEnv },
    stdio: ['ignore', 'ignore', env.SCALEOUT_VERBOSE === '1' ? 'inherit' : 'ignore', 'ipc'],
  });
  const p = { name, child };
  procs.push(p);
  return p;
}

async function stopAll(): Promise<void> {
  await Promise.all(
    procs.map(async ({ child }) => stopChild(child)),
  );
  if (databaseCreated) {
    const admin = new pg.Client({ connectionString: env.SCALEOUT_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
  await dropCacheKeys().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
let cleaning: Promise<void> | undefined;
const cleanup = (): Promise<void> => (cleaning ??= stopAll());
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().then(() => process.exit(130)));

async function waitFor(name: string, child: ChildProcess, url: string, init: RequestInit = {}, ok: (status: number) => boolean = (s) => s < 300): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (e: unknown) {
      last = e instanceof Error ? e.message : String(e);
    }
    await sleep(200);
  }
  throw new Error(`${name} not ready at ${url}: ${last}`);
}

/** Deletes this run's keys from Redis (the cache package's own client: SCAN by prefix, then DEL). */
async function dropCacheKeys(): Promise<void> {
  const { default: RedisCache } = await import('@graphql-mesh/cache-redis');
  const quiet = { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => quiet };
  const redis = new RedisCache({ url: env.SCALEOUT_REDIS_URL, lazyConnect: false, logger: quiet });
  try {
    for (const key of await redis.getKeysByPrefix(cachePrefix)) await redis.delete(key);
  } finally {
    redis[Symbol.dispose]();
  }
}

// ---------------------------------------------------------------------------------------------
// Topology

const host = '127.0.0.1';
// identity, simulators, 2 × subgraphs, balancer per subgraph, 2 gateways, the front balancer.
const portCount = 1 + SIMULATORS.length + 2 * SUBGRAPHS.length + SUBGRAPHS.length + 2 + 1;
const base = await freePortRun(portCount);
let nextPort = base;
const port = (): number => nextPort++;
const identityPort = port();
const simPorts = SIMULATORS.map(() => port());
const replicaPorts = SUBGRAPHS.map(() => [port(), port()] as const);
const subgraphLbPorts = SUBGRAPHS.map(() => port());
const gatewayPorts = [port(), port()] as const;
const frontPort = port();
const front = `http://${host}:${frontPort}`;
const issuer = `http://${host}:${identityPort}`;

function nginxConfig(): string {
  const upstream = (name: string, ports: readonly number[]): string =>
    // One failure takes a server out for 5 s; keep-alive connections to the servers.
    `  upstream ${name} {\n${ports.map((p) => `    server ${host}:${p} max_fails=1 fail_timeout=5s;`).join('\n')}\n    keepalive 32;\n  }\n`;
  const server = (listen: number, upstreamName: string, nonIdempotent: boolean): string => `  server {
    listen ${host}:${listen};
    location / {
      proxy_pass http://${upstreamName};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
      # A refused connection or a dead replica: the same request goes to the other server.
      # Idempotent requests (the clients' GET queries) are re-sent even when the first server
      # died mid-answer; a POST only when it never reached the server${nonIdempotent ? ', or when this subgraph serves no mutation (here)' : ''}.
      proxy_next_upstream error timeout http_502 http_503 http_504${nonIdempotent ? ' non_idempotent' : ''};
      proxy_next_upstream_tries 2;
      proxy_next_upstream_timeout 10s;
      client_max_body_size 16m;
    }
  }
`;
  const tmp = join(work, 'nginx-tmp');
  mkdirSync(tmp, { recursive: true });
  chmodSync(tmp, 0o777);
  return `daemon off;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
${upstream('gateways', gatewayPorts)}${SUBGRAPHS.map((s, i) => upstream(`subgraph_${s.name}`, replicaPorts[i] ?? [])).join('')}
${server(frontPort, 'gateways', false)}${SUBGRAPHS.map((s, i) => server(subgraphLbPorts[i] ?? 0, `subgraph_${s.name}`, READ_ONLY.has(s.name))).join('')}}
`;
}

// ---------------------------------------------------------------------------------------------
// Checks and load

interface Answer {
  readonly status: number;
  readonly body: z.output<typeof answerSchema> | null;
}
const answerSchema = z.object({ data: z.unknown().optional(), errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional() })).optional() });

/** A query as a GET (idempotent: the balancer may re-send it), or a mutation as a POST. */
async function graphql(origin: string, query: string, variables: Record<string, unknown>, opts: { token?: string; cached?: boolean }): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json', 'x-dti-csrf': '1' };
  if (opts.token !== undefined) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.cached !== true) headers['cache-control'] = 'no-cache';
  const isMutation = /^\s*mutation\b/.test(query);
  const url = new URL('/graphql', origin);
  let res: Response;
  if (isMutation) {
    res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
  } else {
    url.searchParams.set('query', query);
    url.searchParams.set('variables', JSON.stringify(variables));
    res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  }
  const text = await res.text();
  let body: Answer['body'] = null;
  try {
    body = answerSchema.parse(JSON.parse(text));
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

/** Sum of a Prometheus counter's samples whose labels include `labels`. */
async function counter(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) total += Number(m[3]);
  }
  return total;
}

const QUERIES: readonly { readonly name: string; readonly query: string; readonly variables: Record<string, unknown> }[] = [
  {
    name: 'unit 56 / 2024 (README)',
    query: `query ScaleUnit { unit(code: "56") { code name level validFrom validTo predecessors { code name validTo }
      year(year: 2024) { documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate source { status rolledUpFrom { code name } } }
        publicServices { onlineDossierRate onTimeRate fullyOnlineProcedureRate source { status asOf } }
        labour { labourForce trainedWorkforceRate digitalSkillsRate synthetic source { status note } }
        plans { planCount plans { symbol issuer issuedOn } } } } }`,
    variables: {},
  },
  {
    name: 'DTI 56 / 2023',
    query: `query ScaleDti($code: String!) { unit(code: $code, asOf: "2024-12-31") { year(year: 2023) { dti { methodology score maxScore completeness mainIndicators { code value status } } } } }`,
    variables: { code: '56' },
  },
  {
    name: 'documents of three provinces',
    query: `query ScaleDocs { a: unit(code: "01") { code year(year: 2024) { documents { signedDigitallyRate source { status } } } }
      b: unit(code: "48") { code year(year: 2024) { documents { signedDigitallyRate source { status } } } }
      c: unit(code: "79") { code year(year: 2024) { documents { signedDigitallyRate source { status } } } } }`,
    variables: {},
  },
  {
    name: 'self-assessment 56 / 2023',
    query: `query ScaleEntries { unit(code: "56", asOf: "2024-12-31") { year(year: 2023) { selfAssessment { entries { id indicator { code } value status version } } } } }`,
    variables: {},
  },
];

async function run(oidcState: string): Promise<boolean> {
  const tokenFor = (sub: string, roles: string[], units: string[]): Promise<string> => requestDevToken(issuer, oidcState, { sub, roles, units, ttlS: 3600 });
  const admin = await tokenFor('scaleout-admin', ['ADMIN'], []);
  const editor = await tokenFor('scaleout-editor-56', ['EDITOR'], ['56']);
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const check = (name: string, ok: boolean, detail = ''): void => {
    checks.push({ name, ok, detail });
    say(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail === '' ? '' : ` — ${detail}`}`);
  };
  say('\nchecks through the balancer');

  const ready = await fetch(`${front}/health/ready`);
  check('GET /health/ready through nginx is 200', ready.status === 200, `HTTP ${ready.status}`);
  await ready.body?.cancel();

  const anon = await graphql(front, QUERIES[3]?.query ?? '', {}, {});
  check('a query for self-assessment entries without a token is refused', (anon.body?.errors?.length ?? 0) > 0 && !JSON.stringify(anon.body?.data ?? null).includes('entries'), `HTTP ${anon.status}, ${anon.body?.errors?.[0]?.message ?? 'no error'}`);

  // The write: an editor of 56 saves an entry; every later read, through either gateway and
  // either submissions replica, sees it (one PostgreSQL behind both replicas).
  const unitId = await graphql(front, `{ unit(code: "56", asOf: "2024-12-31") { year(year: 2023) { unitId } } }`, {}, { token: admin });
  const uid = JSON.stringify(unitId.body?.data).match(/"unitId":"([^"]+)"/)?.[1] ?? '';
  const saved = await graphql(front, `mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id version } userErrors { code message } } }`, {
    input: { unitId: uid, year: 2023, indicatorCode: '922-M-4', value: 0.42, evidence: [{ note: `scale-out run ${runId}` }] },
  }, { token: editor });
  const entryId = JSON.stringify(saved.body?.data).match(/"id":"([^"]+)"/)?.[1];
  check('an editor of 56 saves an entry through the balancer', entryId !== undefined, entryId ?? JSON.stringify(saved.body));
  let seen = 0;
  for (let i = 0; i < 8; i++) {
    const r = await graphql(front, QUERIES[3]?.query ?? '', {}, { token: admin });
    if (entryId !== undefined && JSON.stringify(r.body?.data).includes(entryId)) seen++;
  }
  check('the entry is read back by 8 of 8 reads (both gateways, both submissions replicas)', seen === 8, `${seen}/8`);

  // Both replicas of every subgraph served requests: the gateway-minted token is accepted by each.
  await Promise.all(Array.from({ length: 6 }, () => Promise.all(QUERIES.slice(0, 3).map((q) => graphql(front, q.query, q.variables, { token: admin })))));
  for (const [i, s] of SUBGRAPHS.entries()) {
    const counts = await Promise.all((replicaPorts[i] ?? []).map((p) => counter(`http://${host}:${p}`, 'dti_subgraph_requests_total')));
    check(`both replicas of ${s.name} answered the gateways (a token minted by either gateway verified by each)`, counts.every((c) => c > 0), counts.join(' / '));
  }

  // The cache is shared: an answer stored by gateway 1 is a hit on gateway 2.
  const g1 = `http://${host}:${gatewayPorts[0]}`;
  const g2 = `http://${host}:${gatewayPorts[1]}`;
  const probe = QUERIES[2];
  if (probe !== undefined) {
    await graphql(g1, probe.query, probe.variables, { token: admin, cached: true });
    const before = await counter(g2, 'dti_cache_lookups_total', { result: 'hit' });
    await graphql(g2, probe.query, probe.variables, { token: admin, cached: true });
    const after = await counter(g2, 'dti_cache_lookups_total', { result: 'hit' });
    check('an answer cached by gateway 1 is a hit on gateway 2 (Redis)', after > before, `gateway 2 hits ${before} → ${after}`);
  }

  // Known answers, taken twice before the load (they must be stable to be compared).
  const known = new Map<string, string>();
  for (const q of QUERIES) {
    const a = await graphql(front, q.query, q.variables, { token: admin });
    const b = await graphql(front, q.query, q.variables, { token: admin });
    const sa = JSON.stringify(a.body);
    const stable = a.status === 200 && a.body?.errors === undefined && sa === JSON.stringify(b.body);
    check(`known answer for ${q.name}`, stable, stable ? `${sa.length} bytes` : `${a.status} ${sa.slice(0, 300)}`);
    known.set(q.name, sa);
  }

  // The load: `concurrency` clients for `loadSeconds`; half the requests may be answered from the cache.
  say(`\nload: ${concurrency} clients, ${loadSeconds} s; SIGKILL gateway-1 at ${Math.round(loadSeconds / 3)} s and subgraph-${VICTIM_SUBGRAPH}-1 at ${Math.round(loadSeconds / 2)} s`);
  let sent = 0;
  let failed = 0;
  let wrong = 0;
  const failures = new Map<string, number>();
  const latencies: number[] = [];
  const deadline = Date.now() + loadSeconds * 1000;
  let k = 0;
  const client = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const n = k++;
      const q = QUERIES[n % QUERIES.length];
      if (q === undefined) return;
      sent++;
      const t0 = performance.now();
      try {
        const a = await graphql(front, q.query, q.variables, { token: admin, cached: n % 2 === 0 });
        latencies.push(performance.now() - t0);
        if (a.status !== 200 || a.body === null || a.body.errors !== undefined) {
          failed++;
          const why = `HTTP ${a.status} ${a.body?.errors?.[0]?.message.slice(0, 100) ?? ''}`;
          failures.set(why, (failures.get(why) ?? 0) + 1);
        } else if (JSON.stringify(a.body) !== known.get(q.name)) {
          wrong++;
        }
      } catch (e: unknown) {
        failed++;
        const why = e instanceof Error ? e.message : String(e);
        failures.set(why, (failures.get(why) ?? 0) + 1);
      }
    }
  };
  const killGateway = sleep((loadSeconds * 1000) / 3).then(() => {
    gateways[0]?.child.kill('SIGKILL');
    say(`  ${new Date().toISOString()} SIGKILL gateway-1 (pid ${gateways[0]?.child.pid})`);
  });
  const victim = replicas.get(`subgraph-${VICTIM_SUBGRAPH}-1`);
  const killReplica = sleep((loadSeconds * 1000) / 2).then(() => {
    victim?.child.kill('SIGKILL');
    say(`  ${new Date().toISOString()} SIGKILL subgraph-${VICTIM_SUBGRAPH}-1 (pid ${victim?.child.pid})`);
  });
  const loadStarted = performance.now();
  await Promise.all([...Array.from({ length: concurrency }, client), killGateway, killReplica]);
  const elapsed = (performance.now() - loadStarted) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);

  say('\nscale-out report');
  say(`  requests sent:   ${sent} (${Math.round(sent / elapsed)}/s over ${elapsed.toFixed(1)} s, ${concurrency} clients)`);
  say(`  failed:          ${failed}${failed === 0 ? '' : ` (${[...failures].map(([w, c]) => `${c}× ${w}`).join('; ')})`}`);
  say(`  wrong answers:   ${wrong}`);
  say(`  latency ms:      p50 ${pct(0.5)}, p95 ${pct(0.95)}, p99 ${pct(0.99)}, max ${pct(1)}`);
  say(`  checks:          ${checks.filter((c) => c.ok).length}/${checks.length} passed`);
  return checks.every((c) => c.ok) && wrong === 0;
}

// ---------------------------------------------------------------------------------------------
// Main

const started = performance.now();
const graphqlPing: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
const replicas = new Map<string, Proc>();
let gateways: Proc[] = [];
try {
  // The run's own database on the shared server: created here, dropped at the end.
  const admin = new pg.Client({ connectionString: env.SCALEOUT_DATABASE_URL });
  await admin.connect().catch((e: unknown) => fail(`PostgreSQL at ${env.SCALEOUT_DATABASE_URL}: ${String(e)}`));
  await admin.query(`create database ${database}`);
  databaseCreated = true;
  await admin.end();
  const databaseUrl = Object.assign(new URL(env.SCALEOUT_DATABASE_URL), { pathname: `/${database}` }).toString();

  const keys = await generateGatewayKeys();
  const oidcState = join(work, 'identity');

  const idp = startNode('identity', IDENTITY_PROVIDER.entry, { PORT: String(identityPort), HOST: host, GATEWAY_ORIGIN: front, OIDC_STATE_DIR: oidcState });
  const sims = SIMULATORS.map((s, i) => startNode(`simulator-${s.system}`, s.entry, { PORT: String(simPorts[i]), HOST: host }));
  await Promise.all([
    waitFor('identity', idp.child, `${issuer}/.well-known/openid-configuration`),
    ...sims.map((p, i) => waitFor(p.name, p.child, `http://${host}:${simPorts[i]}/_sim/health`)),
  ]);

  // Two replicas of each subgraph, started one replica-wave at a time (two cores).
  for (const r of [0, 1] as const) {
    const wave = SUBGRAPHS.map((s, i) => {
      const p = replicaPorts[i]?.[r] ?? 0;
      const sim = s.upstream === null ? -1 : SIMULATORS.findIndex((x) => x.system === s.upstream);
      const proc = startNode(`subgraph-${s.name}-${r + 1}`, s.entry, {
        PORT: String(p),
        HOST: host,
        [GATEWAY_PUBLIC_KEY_VAR]: keys.publicJwk,
        // The gateway token's one-time id is checked across the replicas through the shared Redis.
        REDIS_URL: env.SCALEOUT_REDIS_URL,
        ...(sim < 0 ? {} : { UPSTREAM_URL: `http://${host}:${simPorts[sim]}` }),
        ...(s.name === 'submissions' ? { DATABASE_URL: databaseUrl } : {}),
      });
      replicas.set(proc.name, proc);
      // A subgraph answers 401 to anyone but the gateway: it is listening.
      return waitFor(proc.name, proc.child, `http://${host}:${p}/`, graphqlPing, (status) => status === 401);
    });
    await Promise.all(wave);
  }

  writeFileSync(join(work, 'nginx.conf'), nginxConfig());
  const nginx = spawn(env.SCALEOUT_NGINX, ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  procs.push({ name: 'nginx', child: nginx });

  const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s, i) => [subgraphUrlVariable(s.name), `http://${host}:${subgraphLbPorts[i]}`]));
  gateways = gatewayPorts.map((p, i) =>
    startNode(`gateway-${i + 1}`, GATEWAY.entry, {
      PORT: String(p),
      HOST: host,
      OIDC_ISSUER: issuer,
      [GATEWAY_PRIVATE_KEY_VAR]: keys.privateJwk,
      REDIS_URL: env.SCALEOUT_REDIS_URL,
      RESPONSE_CACHE_PREFIX: cachePrefix,
      DTI_AUDIT_LOG_PATH: join(work, `audit-${i + 1}.jsonl`),
      // The load comes from one identity through one address: the per-identity limit is not under test.
      DTI_RATE_LIMIT_BURST: '1000000',
      DTI_RATE_LIMIT_PER_SECOND: '1000000',
      ...subgraphEnv,
    }),
  );
  await Promise.all(gateways.map((g, i) => waitFor(g.name, g.child, `http://${host}:${gatewayPorts[i]}/health/ready`)));
  await waitFor('nginx', nginx, `${front}/health/ready`);
  say(`topology up in ${Math.round(performance.now() - started)} ms: nginx ${front} → 2 gateways → nginx → 2 × ${SUBGRAPHS.length} subgraphs; Redis ${env.SCALEOUT_REDIS_URL} prefix ${cachePrefix}; PostgreSQL database ${database}`);

  const ok = await run(oidcState);
  await cleanup();
  process.exit(ok ? 0 : 1);
} catch (e: unknown) {
  process.stderr.write(`scaleout: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  await cleanup();
  process.exit(1);
}
