import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { GATEWAY, REPO_ROOT_URL, SIMULATORS, SUBGRAPHS, subgraphUrlVariable } from '../lib/topology/index.ts';

// The deployment files are only read by tools this machine lacks (docker, kubectl): this test
// holds them to the code instead. Every manifest parses; every probe names a route the process
// serves on the port it listens on; secrets are referenced, never inlined; every path the
// Dockerfile and compose name exists.

const root = (path: string): string => fileURLToPath(new URL(path, REPO_ROOT_URL));
const read = (path: string): string => readFileSync(root(path), 'utf8');

function yamlDocuments(path: string): unknown[] {
  // Compose files use YAML 1.1 merge keys (<<: *anchor).
  return parseAllDocuments(read(path), { merge: true }).map((d) => {
    expect(d.errors, `${path}: ${d.errors.map((e) => e.message).join('; ')}`).toEqual([]);
    return d.toJS() as unknown;
  });
}

const envVarSchema = z.object({
  name: z.string(),
  value: z.string().optional(),
  valueFrom: z
    .object({
      secretKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
      configMapKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
    })
    .optional(),
});
const probeSchema = z.object({ httpGet: z.object({ path: z.string(), port: z.union([z.number(), z.string()]) }) });
const containerSchema = z.object({
  name: z.string(),
  command: z.array(z.string()),
  ports: z.array(z.object({ name: z.string(), containerPort: z.number() })),
  env: z.array(envVarSchema).default([]),
  envFrom: z.array(z.object({ configMapRef: z.object({ name: z.string() }) })).default([]),
  livenessProbe: probeSchema,
  readinessProbe: probeSchema,
});
const deploymentSchema = z.object({
  kind: z.literal('Deployment'),
  metadata: z.object({ name: z.string() }),
  spec: z.object({ replicas: z.number(), template: z.object({ spec: z.object({ containers: z.array(containerSchema).length(1) }) }) }),
});
const serviceSchema = z.object({
  kind: z.literal('Service'),
  metadata: z.object({ name: z.string() }),
  spec: z.object({ selector: z.record(z.string(), z.string()), ports: z.array(z.object({ port: z.number(), targetPort: z.union([z.number(), z.string()]) })) }),
});
const kindSchema = z.object({ kind: z.string(), metadata: z.object({ name: z.string() }) }).passthrough();

const K8S = 'deploy/kubernetes/';
const kustomization = z.object({ resources: z.array(z.string()) }).parse(yamlDocuments(`${K8S}kustomization.yaml`)[0]);
const manifests = kustomization.resources.flatMap((file) => yamlDocuments(`${K8S}${file}`).map((doc) => kindSchema.parse(doc)));
const deployments = manifests.filter((m) => m.kind === 'Deployment').map((m) => deploymentSchema.parse(m));
const services = manifests.filter((m) => m.kind === 'Service').map((m) => serviceSchema.parse(m));
const configMap = z.object({ data: z.record(z.string(), z.string()) }).parse(manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'dti-graph-config'));

/** The routes each kind of process answers (read from the code that answers them). */
const ROUTES = {
  gateway: read('gateway/health.ts'),
  subgraph: read('lib/subgraph/http.ts'),
  simulator: read('simulators/shared/server.ts'),
};

function portOf(container: z.output<typeof containerSchema>): number {
  const port = container.env.find((e) => e.name === 'PORT')?.value;
  expect(port, `${container.name} sets PORT`).toBeDefined();
  return Number(port);
}

describe('deploy/kubernetes', () => {
  it('every file in the folder is a resource of the kustomization, and every resource parses', () => {
    const files = readdirSync(root(K8S)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect(new Set(kustomization.resources)).toEqual(new Set(files));
    expect(manifests.length).toBeGreaterThan(20);
  });

  it('the gateway and every subgraph run two replicas at least, from the entry the topology names, probed on their health routes and their port', () => {
    const expected = [
      { name: 'gateway', entry: GATEWAY.entry, nodeArgs: [...GATEWAY.nodeArgs], port: GATEWAY.defaultPort, kind: 'gateway' as const },
      ...SUBGRAPHS.map((s) => ({ name: `subgraph-${s.name}`, entry: s.entry, nodeArgs: [], port: s.defaultPort, kind: 'subgraph' as const })),
    ];
    for (const e of expected) {
      const d = deployments.find((x) => x.metadata.name === e.name);
      expect(d, e.name).toBeDefined();
      if (d === undefined) continue;
      expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
      const c = d.spec.template.spec.containers[0];
      if (c === undefined) continue;
      expect(c.command).toEqual(['node', ...e.nodeArgs, e.entry]);
      expect(existsSync(root(e.entry))).toBe(true);
      expect(portOf(c)).toBe(e.port);
      expect(c.ports[0]?.containerPort).toBe(e.port);
      expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: e.port });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: e.port });
      expect(ROUTES[e.kind]).toContain("'/health/live'");
      expect(ROUTES[e.kind]).toContain("'/health/ready'");
      const svc = services.find((s) => s.metadata.name === e.name);
      expect(svc?.spec.ports[0]?.port).toBe(e.port);
    }
  });

  it('the simulators are probed on the route they serve', () => {
    for (const s of SIMULATORS) {
      const c = deployments.find((d) => d.metadata.name === `simulator-${s.system}`)?.spec.template.spec.containers[0];
      expect(c?.readinessProbe.httpGet).toEqual({ path: '/_sim/health', port: s.defaultPort });
      expect(c?.command).toEqual(['node', s.entry]);
    }
    expect(ROUTES.simulator).toContain('/_sim/health');
  });

  it("the gateway's subgraph URLs name the subgraphs' Services and ports", () => {
    for (const s of SUBGRAPHS) expect(configMap.data[subgraphUrlVariable(s.name)]).toBe(`http://subgraph-${s.name}:${s.defaultPort}`);
  });

  it('secrets are referenced, never inlined; no Secret object is committed', () => {
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    const secretNames = /KEY|DATABASE_URL|REDIS_URL|PASSWORD|SECRET/;
    for (const d of deployments) {
      for (const e of d.spec.template.spec.containers[0]?.env ?? []) {
        if (secretNames.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${d.metadata.name} ${e.name}`).toBeDefined();
      }
    }
    for (const key of Object.keys(configMap.data)) expect(key).not.toMatch(secretNames);
  });

  it('the supergraph ConfigMap is the committed supergraph, mounted where SUPERGRAPH_PATH points', () => {
    const cm = z.object({ data: z.object({ 'supergraph.graphql': z.string() }) }).parse(manifests.find((m) => m.metadata.name === 'dti-graph-supergraph'));
    expect(cm.data['supergraph.graphql']).toBe(read('schema/supergraph.graphql'));
    const gw = deployments.find((d) => d.metadata.name === 'gateway')?.spec.template.spec.containers[0];
    expect(gw?.env.find((e) => e.name === 'SUPERGRAPH_PATH')?.value).toBe('/etc/dti-graph/supergraph.graphql');
  });

  it('an HPA scales the gateway Deployment', () => {
    const hpa = z
      .object({ spec: z.object({ scaleTargetRef: z.object({ kind: z.literal('Deployment'), name: z.literal('gateway') }), minReplicas: z.number().min(2) }) })
      .safeParse(manifests.find((m) => m.kind === 'HorizontalPodAutoscaler'));
    expect(hpa.success).toBe(true);
  });
});

describe('docker-compose.yml and Dockerfile', () => {
  const composeSchema = z.object({
    services: z.record(
      z.string(),
      z.object({ command: z.array(z.string()).optional(), environment: z.record(z.string(), z.unknown()).optional(), volumes: z.array(z.string()).optional() }),
    ),
  });
  const compose = composeSchema.parse(yamlDocuments('docker-compose.yml')[0]);

  it('runs PostgreSQL, Redis, the identity provider, the simulators, two replicas of each subgraph, two gateways and nginx per tier', () => {
    const names = Object.keys(compose.services);
    for (const n of ['postgres', 'redis', 'identity', 'balancer', 'subgraph-balancer', 'gateway-1', 'gateway-2']) expect(names).toContain(n);
    for (const s of SIMULATORS) expect(names).toContain(`simulator-${s.system}`);
    for (const s of SUBGRAPHS) for (const r of [1, 2]) expect(names).toContain(`subgraph-${s.name}-${r}`);
    expect(compose.services['subgraph-submissions-1']?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(compose.services['gateway-1']?.environment?.['REDIS_URL']).toBe('redis://redis:6379');
    expect(Object.keys(compose.services['gateway-1']?.environment ?? {})).not.toContain('DTI_GATEWAY_SECRET');
  });

  it('every command and mounted file it names exists', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      const entry = s.command?.find((a) => a.endsWith('.ts'));
      if (entry !== undefined) expect(existsSync(root(entry)), `${name}: ${entry}`).toBe(true);
      for (const v of s.volumes ?? []) if (v.startsWith('./')) expect(existsSync(root(v.split(':')[0] ?? '')), `${name}: ${v}`).toBe(true);
    }
  });

  it("every path the Dockerfile copies exists, and the image runs as a user that isn't root", () => {
    const dockerfile = read('Dockerfile');
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1] ?? '');
    expect(copied.length).toBeGreaterThan(5);
    for (const p of copied.filter((p) => p !== 'node_modules' && p !== 'web/dist')) expect(existsSync(root(p)), p).toBe(true);
    expect(JSON.parse(read('package.json')).scripts['web:build']).toBeDefined();
    expect(dockerfile).toMatch(/^FROM node:24\S* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });
});

describe('the production image', () => {
  it('every package a process imports, through any chain of its own modules, is a production dependency (the image prunes the rest)', () => {
    const pkg = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(read('package.json')));
    const entries = [GATEWAY.entry, ...SUBGRAPHS.map((s) => s.entry), ...SIMULATORS.map((s) => s.entry), 'simulators/oidc/main.ts', 'scripts/token.ts', 'scripts/export.ts', 'scripts/plan-import.ts'];
    const seen = new Set<string>();
    const packages = new Map<string, string>();
    const queue = entries.map((e) => root(e));
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Static imports and re-exports (not `import type`), dynamic imports, and CommonJS modules
      // loaded on demand (`createRequire(import.meta.url)('pg')`).
      const specifiers = [
        ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm),
        ...source.matchAll(/\bimport\('([^']+)'\)/g),
        ...source.matchAll(/\bcreateRequire\([^)]*\)\('([^']+)'\)/g),
      ].map((m) => m[1] ?? '');
      for (const spec of specifiers) {
        if (spec.startsWith('node:')) continue;
        if (spec.startsWith('.')) {
          const next = fileURLToPath(new URL(spec, `file://${file}`));
          if (next.endsWith('.ts') && existsSync(next)) queue.push(next);
          continue;
        }
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (!packages.has(name)) packages.set(name, file);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    // The walk reaches the gateway's runtime, the stores, the provider, and the dynamically loaded Redis client.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['@graphql-hive/gateway-runtime', 'zod', 'pg', 'kysely', 'oidc-provider', '@graphql-mesh/cache-redis']));
    const missing = [...packages].filter(([name]) => pkg.dependencies[name] === undefined).map(([name, file]) => `${name} (from ${file})`);
    expect(missing).toEqual([]);
  });
});
