import { createUpstreamTokenMinter, discoverJwksUri, gatewayAccess, indexUnits } from '../lib/access/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../lib/units/index.ts';
import type { GatewayConfig } from './config.ts';

/** The gateway's access control, ready to plug in: reads the issuer's discovery document first. */
export type GatewayAccess = ReturnType<typeof gatewayAccess>;

export async function prepareGatewayAccess(config: GatewayConfig): Promise<GatewayAccess> {
  const { auth } = config;
  const jwksUri = await discoverJwksUri(auth.discoveryUrl, auth.issuer);
  const mint = await createUpstreamTokenMinter(auth.upstreamPrivateKey);
  const index = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
  return gatewayAccess({
    issuer: auth.issuer,
    audience: auth.audience,
    jwksUri,
    algorithms: auth.algorithms,
    claimPaths: auth.claimPaths,
    index,
    today: () => new Date().toISOString().slice(0, 10),
    subgraphByOrigin: new Map([...config.subgraphUrls].map(([name, url]) => [new URL(url).origin, name])),
    mint,
  });
}
