/**
 * The gateway's subgraph-signing key pair, as the launcher makes and hands it out: Node's own
 * crypto only, so the supervisor (scripts/start.ts → lib/launcher) makes one without loading jose
 * or the rest of lib/access. The tokens signed and verified with it are in ./upstream-token.ts.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

/** Environment variables through which the launcher hands the key pair out. */
export const GATEWAY_PRIVATE_KEY_VAR = 'GATEWAY_UPSTREAM_PRIVATE_KEY';
export const GATEWAY_PUBLIC_KEY_VAR = 'GATEWAY_UPSTREAM_PUBLIC_KEY';

const generateEcKeyPair = promisify(generateKeyPair);

/** A fresh gateway key pair (EC P-256, for ES256) as JWK JSON strings (the embedded default makes one per start). */
export async function generateGatewayKeys(): Promise<{ readonly privateJwk: string; readonly publicJwk: string }> {
  const { privateKey, publicKey } = await generateEcKeyPair('ec', { namedCurve: 'P-256' });
  return { privateJwk: JSON.stringify(privateKey.export({ format: 'jwk' })), publicJwk: JSON.stringify(publicKey.export({ format: 'jwk' })) };
}
