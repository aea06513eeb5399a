import { createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';
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
/** Environment variables through which the launcher hands the key pair out. */
export const GATEWAY_PRIVATE_KEY_VAR = 'GATEWAY_UPSTREAM_PRIVATE_KEY';
export const GATEWAY_PUBLIC_KEY_VAR = 'GATEWAY_UPSTREAM_PUBLIC_KEY';

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

/** A fresh gateway key pair as JWK JSON strings (the embedded default makes one per start). */
export async function generateGatewayKeys(): Promise<{ readonly privateJwk: string; readonly publicJwk: string }> {
  const { privateKey, publicKey } = await generateKeyPair(UPSTREAM_ALG, { extractable: true });
  return { privateJwk: JSON.stringify(await exportJWK(privateKey)), publicJwk: JSON.stringify(await exportJWK(publicKey)) };
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
 * signature itself (issue #9). Every token still gets its own `jti`, `iat` and budget; the
 * subgraphs verify it with `jose` as before.
 */
const UPSTREAM_HEADER = Buffer.from(JSON.stringify({ alg: UPSTREAM_ALG, typ: 'dti-upstream+jwt' })).toString('base64url');

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
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
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

/** The only protected header a gateway token may carry (the minter writes exactly `alg` and `typ`). */
const headerSchema = z.object({ alg: z.literal(UPSTREAM_ALG), typ: z.literal('dti-upstream+jwt') }).strict();
/** The registered claims checked beside {@link claimsSchema}: issuer, audience and the time claims. */
const registeredSchema = z.object({
  iss: z.literal(UPSTREAM_ISSUER),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number(),
  nbf: z.number().optional(),
});
/** An ES256 signature is r‖s, 32 bytes each (IEEE P1363), 86 base64url characters. */
const ES256_SIGNATURE_BYTES = 64;

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
 * pinned (`alg` ES256, `typ` dti-upstream+jwt, no other header), issuer, audience, expiry, issued
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
    if (!headerSchema.safeParse(jsonSegment(h)).success) return refuse('unexpected token header (alg ES256 and typ dti-upstream+jwt only)');
    const signature = Buffer.from(s, 'base64url');
    if (signature.length !== ES256_SIGNATURE_BYTES || !verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, signature)) {
      return refuse('signature verification failed');
    }
    const payload = jsonSegment(p);
    const registered = registeredSchema.safeParse(payload);
    if (!registered.success) return refuse('unexpected issuer, or a claim missing');
    const { aud, iat, nbf } = registered.data;
    if (!(typeof aud === 'string' ? aud === subgraph : aud.includes(subgraph))) return refuse('unexpected "aud" claim value');
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return refuse('malformed identity');
    const t = Math.floor(now() / 1000);
    if (claims.data.exp <= t) return refuse('"exp" claim timestamp check failed');
    if (nbf !== undefined && nbf > t) return refuse('"nbf" claim timestamp check failed');
    if (t - iat > maxAgeS || iat > t) return refuse('"iat" claim timestamp check failed');
    if (!(await replay.firstUse(claims.data.jti, claims.data.exp, t))) return refuse('token already used');
    const idt = claims.data.idt;
    const budgetMs = claims.data.bud ?? null;
    if (idt === null) return { identity: null, budgetMs };
    return { identity: { subject: idt.sub, name: idt.name, roles: new Set(idt.roles), units: idt.units }, budgetMs };
  };
}
