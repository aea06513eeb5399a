import { createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import { type JWK } from 'jose';
import { z } from 'zod';
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR } from './gateway-keys.ts';
import { ROLES, type Identity } from './identity.ts';

/**
 * The identity a subgraph trusts travels in a token the gateway mints for each subgraph request
 * (A34): signed with the gateway's own key, `aud` = the subgraph's name, a lifetime of seconds and
 * a one-time `jti`. A token captured on one subgraph is good at no other, and not twice.
 * It also carries the request's deadline budget (`bud`, ms): the subgraph trusts it because the
 * signature verifies, so no client can buy itself a longer budget and no shared secret is needed.
 */
export const UPSTREAM_ISSUER = 'dti-graph-gateway';
export const UPSTREAM_ALG = 'ES256';
/** Lifetime of a minted token, seconds: one subgraph request, with room for clock skew on one host. */
export const UPSTREAM_TTL_S = 30;
export { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from './gateway-keys.ts';

const publicJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1) });
const privateJwkSchema = publicJwkSchema.extend({ d: z.string().min(1) });

/** Parses a JWK handed over in an environment variable; throws a readable error naming the variable. */
function parseJwk<S extends z.ZodType<JWK>>(schema: S, json: string, variable: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`${variable} is not JSON (expected an EC P-256 JWK)`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${variable} is not an EC P-256 JWK: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
  return parsed.data;
}

/** The identity as it travels to subgraphs: plain JSON, already normalised by the gateway. */
const identityClaimSchema = z
  .object({
    sub: z.string().min(1).max(256),
    name: z.string().max(256).nullable(),
    roles: z.array(z.enum(ROLES)),
    units: z.array(z.string().regex(/^\d{2,5}$/)),
  })
  .strict();

/** Longest budget a token may carry, ms (an hour: far past any deadline the gateway grants). */
export const MAX_TOKEN_BUDGET_MS = 3_600_000;

const claimsSchema = z.object({
  idt: identityClaimSchema.nullable(),
  jti: z.string().min(1),
  exp: z.number(),
  /** What the subgraph may spend on this request, ms, counted from its arrival; absent: the subgraph's default. */
  bud: z.number().int().min(1).max(MAX_TOKEN_BUDGET_MS).optional(),
});

/** Mints the token for one subgraph request, with the budget (ms) the subgraph may spend on it. */
export type UpstreamTokenMinter = (subgraph: string, identity: Identity | null, budgetMs?: number) => Promise<string>;

/**
 * The token is the compact JWS `jose`'s `SignJWT` would make (same header, claims, ES256 over
 * P-256 with SHA-256, raw r‖s signature), built here and signed with `node:crypto` directly: a
 * subgraph fetch mints one, and `SignJWT` through WebCrypto cost three times the CPU of the
 * signature itself (issue #9). Every token still gets its own `jti`, `iat` and budget.
 */
const UPSTREAM_HEADER = Buffer.from(JSON.stringify({ alg: UPSTREAM_ALG, typ: 'dti-upstream+jwt' })).toString('base64url');

/** P-256 scalars are 32 bytes; a JWS ES256 signature is r‖s (IEEE P1363), 64 bytes. */
const P256_SCALAR_BYTES = 32;

/**
 * `node:crypto` signs and verifies ECDSA with a bare `KeyObject` (DER signatures) at a third of the
 * CPU of the `{ key, dsaEncoding: 'ieee-p1363' }` form, which prepares the key again on every call
 * (Node 24; issue #9). These convert between DER and the r‖s a JWS carries; OpenSSL does the same
 * conversion inside the P1363 form.
 */
export function derToRawSignature(der: Buffer): Buffer {
  // SEQUENCE { INTEGER r, INTEGER s }, short-form lengths (a P-256 signature is at most 72 bytes).
  if (der[0] !== 0x30 || der[1] !== der.length - 2) throw new Error('not a DER ECDSA signature');
  const out = Buffer.alloc(2 * P256_SCALAR_BYTES);
  let at = 2;
  for (let i = 0; i < 2; i++) {
    const len = der[at + 1] ?? 0;
    if (der[at] !== 0x02 || len === 0 || at + 2 + len > der.length) throw new Error('not a DER ECDSA signature');
    let int = der.subarray(at + 2, at + 2 + len);
    while (int.length > P256_SCALAR_BYTES && int[0] === 0) int = int.subarray(1);
    if (int.length > P256_SCALAR_BYTES) throw new Error('not a P-256 signature');
    int.copy(out, (i + 1) * P256_SCALAR_BYTES - int.length);
    at += 2 + len;
  }
  if (at !== der.length) throw new Error('not a DER ECDSA signature');
  return out;
}

/** r‖s (64 bytes, as a JWS carries it) to the DER `node:crypto` verifies with a bare key. */
export function rawToDerSignature(raw: Buffer): Buffer {
  if (raw.length !== 2 * P256_SCALAR_BYTES) throw new Error('not an ES256 signature');
  const integer = (scalar: Buffer): Buffer => {
    let start = 0;
    while (start < scalar.length - 1 && scalar[start] === 0) start++;
    const body = scalar.subarray(start);
    // A set high bit would read as negative: DER prefixes a zero byte.
    const pad = (body[0] ?? 0) >= 0x80 ? 1 : 0;
    const out = Buffer.alloc(2 + pad + body.length);
    out[0] = 0x02;
    out[1] = pad + body.length;
    body.copy(out, 2 + pad);
    return out;
  };
  const r = integer(raw.subarray(0, P256_SCALAR_BYTES));
  const s = integer(raw.subarray(P256_SCALAR_BYTES));
  return Buffer.concat([Buffer.from([0x30, r.length + s.length]), r, s]);
}

export async function createUpstreamTokenMinter(privateJwkJson: string): Promise<UpstreamTokenMinter> {
  const key = createPrivateKey({ key: parseJwk(privateJwkSchema, privateJwkJson, GATEWAY_PRIVATE_KEY_VAR), format: 'jwk' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error(`${GATEWAY_PRIVATE_KEY_VAR} is not an EC P-256 key`);
  // One identity per client request, several fetches: its claim is built once.
  const claims = new WeakMap<Identity, z.input<typeof identityClaimSchema>>();
  const claimOf = (identity: Identity | null): z.input<typeof identityClaimSchema> | null => {
    if (identity === null) return null;
    const known = claims.get(identity);
    if (known !== undefined) return known;
    const c = { sub: identity.subject, name: identity.name, roles: [...identity.roles], units: [...identity.units] };
    claims.set(identity, c);
    return c;
  };
  return async (subgraph, identity, budgetMs) => {
    const iat = Math.floor(Date.now() / 1000);
    const payload = {
      idt: claimOf(identity),
      ...(budgetMs === undefined ? {} : { bud: Math.min(MAX_TOKEN_BUDGET_MS, Math.max(1, Math.floor(budgetMs))) }),
      iss: UPSTREAM_ISSUER,
      aud: subgraph,
      iat,
      exp: iat + UPSTREAM_TTL_S,
      jti: randomUUID(),
    };
    const input = `${UPSTREAM_HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = derToRawSignature(sign('sha256', Buffer.from(input), key));
    return `${input}.${signature.toString('base64url')}`;
  };
}

/** Why a subgraph refused a request; the message is safe to return (names no secret). */
export class UpstreamTokenError extends Error {
  override readonly name = 'UpstreamTokenError';
}

/** What a verified gateway token says: the caller (null: anonymous caller of a public field) and the budget granted (null: none). */
export interface VerifiedUpstreamToken {
  readonly identity: Identity | null;
  readonly budgetMs: number | null;
}

/** Verifies the bearer token of one request. */
export type UpstreamTokenVerifier = (authorization: string | undefined) => Promise<VerifiedUpstreamToken>;

/**
 * Remembers which token ids were used, until they expire: `firstUse` is true once per `jti`.
 * In this process by default; shared through Redis when several replicas of a subgraph sit
 * behind one address (a token replayed to another replica is refused too).
 */
export interface ReplayGuard {
  firstUse(jti: string, expSeconds: number, nowSeconds: number): Promise<boolean>;
  close?(): Promise<void>;
}

/** The in-process guard (one subgraph process). */
export function createMemoryReplayGuard(): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    async firstUse(jti, exp, t) {
      // Insertion order is expiry order (one fixed lifetime), so pruning stops at the first live entry.
      for (const [id, e] of seen) {
        if (e >= t) break;
        seen.delete(id);
      }
      if (seen.has(jti)) return false;
      seen.set(jti, exp);
      return true;
    },
  };
}

/** What the Redis guard needs of a client: `SET key value EXAT t NX` (ioredis' signature). */
export interface RedisSetNx {
  set(key: string, value: string, exat: 'EXAT', at: number, nx: 'NX'): Promise<'OK' | null>;
  quit?(): Promise<unknown>;
}

/**
 * The guard shared by every replica of `subgraph` through Redis: one `SET … NX` per request, the
 * key expiring with the token. When Redis cannot answer, the request is refused (fail closed).
 */
export function createRedisReplayGuard(client: RedisSetNx, subgraph: string): ReplayGuard {
  return {
    async firstUse(jti, exp) {
      let answer: 'OK' | null;
      try {
        answer = await client.set(`dti:upstream-jti:${subgraph}:${jti}`, '1', 'EXAT', exp + 1, 'NX');
      } catch {
        throw new UpstreamTokenError('this service answers only the gateway: the replay check is unavailable');
      }
      return answer === 'OK';
    },
    async close() {
      await client.quit?.();
    },
  };
}

/** The replay guard from the environment: Redis when `REDIS_URL` is set (shared by replicas), in memory otherwise. */
export async function replayGuardFromEnv(env: Readonly<Record<string, string | undefined>>, subgraph: string): Promise<ReplayGuard> {
  const url = env['REDIS_URL'];
  if (url === undefined || url === '') return createMemoryReplayGuard();
  if (!/^rediss?:\/\//.test(url)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  // Loaded only when configured: the embedded default never needs it.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  return createRedisReplayGuard(client, subgraph);
}

/** Every claim a gateway token carries, checked in one parse: the budget and identity, issuer, audience and times. */
const tokenClaimsSchema = claimsSchema.extend({
  iss: z.literal(UPSTREAM_ISSUER),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number(),
  nbf: z.number().optional(),
});
/** An ES256 signature is r‖s, 32 bytes each (IEEE P1363). */
const ES256_SIGNATURE_BYTES = 2 * P256_SCALAR_BYTES;

/** Decodes one base64url segment of a compact JWS as a JSON value; undefined when it is not. */
function jsonSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Verifies tokens minted for `subgraph`: signature by the gateway's key, algorithm and type
 * pinned (the header is exactly the minter's `{"alg":"ES256","typ":"dti-upstream+jwt"}`, nothing
 * else, no other spelling), issuer, audience, expiry, issued
 * at most 35 s ago and not in the future, and a `jti` seen at most once (a captured request
 * cannot be replayed, with the same identity or a swapped one).
 *
 * The same checks `jose`'s `jwtVerify` made with those options, done here with `node:crypto`'s
 * synchronous `verify` on a key imported once: every subgraph request verifies one token, and
 * `jwtVerify` went through WebCrypto (a thread-pool job and a promise per token) and re-checked
 * the key on each call (issue #9). Nothing is decoded as claims before the signature verifies.
 */
export async function createUpstreamTokenVerifier(
  publicJwkJson: string,
  subgraph: string,
  now: () => number = Date.now,
  replay: ReplayGuard = createMemoryReplayGuard(),
): Promise<UpstreamTokenVerifier> {
  const key = createPublicKey({ key: parseJwk(publicJwkSchema, publicJwkJson, GATEWAY_PUBLIC_KEY_VAR), format: 'jwk' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error(`${GATEWAY_PUBLIC_KEY_VAR} is not an EC P-256 key`);
  const refuse = (why: string): never => {
    throw new UpstreamTokenError(`this service answers only the gateway: ${why}`);
  };
  const maxAgeS = UPSTREAM_TTL_S + 5;
  return async (authorization) => {
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
    const [, h, p, s] = match ?? [];
    if (h === undefined || p === undefined || s === undefined) return refuse('bearer token missing');
    if (h !== UPSTREAM_HEADER) return refuse('unexpected token header (alg ES256 and typ dti-upstream+jwt only)');
    const signature = Buffer.from(s, 'base64url');
    if (signature.length !== ES256_SIGNATURE_BYTES || !verify('sha256', Buffer.from(`${h}.${p}`), key, rawToDerSignature(signature))) {
      return refuse('signature verification failed');
    }
    const parsed = tokenClaimsSchema.safeParse(jsonSegment(p));
    if (!parsed.success) return refuse('unexpected issuer, a claim missing, or a malformed identity');
    const claims = parsed.data;
    if (!(typeof claims.aud === 'string' ? claims.aud === subgraph : claims.aud.includes(subgraph))) return refuse('unexpected "aud" claim value');
    const t = Math.floor(now() / 1000);
    if (claims.exp <= t) return refuse('"exp" claim timestamp check failed');
    if (claims.nbf !== undefined && claims.nbf > t) return refuse('"nbf" claim timestamp check failed');
    if (t - claims.iat > maxAgeS || claims.iat > t) return refuse('"iat" claim timestamp check failed');
    if (!(await replay.firstUse(claims.jti, claims.exp, t))) return refuse('token already used');
    const idt = claims.idt;
    const budgetMs = claims.bud ?? null;
    if (idt === null) return { identity: null, budgetMs };
    return { identity: { subject: idt.sub, name: idt.name, roles: new Set(idt.roles), units: idt.units }, budgetMs };
  };
}
