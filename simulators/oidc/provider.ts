import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Provider, { errors, type Configuration, type ResourceServerInstance, type TokenEndpointGrantContext } from 'oidc-provider';
import { z } from 'zod';
import { ROLES } from '../../lib/access/index.ts';
import { seededUser, SEEDED_USERS } from './users.ts';

/** The grant type `npm run token` uses: development only, never registered by a real provider. */
export const DEV_TOKEN_GRANT = 'urn:dti-graph:params:oauth:grant-type:dev-token';
/** The confidential client allowed to use the development grant; its secret sits in the state folder. */
export const DEV_TOKEN_CLIENT = 'dti-dev-tokens';
/** The public client of the web workspace (authorization code + PKCE). */
export const WORKSPACE_CLIENT = 'dti-workspace';
/** Longest lifetime the development grant hands out, seconds. */
export const MAX_DEV_TTL_S = 24 * 3600;

export interface OidcProviderOptions {
  readonly host: string;
  readonly port: number;
  /** Resource indicator and `aud` of access tokens for our API. */
  readonly audience: string;
  /** Gateway origin, for the workspace's redirect URI. */
  readonly gatewayOrigin: string;
  /** Git-ignored folder holding the signing key and the dev client's secret. */
  readonly stateDir: string;
  /** Lifetime of access tokens from the authorization-code flow, seconds. */
  readonly accessTokenTtlS: number;
}

export interface RunningOidcProvider extends AsyncDisposable {
  readonly issuer: string;
  close(): Promise<void>;
}

const privateJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), d: z.string(), kid: z.string() }).strict();
type PrivateJwk = z.output<typeof privateJwkSchema>;

function writeOnce(path: string, content: string): void {
  // Write then rename, so a second process starting at the same moment never reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  if (!existsSync(path)) renameSync(tmp, path);
}

/**
 * The signing key is made at first start and kept in the state folder: tokens handed out (curl
 * sessions, a signed-in workspace) then survive a restart of `npm start`, which a per-start key
 * would silently invalidate. The folder is git-ignored; it never leaves the machine.
 */
function loadOrCreateKey(stateDir: string): PrivateJwk {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const path = join(stateDir, 'signing-key.json');
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${randomBytes(6).toString('hex')}` };
    writeOnce(path, JSON.stringify(jwk));
  }
  return privateJwkSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The dev client's secret, made at first start; `npm run token` reads it from the same folder. */
export function loadOrCreateDevSecret(stateDir: string): string {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const path = join(stateDir, 'dev-client-secret');
  if (!existsSync(path)) writeOnce(path, randomBytes(32).toString('base64url'));
  return readFileSync(path, 'utf8').trim();
}

const devParamsSchema = z.object({
  sub: z.string().regex(/^[\w.@-]{1,128}$/, 'sub: 1 to 128 letters, digits, or . _ @ -'),
  role: z.array(z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` })).min(1, 'at least one role'),
  unit: z.array(z.string().regex(/^\d{2,5}$/, 'unit: a unit code such as 56')),
  ttl: z.coerce.number().int().min(1).max(MAX_DEV_TTL_S).default(600),
  name: z.string().max(256).optional(),
});

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Starts the development OpenID provider on loopback. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const jwk = loadOrCreateKey(options.stateDir);
  const devSecret = loadOrCreateDevSecret(options.stateDir);
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host}:${port}`;

  const resourceServer: ResourceServerInstance = {
    scope: 'dti',
    audience: options.audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: options.accessTokenTtlS,
    jwt: { sign: { alg: 'ES256' } },
    scopes: new Set(['dti']),
    identifier: () => options.audience,
  };

  // Claims of a token: the development grant sets them on the token; the code flow reads the seeded user.
  const devClaims = new WeakMap<object, Record<string, unknown>>();

  const configuration: Configuration = {
    clients: [
      {
        client_id: WORKSPACE_CLIENT,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${options.gatewayOrigin}/auth/callback`],
        id_token_signed_response_alg: 'ES256',
      },
      {
        client_id: DEV_TOKEN_CLIENT,
        client_secret: devSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: [DEV_TOKEN_GRANT],
        response_types: [],
        redirect_uris: [],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [jwk] },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const user = seededUser(sub);
      if (user === undefined) return undefined;
      return { accountId: user.sub, claims: () => ({ sub: user.sub, name: user.name }) };
    },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile', 'dti'],
    features: {
      // The built-in login form accepts a seeded user's id (admin, viewer-56, editor-51 …); development only.
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== options.audience) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return resourceServer;
        },
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const preset = devClaims.get(token);
      if (preset !== undefined) return preset;
      if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
      const user = seededUser(token.accountId);
      return user === undefined ? undefined : { roles: [...user.roles], units: [...user.units], name: user.name };
    },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? options.accessTokenTtlS,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 8 * 3600,
    },
  };

  const provider = new Provider(issuer, configuration);

  // `npm run token`: any subject, roles and units, for tests and curl. Only the dev client (secret
  // in the git-ignored state folder) may use it, and only this development provider registers it.
  provider.registerGrantType(
    DEV_TOKEN_GRANT,
    async (ctx: TokenEndpointGrantContext) => {
      const p = ctx.oidc.params;
      const parsed = devParamsSchema.safeParse({ sub: p['sub'], role: asList(p['role']), unit: asList(p['unit']), ttl: p['ttl'] ?? undefined, name: p['name'] ?? undefined });
      if (!parsed.success) throw new errors.InvalidRequest(parsed.error.issues.map((i) => i.message).join('; '));
      const { sub, role, unit, ttl, name } = parsed.data;
      const seeded = seededUser(sub);
      const token = new provider.AccessToken({
        client: ctx.oidc.client,
        accountId: sub,
        grantId: `dev-${randomBytes(8).toString('hex')}`,
        gty: DEV_TOKEN_GRANT,
        scope: 'dti',
        resourceServer,
        expiresIn: ttl,
      });
      devClaims.set(token, { roles: [...new Set(role)], units: [...new Set(unit)], name: (name ?? seeded?.name ?? sub).normalize('NFC') });
      ctx.oidc.entity('AccessToken', token);
      const value = await token.save();
      ctx.body = { access_token: value, token_type: 'Bearer', expires_in: ttl, scope: 'dti' };
    },
    ['sub', 'role', 'unit', 'ttl', 'name'],
    ['role', 'unit'],
  );

  server.on('request', provider.callback());
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  };
  return { issuer, close, [Symbol.asyncDispose]: close };
}

export { SEEDED_USERS };
