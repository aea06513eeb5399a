import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createUpstreamTokenMinter, UPSTREAM_ALG, UPSTREAM_ISSUER } from '../../lib/access/upstream-token.ts';
import { auditEventSchema, type AuditEvent } from '../../lib/access/index.ts';
import { API_AUDIENCE } from '../../lib/topology/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../../simulators/oidc/config.ts';
import { at, gatewayFetch, gqlAs, sim, token } from './client.ts';

// Issue #12: identity end to end. Every refusal is a case; each asserts our code and the status.

const FIGURES_56 = /* GraphQL */ `{ unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate } } } }`;
const PUBLIC = /* GraphQL */ `{ unit(code: "56") { name } }`;

const codes = (r: { errors?: Array<{ extensions?: Record<string, unknown> | undefined }> | undefined }): unknown[] => (r.errors ?? []).map((e) => e.extensions?.['code']);

/** The development provider's own signing key (git-ignored state folder): forging with it isolates each claim check. */
function providerKey(): { key: ReturnType<typeof createPrivateKey>; kid: string } {
  const jwk = z.object({ kid: z.string() }).passthrough().parse(JSON.parse(readFileSync(join(process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, 'signing-key.json'), 'utf8')));
  return { key: createPrivateKey({ key: jwk, format: 'jwk' }), kid: jwk.kid };
}

async function forged(claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: number; nbf?: number } = {}): Promise<string> {
  const { key, kid } = providerKey();
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: ['ADMIN'], units: [], ...claims })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
    .setSubject('forger')
    .setIssuer(opts.iss ?? inject('issuerUrl'))
    .setAudience(opts.aud ?? API_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(opts.exp ?? now + 300);
  if (opts.nbf !== undefined) jwt.setNotBefore(opts.nbf);
  return jwt.sign(key);
}

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('issue #12 - tokens at the gateway', () => {
  it('a valid token from the development provider reads its unit; the same query works anonymously only for public fields', async () => {
    const ok = await gqlAs('viewer-56', FIGURES_56);
    expect(ok.status).toBe(200);
    expect(ok.errors).toBeUndefined();
    expect(at(ok.data, 'unit', 'year', 'documents', 'signedDigitallyRate')).toEqual(expect.any(Number));
  });

  it('anonymous: public data answers, unit-year figures are UNAUTHENTICATED (200 beside data, 401 when nothing is left)', async () => {
    const partial = await gqlAs(null, FIGURES_56);
    expect(partial.status).toBe(200);
    expect(at(partial.data, 'unit', 'name')).toBe('Tỉnh Khánh Hòa');
    expect(at(partial.data, 'unit', 'year')).toBeNull();
    expect(codes(partial)).toEqual(['UNAUTHENTICATED']);
    const whole = await gqlAs(null, `{ unit(code: "56") { year(year: 2024) { documents { signedDigitallyRate } } } }`);
    expect(whole.status).toBe(401);
    expect(codes(whole)).toEqual(['UNAUTHENTICATED']);
  });

  const refusedTokens: Array<[string, () => Promise<string>]> = [
    ['expired', () => forged({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['not yet valid', () => forged({}, { nbf: Math.floor(Date.now() / 1000) + 600 })],
    ['wrong issuer', () => forged({}, { iss: 'http://127.0.0.1:1/evil' })],
    ['wrong audience', () => forged({}, { aud: 'urn:someone-else' })],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['ADMIN'], iss: inject('issuerUrl'), aud: API_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 })}.`],
    [
      'tampered (viewer token with ADMIN written in)',
      async () => {
        const [h, p, s] = (await token({ sub: 'viewer-51', roles: ['VIEWER'], units: ['51'] })).split('.');
        const payload = z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(p ?? '', 'base64url').toString()));
        return `${h}.${b64({ ...payload, roles: ['ADMIN'] })}.${s}`;
      },
    ],
    [
      'HS256 signed with the provider public key (HS/RS confusion)',
      async () => {
        const { key, kid } = providerKey();
        const pem = createPublicKey(key).export({ format: 'pem', type: 'spki' });
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ roles: ['ADMIN'], units: [] })
          .setProtectedHeader({ alg: 'HS256', kid })
          .setSubject('forger')
          .setIssuer(inject('issuerUrl'))
          .setAudience(API_AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(new TextEncoder().encode(String(pem)));
      },
    ],
    [
      'foreign key claiming the provider kid',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ roles: ['ADMIN'], units: [] })
          .setProtectedHeader({ alg: 'ES256', kid: providerKey().kid })
          .setSubject('forger')
          .setIssuer(inject('issuerUrl'))
          .setAudience(API_AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(privateKey);
      },
    ],
    [
      'foreign key with its own kid',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ roles: ['ADMIN'], units: [] })
          .setProtectedHeader({ alg: 'ES256', kid: 'attacker-1' })
          .setSubject('forger')
          .setIssuer(inject('issuerUrl'))
          .setAudience(API_AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(privateKey);
      },
    ],
    ['not a JWT at all', async () => 'not-a-token'],
  ];

  it.each(refusedTokens)('a token that is %s is refused with 401 UNAUTHENTICATED, even for public fields', async (_name, make) => {
    const res = await gqlAs({ token: await make() }, PUBLIC);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });

  it('a token the provider issued that has expired is refused', async () => {
    const short = await token({ sub: 'viewer-56', roles: ['VIEWER'], units: ['56'], ttlS: 1 });
    // The gateway allows 5 s of clock skew.
    await new Promise((r) => setTimeout(r, 7_000));
    const res = await gqlAs({ token: short }, PUBLIC);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('issue #12 - a viewer of 51 reads nothing of 56, through any path', () => {
  const paths: Array<[string, string, Record<string, unknown>]> = [
    ['unit(code:)', FIGURES_56, {}],
    ['unit(code:) with a variable', `query ($c: String!) { unit(code: $c) { name year(year: 2024) { documents { signedDigitallyRate } } } }`, { c: '56' }],
    ['unitById', `{ unitById(id: "56@2025-07-01") { name year(year: 2024) { labour { labourForce } } } }`, {}],
    ['a fragment', `{ unit(code: "56") { name ...F } } fragment F on AdministrativeUnit { years(from: 2023, to: 2024) { dti { score } } }`, {}],
    ['predecessors of 56', `{ unit(code: "56") { name predecessors { code year(year: 2024) { publicServices { onTimeRate } } } } }`, {}],
    ['plan targets compared with figures', `{ unit(code: "56") { name plans(includePredecessors: true) { targets { actual(year: 2024) { value } } } } }`, {}],
  ];
  it.each(paths)('through %s: FORBIDDEN naming unit 56, never another unit', async (_name, query, variables) => {
    await sim.resetRequests('documents');
    const res = await gqlAs('viewer-51', query, variables);
    expect(res.status).toBe(200);
    expect(codes(res).length).toBeGreaterThan(0);
    expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    for (const e of res.errors ?? []) {
      expect(e.message).toMatch(/unit 56/);
      expect(e.message).not.toMatch(/\b51\b/);
    }
    expect(JSON.stringify(res.data)).not.toMatch(/Rate|labourForce|score|value"/);
  });

  it('a refused query never reaches the upstream system (request counter stays at 0)', async () => {
    await sim.resetRequests('documents');
    const res = await gqlAs('viewer-51', FIGURES_56);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect((await sim.requests('documents')).total).toBe(0);
  });

  it('units { year } returns 51 and a FORBIDDEN error per province withheld, null in its place', async () => {
    const res = await gqlAs('viewer-51', `{ units { code year(year: 2024) { documents { signedDigitallyRate } } } }`);
    expect(res.status).toBe(200);
    const units = z.array(z.object({ code: z.string(), year: z.unknown() })).parse(at(res.data, 'units'));
    expect(units.length).toBe(34);
    for (const u of units) {
      if (u.code === '51') expect(at(u.year, 'documents', 'signedDigitallyRate')).toEqual(expect.any(Number));
      else expect(u.year).toBeNull();
    }
    const forbidden = (res.errors ?? []).filter((e) => e.extensions?.['code'] === 'FORBIDDEN');
    expect(forbidden.length).toBe(33);
    expect(new Set(forbidden.map((e) => JSON.stringify(e.path)))).toEqual(new Set(units.flatMap((u, i) => (u.code === '51' ? [] : [JSON.stringify(['units', i, 'year'])]))));
  });

  it('exports: a token is required; 56 is refused; without a unit only 51 is exported and the rest are named withheld', async () => {
    const anon = await gatewayFetch('/exports/dti?unit=56&year=2024&format=json', null);
    expect(anon.status).toBe(401);
    const refused = await gatewayFetch('/exports/dti?unit=56&year=2024&format=json', 'viewer-51');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/FORBIDDEN/);
    const own = z
      .object({ rows: z.array(z.object({ unitCode: z.string() })), withheld: z.array(z.string()) })
      .parse(await (await gatewayFetch('/exports/dti?year=2024&format=json', 'viewer-51')).json());
    // In 2024 the team of today's 51 holds the records of the provinces merged into it (51 and 62).
    const exported = new Set(own.rows.map((r) => r.unitCode));
    expect(exported.has('51')).toBe(true);
    for (const code of ['56', '58', '01', '79']) expect(exported.has(code)).toBe(false);
    expect(own.withheld).toEqual(expect.arrayContaining(['56', '58', '01', '79']));
    expect(own.withheld).not.toContain('51');
  });
});

describe('issue #12 - writes', () => {
  const IMPORT = `mutation ($unit: String!) { importPlan(unitCode: $unit, text: "KẾ HOẠCH", title: "t") { id } }`;
  it('an editor of 51 cannot import a plan for 56 (403, FORBIDDEN naming unit 56)', async () => {
    await sim.resetRequests('plans');
    const res = await gqlAs('editor-51', IMPORT, { unit: '56' });
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors?.[0]?.message).toMatch(/unit 56/);
    expect((await sim.requests('plans')).byRoute).not.toHaveProperty('POST /api/v1/ke-hoach');
  });
  it('a viewer of 56 cannot import for 56: the role is missing', async () => {
    const res = await gqlAs('viewer-56', IMPORT, { unit: '56' });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.message).toMatch(/role EDITOR/);
  });
  it('anonymous import is 401', async () => {
    const res = await gqlAs(null, IMPORT, { unit: '56' });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('issue #12 - public reference data needs no token', () => {
  it('catalogue, dtiScore what-if and the unit list answer anonymously', async () => {
    const res = await gqlAs(
      null,
      `{ units { code name } dtiCatalogue(year: 2023) { version } dtiScore(methodology: "922", mainIndicatorValues: []) { methodology } }`,
    );
    expect(res.errors?.map((e) => e.extensions?.['code']) ?? []).not.toContain('UNAUTHENTICATED');
    expect(res.status).toBe(200);
    expect(z.array(z.unknown()).parse(at(res.data, 'units')).length).toBe(34);
    expect(at(res.data, 'dtiCatalogue', 'version')).toEqual(expect.any(String));
  });
});

describe('issue #12 - subgraphs answer only the gateway', () => {
  const names = ['plans', 'documents', 'services', 'labour', 'dti'] as const;
  const post = async (name: string, body: unknown, authorization?: string): Promise<Response> =>
    fetch(inject('subgraphUrls')[name] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(body),
    });
  const ENTITIES = { query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: 'UnitYear', unitId: '56@2025-07-01', year: 2024 }] } };

  it.each(names)('%s: no token, _service, _entities, another audience, expired, replayed and swapped identity are 401', async (name) => {
    const mint = await createUpstreamTokenMinter(inject('gatewayPrivateJwk'));
    const key = await importJWK(z.record(z.string(), z.unknown()).parse(JSON.parse(inject('gatewayPrivateJwk'))), UPSTREAM_ALG);
    expect((await post(name, { query: '{ __typename }' })).status).toBe(401);
    expect((await post(name, { query: '{ _service { sdl } }' })).status).toBe(401);
    expect((await post(name, ENTITIES)).status).toBe(401);
    const other = name === 'plans' ? 'documents' : 'plans';
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${await mint(other, null)}`)).status).toBe(401);
    const expired = await new SignJWT({ idt: null })
      .setProtectedHeader({ alg: UPSTREAM_ALG, typ: 'dti-upstream+jwt' })
      .setIssuer(UPSTREAM_ISSUER)
      .setAudience(name)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .setJti(`expired-${name}`)
      .sign(key);
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${expired}`)).status).toBe(401);
    // A captured request: answered once, refused when replayed, and refused with a swapped identity.
    const captured = await mint(name, { subject: 'viewer-51', name: null, roles: new Set(['VIEWER']), units: ['51'] });
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${captured}`)).status).toBe(200);
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${captured}`)).status).toBe(401);
    const [h, p, s] = captured.split('.');
    const payload = z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(p ?? '', 'base64url').toString()));
    const swapped = `${h}.${b64({ ...payload, jti: 'fresh', idt: { sub: 'admin', name: null, roles: ['ADMIN'], units: [] } })}.${s}`;
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${swapped}`)).status).toBe(401);
    const foreign = await new SignJWT({ idt: null })
      .setProtectedHeader({ alg: UPSTREAM_ALG, typ: 'dti-upstream+jwt' })
      .setIssuer(UPSTREAM_ISSUER)
      .setAudience(name)
      .setIssuedAt()
      .setExpirationTime('30s')
      .setJti(`foreign-${name}`)
      .sign((await generateKeyPair(UPSTREAM_ALG)).privateKey);
    expect((await post(name, { query: '{ __typename }' }, `Bearer ${foreign}`)).status).toBe(401);
  });

  it('a subgraph re-checks the unit even for a gateway-signed request (defence in depth)', async () => {
    const mint = await createUpstreamTokenMinter(inject('gatewayPrivateJwk'));
    const viewer51 = { subject: 'viewer-51', name: null, roles: new Set(['VIEWER'] as const), units: ['51'] };
    const res = await post(
      'documents',
      {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on UnitYear { documents { signedDigitallyRate } } } }`,
        variables: { r: [{ __typename: 'UnitYear', unitId: '56@2025-07-01', year: 2024, recordScopes: [{ unitId: '56@origin', code: '56', name: 'Khánh Hòa', from: '2024-01-01', to: '2024-12-31' }] }] },
      },
      `Bearer ${await mint('documents', viewer51)}`,
    );
    const body = z.object({ errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()) })) }).parse(await res.json());
    expect(body.errors.map((e) => e.extensions['code'])).toEqual(['FORBIDDEN']);
    expect(body.errors[0]?.message).toMatch(/unit 56/);
  });
});

describe('issue #12 - GET /admin/audit: administrators only, every refusal audited', () => {
  const pageSchema = z.object({ events: z.array(auditEventSchema.and(z.object({ seq: z.number().int().min(1) }))), next: z.number().int().nullable() });
  const errorCode = async (r: Response): Promise<unknown> => z.object({ errors: z.array(z.object({ extensions: z.object({ code: z.string() }) })) }).parse(await r.json()).errors[0]?.extensions.code;
  const refusalsOf = (requestId: string): AuditEvent[] =>
    readFileSync(inject('auditLogPath'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => auditEventSchema.parse(JSON.parse(l)))
      .filter((e) => e.requestId === requestId && e.type === 'REFUSAL');
  const read = (query: string, as: Parameters<typeof gatewayFetch>[1], init: RequestInit = {}): Promise<Response> =>
    gatewayFetch(`/admin/audit${query}`, as, init);

  it('no token, a bad token, a forged token: 401 UNAUTHENTICATED, each refusal audited', async () => {
    for (const [as, label] of [[null, 'none'], [{ authorization: 'Bearer not.a.jwt' }, 'garbage'], [{ token: await forged({}, { iss: 'https://evil.example' }) }, 'wrong issuer']] as const) {
      const requestId = `audit-401-${label.replace(' ', '-')}-${Date.now()}`;
      const r = await read('', as, { headers: { 'x-request-id': requestId } });
      expect(r.status, label).toBe(401);
      expect(await errorCode(r)).toBe('UNAUTHENTICATED');
      expect(refusalsOf(requestId).map((e) => (e.type === 'REFUSAL' ? [e.code, e.action, e.httpStatus] : null))).toEqual([['UNAUTHENTICATED', 'audit:read', 401]]);
    }
  });

  it('a viewer: 403 FORBIDDEN, audited with who asked; POST: 405', async () => {
    const requestId = `audit-403-${Date.now()}`;
    const r = await read('', 'viewer-56', { headers: { 'x-request-id': requestId } });
    expect(r.status).toBe(403);
    expect(await errorCode(r)).toBe('FORBIDDEN');
    expect(refusalsOf(requestId).map((e) => e.actor)).toEqual([{ subject: 'viewer-56', roles: ['VIEWER'] }]);
    expect((await read('', 'admin', { method: 'POST' })).status).toBe(405);
  });

  it('an administrator: records newest first, bounded, filtered by unit and since, paged with next', async () => {
    // Two records about unit 56 at least: exports are audited with their unit.
    await gatewayFetch('/exports/dti?unit=56&year=2024&format=json', 'viewer-56');
    await gatewayFetch('/exports/dti?unit=56&year=2024&format=json', 'viewer-56');
    const all = pageSchema.parse(await (await read('?limit=3', 'admin')).json());
    expect(all.events).toHaveLength(3);
    expect(all.events.map((e) => e.seq)).toEqual([...all.events.map((e) => e.seq)].sort((a, b) => b - a));
    expect(all.next).toBe(all.events.at(-1)?.seq);
    const older = pageSchema.parse(await (await read(`?limit=3&before=${all.next}`, 'admin')).json());
    expect(Math.max(...older.events.map((e) => e.seq))).toBeLessThan(all.next ?? 0);
    const of56 = pageSchema.parse(await (await read('?unit=56&limit=500', 'admin')).json());
    expect(of56.events.length).toBeGreaterThanOrEqual(2);
    expect(new Set(of56.events.map((e) => e.unit))).toEqual(new Set(['56']));
    const future = pageSchema.parse(await (await read(`?since=${new Date(Date.now() + 3_600_000).toISOString()}`, 'admin')).json());
    expect(future).toEqual({ events: [], next: null });
    const tooMany = await read('?limit=100000', 'admin');
    expect(tooMany.status).toBe(400);
    expect(await errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect((await read('?unit=not-a-unit', 'admin')).status).toBe(400);
  });
});

describe('issue #12 - concurrent callers never share an answer', () => {
  it('two callers asking the same thing at the same moment each get their own answer, not a shared subgraph fetch', async () => {
    const ALL = /* GraphQL */ `{ units { code year(year: 2024) { documents { signedDigitallyRate } } } }`;
    const seen = (r: { data?: unknown }): number => (z.object({ units: z.array(z.object({ year: z.unknown() })) }).parse(r.data).units.filter((u) => u.year !== null)).length;
    // Slow systems keep the first caller's subgraph requests in flight while the second arrives.
    await sim.faults('plans', { latencyMs: 400 });
    try {
      const [admin, viewer] = await Promise.all([gqlAs('admin', ALL), gqlAs('viewer-56', ALL)]);
      expect(seen(admin)).toBe(34);
      expect(seen(viewer)).toBe(1);
      expect(codes(viewer)).toContain('FORBIDDEN');
    } finally {
      await sim.clearFaults('plans');
    }
  });
});
