import { z } from 'zod';
import { DEV_TOKEN_CLIENT, DEV_TOKEN_GRANT, loadOrCreateDevSecret } from './provider.ts';

/** What to put in a development token. */
export interface DevTokenRequest {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /** Lifetime, seconds. @default 600 */
  readonly ttlS?: number;
}

const tokenSchema = z.object({ access_token: z.string().min(1) });
const errorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * Asks the running development provider for an access token through its dev-only grant (the
 * provider signs it with its own key; nothing here signs anything). Throws one readable line.
 */
export async function requestDevToken(issuer: string, stateDir: string, req: DevTokenRequest): Promise<string> {
  const body = new URLSearchParams({ grant_type: DEV_TOKEN_GRANT, sub: req.sub });
  for (const r of req.roles) body.append('role', r);
  for (const u of req.units) body.append('unit', u);
  if (req.ttlS !== undefined) body.set('ttl', String(req.ttlS));
  const secret = loadOrCreateDevSecret(stateDir);
  let res: Response;
  try {
    res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${DEV_TOKEN_CLIENT}:${secret}`).toString('base64')}` },
      body,
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    throw new Error(`the development identity provider is not running at ${issuer} (start it with npm start)`);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorSchema.safeParse(json);
    throw new Error(e.success ? `${e.data.error}: ${e.data.error_description ?? ''}`.trim() : `the identity provider answered HTTP ${res.status}`);
  }
  return tokenSchema.parse(json).access_token;
}
