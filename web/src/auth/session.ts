import * as z from 'zod/mini';

/**
 * Sign-in with the province's OpenID provider: authorization code with PKCE (public client, no
 * secret in the browser). The access token lives in sessionStorage for the tab's life only.
 */

const TOKEN_KEY = 'dti.token';
const PENDING_KEY = 'dti.pending';

const webConfigSchema = z.object({
  oidc: z.nullable(z.object({ issuer: z.string(), clientId: z.string(), audience: z.optional(z.string()), scope: z.optional(z.string()) })),
});
export type WebConfig = z.infer<typeof webConfigSchema>;

const discoverySchema = z.object({ authorization_endpoint: z.string(), token_endpoint: z.string(), end_session_endpoint: z.optional(z.string()) });
const tokenSchema = z.object({ access_token: z.string(), expires_in: z.optional(z.number()), id_token: z.optional(z.string()) });
const storedSchema = z.object({ token: z.string(), expiresAt: z.number(), idToken: z.optional(z.string()) });
const pendingSchema = z.object({ verifier: z.string(), state: z.string(), returnTo: z.string() });
const claimsSchema = z.object({ sub: z.string(), name: z.optional(z.string()), roles: z.optional(z.array(z.string())), units: z.optional(z.array(z.string())) });

/** Who is signed in, read from the token for display only (the gateway verifies it). */
export type SignedInUser = z.infer<typeof claimsSchema>;

let configPromise: Promise<WebConfig> | null = null;

/** The workspace's configuration, served by the gateway (`/web-config.json`). */
export function webConfig(): Promise<WebConfig> {
  configPromise ??= fetch('/web-config.json').then(async (r) => webConfigSchema.parse(await r.json()));
  return configPromise;
}

function readJson<T>(key: string, schema: z.ZodMiniType<T>): T | null {
  const raw = sessionStorage.getItem(key);
  if (raw === null) return null;
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** The current access token, or null when signed out or expired. */
export function currentToken(): string | null {
  const stored = readJson(TOKEN_KEY, storedSchema);
  if (stored === null || stored.expiresAt <= Date.now()) return null;
  return stored.token;
}

/** The signed-in user as the token names them, or null. */
export function currentUser(): SignedInUser | null {
  const token = currentToken();
  if (token === null) return null;
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  const parsed = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(base64UrlDecode(payload))));
  return parsed.success ? parsed.data : null;
}

function base64UrlDecode(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<z.infer<typeof discoverySchema>> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  return discoverySchema.parse(await res.json());
}

/** Sends the user to sign in, coming back to `returnTo` afterwards. */
export function startSignIn(returnTo: string): void {
  sessionStorage.removeItem(TOKEN_KEY);
  const target = `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
  if (window.location.pathname !== '/sign-in') window.location.assign(target);
}

/** Step 1 of the code flow: PKCE verifier and state kept in the tab, then off to the provider. */
export async function beginAuthorization(returnTo: string): Promise<void> {
  const { oidc } = await webConfig();
  if (oidc === null) throw new Error('no OpenID provider configured');
  const endpoints = await discover(oidc.issuer);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(endpoints.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', `${window.location.origin}/auth/callback`);
  url.searchParams.set('scope', oidc.scope ?? 'openid profile');
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (oidc.audience !== undefined) url.searchParams.set('resource', oidc.audience);
  window.location.assign(url.toString());
}

/** Step 2: the provider sent the user back with a code; exchange it for a token. Returns where to go. */
export async function completeAuthorization(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = readJson(PENDING_KEY, pendingSchema);
  sessionStorage.removeItem(PENDING_KEY);
  const code = params.get('code');
  if (pending === null || code === null || params.get('state') !== pending.state) throw new Error(params.get('error_description') ?? 'sign-in was not completed');
  const { oidc } = await webConfig();
  if (oidc === null) throw new Error('no OpenID provider configured');
  const endpoints = await discover(oidc.issuer);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${window.location.origin}/auth/callback`,
    client_id: oidc.clientId,
    code_verifier: pending.verifier,
  });
  if (oidc.audience !== undefined) body.set('resource', oidc.audience);
  const res = await fetch(endpoints.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  if (!res.ok) throw new Error(`the provider refused the code (HTTP ${res.status})`);
  const token = tokenSchema.parse(await res.json());
  const expiresAt = Date.now() + (token.expires_in ?? 300) * 1000;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: token.access_token, expiresAt, ...(token.id_token === undefined ? {} : { idToken: token.id_token }) }));
  return pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/';
}

/** Forgets the token (the provider's session ends with its own sign-out page). */
export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
