import { buildSubgraphSchema } from '@apollo/subgraph';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { gql } from 'graphql-tag';
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, importJWK, SignJWT, type JWTHeaderParameters } from 'jose';
import { createPrivateKey, generateKeyPairSync, sign as signRaw, verify as verifyRaw } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { remainingMs } from '../resilience/deadline.ts';
import { serveSubgraph } from '../resilience/subgraph-http.ts';
import { createApolloServer } from '../subgraph/server.ts';
import { freePortRun } from '../testing/ports.ts';
import { indexUnits } from './policy.ts';
import { admissionConfigFromEnv, requireGateway, SUBGRAPH_VERIFY_VAR, subgraphVerification } from './subgraph.ts';
import {
  createRedisReplayGuard,
  createUpstreamTokenMinter,
  createUpstreamTokenVerifier,
  derToRawSignature,
  GATEWAY_PUBLIC_KEY_VAR,
  rawToDerSignature,
  generateGatewayKeys,
  replayGuardFromEnv,
  type UpstreamTokenMinter,
} from './upstream-token.ts';

// Issue #7 item 1: the deadline budget travels inside the token the gateway signs for each
// subgraph request; the subgraph trusts it because the signature verifies, and nothing else.

const VIEWER = { subject: 'viewer-51', name: null, roles: new Set(['VIEWER'] as const), units: ['51'] };
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The token with its payload rewritten and the original signature kept: what a forger can make without the key. */
function tampered(token: string, change: Record<string, unknown>): string {
  const [h, p, s] = token.split('.');
  const payload: unknown = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
  return `${h}.${b64({ ...(payload as object), ...change })}.${s}`;
}

describe('the gateway token carries the budget', () => {
  it('verifies the identity and the budget it was minted with; a token without one grants none', async () => {
    const keys = await generateGatewayKeys();
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    const verify = await createUpstreamTokenVerifier(keys.publicJwk, 'documents');
    const withBudget = await verify(`Bearer ${await mint('documents', VIEWER, 4321.7)}`);
    expect(withBudget.budgetMs).toBe(4321);
    expect(withBudget.identity?.subject).toBe('viewer-51');
    expect((await verify(`Bearer ${await mint('documents', null)}`)).budgetMs).toBeNull();
  });

  it('refuses a token whose budget was rewritten (the signature no longer verifies)', async () => {
    const keys = await generateGatewayKeys();
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    const verify = await createUpstreamTokenVerifier(keys.publicJwk, 'documents');
    const forged = tampered(await mint('documents', VIEWER, 1000), { bud: 3_600_000, jti: 'fresh' });
    await expect(verify(`Bearer ${forged}`)).rejects.toThrow(/signature/);
  });
});

describe('the minted token (signed with node:crypto, issue #9)', () => {
  it('is the ES256 JWS jose verifies: header, issuer, audience, 30 s life, a fresh jti per fetch', async () => {
    const keys = await generateGatewayKeys();
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    const publicKey = await importJWK(JSON.parse(keys.publicJwk) as Record<string, string>, 'ES256');
    const a = await mint('plans', VIEWER, 2000);
    const b = await mint('plans', VIEWER, 2000);
    expect(decodeProtectedHeader(a)).toEqual({ alg: 'ES256', typ: 'dti-upstream+jwt' });
    const { payload } = await jwtVerify(a, publicKey, { algorithms: ['ES256'], issuer: 'dti-graph-gateway', audience: 'plans', typ: 'dti-upstream+jwt' });
    expect(payload.exp).toBe((payload.iat ?? 0) + 30);
    expect(payload['idt']).toEqual({ sub: 'viewer-51', name: null, roles: ['VIEWER'], units: ['51'] });
    const other = await jwtVerify(b, publicKey, { algorithms: ['ES256'] });
    expect(other.payload.jti).not.toBe(payload.jti);
  });

  it('refuses a private key that is not EC P-256', async () => {
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    await expect(createUpstreamTokenMinter(JSON.stringify(await exportJWK(privateKey)))).rejects.toThrow(/P-256/);
  });
});

describe('the subgraph verifier (node:crypto, issue #9) refuses every token jose refused, and any header the minter never writes', () => {
  const SUB = 'labour';
  let keys: { privateJwk: string; publicJwk: string };
  let key: CryptoKey | Uint8Array;
  beforeAll(async () => {
    keys = await generateGatewayKeys();
    key = await importJWK(JSON.parse(keys.privateJwk) as Record<string, string>, 'ES256');
  });
  const nowS = (): number => Math.floor(Date.now() / 1000);
  let n = 0;
  /** A token signed with the gateway's own key: only the named part differs from a good one. */
  const signed = async (o: { header?: Partial<JWTHeaderParameters>; aud?: string | string[]; iss?: string; iat?: number | null; exp?: number; nbf?: number; claims?: Record<string, unknown> } = {}): Promise<string> => {
    const jwt = new SignJWT({ idt: null, ...o.claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'dti-upstream+jwt', ...o.header })
      .setIssuer(o.iss ?? 'dti-graph-gateway')
      .setAudience(o.aud ?? SUB)
      .setExpirationTime(o.exp ?? nowS() + 30)
      .setJti(`t-${++n}`);
    if (o.iat !== null) jwt.setIssuedAt(o.iat ?? nowS());
    if (o.nbf !== undefined) jwt.setNotBefore(o.nbf);
    return jwt.sign(key);
  };
  const check = async (token: string): Promise<unknown> => (await createUpstreamTokenVerifier(keys.publicJwk, SUB))(`Bearer ${token}`);

  it('admits the well-formed token, an audience list naming this subgraph included', async () => {
    await expect(check(await signed())).resolves.toMatchObject({ identity: null, budgetMs: null });
    await expect(check(await signed({ aud: ['plans', SUB] }))).resolves.toMatchObject({ identity: null });
  });

  it.each([
    ['another audience', () => signed({ aud: 'plans' })],
    ['an audience list without this subgraph', () => signed({ aud: ['plans', 'dti'] })],
    ['another issuer', () => signed({ iss: 'someone-else' })],
    ['another type', () => signed({ header: { typ: 'JWT' } })],
    // Stricter than jose, which accepted these: the minter writes alg and typ only.
    ['a critical header extension', () => signed({ header: { b64: true, crit: ['b64'] } })],
    ['an embedded key', () => signed({ header: { jwk: { kty: 'EC' } } })],
    ['expired', () => signed({ iat: nowS() - 40, exp: nowS() - 1 })],
    ['issued in the future', () => signed({ iat: nowS() + 60, exp: nowS() + 90 })],
    ['issued too long ago (exp still ahead)', () => signed({ iat: nowS() - 36, exp: nowS() + 600 })],
    ['without iat', () => signed({ iat: null })],
    ['not valid yet', () => signed({ nbf: nowS() + 60 })],
    ['a budget above the cap', () => signed({ claims: { bud: 3_600_001 } })],
    ['a malformed identity', () => signed({ claims: { idt: { sub: 'x', name: null, roles: ['ROOT'], units: [] } } })],
  ])('refuses %s', async (_label, make) => {
    await expect(check(await make())).rejects.toThrow(/answers only the gateway/);
  });

  it('refuses alg none, HS256 keyed with the public key, a DER signature and a signature by another key', async () => {
    const good = await signed();
    const [h, p] = good.split('.');
    const none = `${b64({ alg: 'none', typ: 'dti-upstream+jwt' })}.${p}.`;
    await expect(check(none)).rejects.toThrow(/answers only the gateway/);
    const hs = await new SignJWT({ idt: null }).setProtectedHeader({ alg: 'HS256', typ: 'dti-upstream+jwt' }).setIssuer('dti-graph-gateway').setAudience(SUB).setIssuedAt().setExpirationTime('30s').setJti('hs').sign(new TextEncoder().encode(keys.publicJwk));
    await expect(check(hs)).rejects.toThrow(/answers only the gateway/);
    const der = signRaw('sha256', Buffer.from(`${h}.${p}`), createPrivateKey({ key: JSON.parse(keys.privateJwk) as Record<string, string> as never, format: 'jwk' })).toString('base64url');
    await expect(check(`${h}.${p}.${der}`)).rejects.toThrow(/signature/);
    const other = await new SignJWT({ idt: null }).setProtectedHeader({ alg: 'ES256', typ: 'dti-upstream+jwt' }).setIssuer('dti-graph-gateway').setAudience(SUB).setIssuedAt().setExpirationTime('30s').setJti('other').sign((await generateKeyPair('ES256')).privateKey);
    await expect(check(other)).rejects.toThrow(/signature/);
    await expect(check('not-a.jwt')).rejects.toThrow(/bearer token missing/);
  });

  it('refuses a public key that is not EC P-256', async () => {
    const { publicKey } = await generateKeyPair('ES384', { extractable: true });
    await expect(createUpstreamTokenVerifier(JSON.stringify(await exportJWK(publicKey)), SUB)).rejects.toThrow(/P-256/);
  });
});

describe('DER and r‖s (the cheap node:crypto form, issue #9)', () => {
  it("round-trips node's own P1363 and DER signatures, short scalars included", () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    // 200 signatures: some r or s start with zero bytes (shorter DER integers), some with a high bit (padded).
    for (let i = 0; i < 200; i++) {
      const data = Buffer.from(`message ${i}`);
      const der = signRaw('sha256', data, privateKey);
      const raw = derToRawSignature(der);
      expect(raw.length).toBe(64);
      expect(verifyRaw('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
      const p1363 = signRaw('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verifyRaw('sha256', data, publicKey, rawToDerSignature(p1363))).toBe(true);
      expect(rawToDerSignature(raw).equals(der)).toBe(true);
    }
  });

  it('refuses what is not a P-256 signature', () => {
    expect(() => rawToDerSignature(Buffer.alloc(63))).toThrow();
    expect(() => derToRawSignature(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow();
    expect(() => derToRawSignature(Buffer.alloc(70))).toThrow();
    // An all-zero r‖s encodes, and never verifies.
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(verifyRaw('sha256', Buffer.from('m'), publicKey, rawToDerSignature(Buffer.alloc(64)))).toBe(false);
  });
});

describe('a subgraph works to the budget of the verified token only', () => {
  const schema = buildSubgraphSchema([{ typeDefs: gql('type Query { budget: Int }'), resolvers: { Query: { budget: () => Math.round(remainingMs()) } } }]);
  const logger = createLogger({ level: 'error', write: () => undefined });
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  let mint: UpstreamTokenMinter;

  beforeAll(async () => {
    const keys = await generateGatewayKeys();
    mint = await createUpstreamTokenMinter(keys.privateJwk);
    const admit = await requireGateway('labour', admissionConfigFromEnv({ [GATEWAY_PUBLIC_KEY_VAR]: keys.publicJwk }), { index: indexUnits([]) });
    const served = await serveSubgraph(
      createApolloServer({ schema, logger }),
      { name: 'labour', admit, context: async () => ({}), logger, budget: { defaultMs: 15_000, maxMs: 120_000 } },
      { port: 0, host: '127.0.0.1' },
    );
    url = served.url;
    close = served.close;
  });
  afterAll(async () => {
    await close();
  });

  const ask = async (headers: Record<string, string>): Promise<{ status: number; budget: number | null }> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ budget }' }) });
    const body = (await res.json()) as { data?: { budget: number } };
    return { status: res.status, budget: body.data?.budget ?? null };
  };

  it("runs the request within the token's budget, whatever a header claims", async () => {
    const granted = await ask({ authorization: `Bearer ${await mint('labour', null, 3000)}`, 'x-dti-budget-ms': '100000' });
    expect(granted.status).toBe(200);
    expect(granted.budget).toBeGreaterThan(2000);
    expect(granted.budget).toBeLessThanOrEqual(3000);
  });

  it('falls back to the default budget for a token that grants none', async () => {
    const none = await ask({ authorization: `Bearer ${await mint('labour', null)}` });
    expect(none.budget).toBeGreaterThan(10_000);
    expect(none.budget).toBeLessThanOrEqual(15_000);
  });

  it('refuses (401) a forged budget, and a budget header without a token, before reading the body', async () => {
    const forged = tampered(await mint('labour', null, 1000), { bud: 100_000, jti: 'forged' });
    expect((await ask({ authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await ask({ 'x-dti-budget-ms': '100000' })).status).toBe(401);
  });
});

describe('DTI_SUBGRAPH_VERIFY_SIGNATURES (benchmarks only)', () => {
  it('is on unless set to 0, and refused in production', () => {
    expect(subgraphVerification({})).toBe(true);
    expect(subgraphVerification({ [SUBGRAPH_VERIFY_VAR]: '1' })).toBe(true);
    expect(subgraphVerification({ [SUBGRAPH_VERIFY_VAR]: '0' })).toBe(false);
    expect(() => subgraphVerification({ [SUBGRAPH_VERIFY_VAR]: 'no' })).toThrow(/0 or 1/);
    expect(() => subgraphVerification({ [SUBGRAPH_VERIFY_VAR]: '0', DTI_PROFILE: 'production' })).toThrow(/refused when DTI_PROFILE=production/);
  });

  it('off: no key needed, every caller admitted, loudly', async () => {
    const warnings: string[] = [];
    const admit = await requireGateway('labour', admissionConfigFromEnv({ [SUBGRAPH_VERIFY_VAR]: '0' }), { index: indexUnits([]), warn: (m) => warnings.push(m) });
    expect(warnings.join('\n')).toMatch(/NOT verified/);
    const admitted = await admit({ headers: {} } as never);
    expect(admitted.budgetMs).toBeNull();
  });
});

describe('the jti replay check, shared by replicas through Redis when REDIS_URL is set', () => {
  const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
  let redis: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    if (!hasRedis) return;
    const port = await freePortRun(1);
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  });
  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  it('in memory (no REDIS_URL): each replica remembers only its own', async () => {
    const keys = await generateGatewayKeys();
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    const [one, two] = await Promise.all([1, 2].map(async () => createUpstreamTokenVerifier(keys.publicJwk, 'labour', Date.now, await replayGuardFromEnv({}, 'labour'))));
    const token = `Bearer ${await mint('labour', null)}`;
    await one?.(token);
    await expect(one?.(token)).rejects.toThrow(/already used/);
    await expect(two?.(token)).resolves.toMatchObject({ identity: null });
  });

  it.skipIf(!hasRedis)('through Redis: a token used at one replica is refused at another', async () => {
    const keys = await generateGatewayKeys();
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    const guards = await Promise.all([1, 2].map(() => replayGuardFromEnv({ REDIS_URL: url }, 'labour')));
    try {
      const [one, two] = await Promise.all(guards.map((g) => createUpstreamTokenVerifier(keys.publicJwk, 'labour', Date.now, g)));
      const token = `Bearer ${await mint('labour', VIEWER)}`;
      await expect(one?.(token)).resolves.toMatchObject({ identity: { subject: 'viewer-51' } });
      await expect(two?.(token)).rejects.toThrow(/already used/);
      await expect(one?.(token)).rejects.toThrow(/already used/);
      // A fresh token is still welcome at either replica.
      const fresh = `Bearer ${await mint('labour', null)}`;
      await expect(two?.(fresh)).resolves.toMatchObject({ identity: null });
    } finally {
      await Promise.all(guards.map((g) => g.close?.()));
    }
  });

  it('fails closed when Redis cannot answer', async () => {
    const down = createRedisReplayGuard({ set: () => Promise.reject(new Error('ECONNREFUSED')) }, 'labour');
    const keys = await generateGatewayKeys();
    const verify = await createUpstreamTokenVerifier(keys.publicJwk, 'labour', Date.now, down);
    const mint = await createUpstreamTokenMinter(keys.privateJwk);
    await expect(verify(`Bearer ${await mint('labour', null)}`)).rejects.toThrow(/replay check is unavailable/);
  });
});
