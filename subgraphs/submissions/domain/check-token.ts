import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a submission check saw, signed by the store: the entry and version it was computed for, the
 * connected systems' figure at the time (system, value, status) and the warning codes it found.
 * `submitEntries` takes the token back, so the figure the server compared is the one it enforces,
 * without the submissions subgraph ever calling another (the figure reaches it only through @requires).
 */
export interface CheckClaims {
  readonly entryId: string;
  readonly version: number;
  readonly system: string | null;
  readonly systemValue: number | null;
  readonly systemStatus: string | null;
  readonly warnings: readonly string[];
  /** When the check was made (seconds since the epoch): a figure seen long ago is not the figure now. */
  readonly issuedAt: number;
}

const claimsSchema = z.object({
  entryId: z.string().min(1),
  version: z.number().int().min(1),
  system: z.string().nullable(),
  systemValue: z.number().nullable(),
  systemStatus: z.string().nullable(),
  warnings: z.array(z.string()),
  issuedAt: z.number().int(),
});

const mac = (key: Uint8Array, body: string): Buffer => createHmac('sha256', key).update(body).digest();

/** `base64url(JSON of the claims).base64url(HMAC-SHA256 of that text)`. */
export function signCheck(key: Uint8Array, claims: CheckClaims): string {
  const ordered: CheckClaims = {
    entryId: claims.entryId,
    version: claims.version,
    system: claims.system,
    systemValue: claims.systemValue,
    systemStatus: claims.systemStatus,
    warnings: [...claims.warnings].sort(),
    issuedAt: claims.issuedAt,
  };
  const body = Buffer.from(JSON.stringify(ordered), 'utf8').toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims of a token this store signed; null for anything else (forged, altered, malformed). */
export function verifyCheck(key: Uint8Array, token: string): CheckClaims | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body = '', signature = ''] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
