import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createUpstreamTokenMinter, discoverJwksUri, gatewayAccess, indexUnits, type BearerVerifier } from '../lib/access/index.ts';
import type { Logger } from '../lib/logging/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL, SEED_DISTRICTS_URL } from '../lib/units/index.ts';
import { GATEWAY_AUTH_VAR } from './auth-config.ts';
import type { GatewayConfig } from './config.ts';

/** The gateway's access control, ready to plug in. */
export interface GatewayAccess {
  /** False only under the benchmark switch `DTI_GATEWAY_AUTH=0`. */
  readonly enabled: boolean;
  readonly plugins: readonly GatewayPlugin[];
  readonly genericAuth: ReturnType<typeof gatewayAccess>['genericAuth'] | undefined;
  /** Verifies a bearer header for the routes beside GraphQL (admin, export); null without one. */
  readonly verifyBearer: BearerVerifier;
}

/**
 * Reads the issuer's discovery document and builds the access plugins. `budgetOf` gives what a
 * subgraph fetch may spend; it is signed into that fetch's token.
 */
export async function prepareGatewayAccess(config: GatewayConfig, logger?: Logger, budgetOf?: (context: unknown) => number): Promise<GatewayAccess> {
  const { auth } = config;
  if (!auth.enabled) {
    // Benchmark-only (bench:auth): no token verification, no authorization, no subgraph tokens.
    if (config.security.profile === 'production') {
      throw new Error(`${GATEWAY_AUTH_VAR}=0 is a benchmark switch and is refused when DTI_PROFILE=production`);
    }
    const warning = `WARNING gateway: ${GATEWAY_AUTH_VAR}=0 — NO authentication, NO authorization, subgraph requests unsigned. Benchmarks only; subgraphs need DTI_SUBGRAPH_VERIFY_SIGNATURES=0.`;
    if (logger === undefined) process.stderr.write(`${warning}\n`);
    else logger.warn(warning);
    return { enabled: false, plugins: [], genericAuth: undefined, verifyBearer: async () => null };
  }
  const jwksUri = await discoverJwksUri(auth.discoveryUrl, auth.issuer);
  const mint = await createUpstreamTokenMinter(auth.upstreamPrivateKey);
  const index = indexUnits([...loadUnitCatalogue(REFERENCE_UNITS_URL), ...loadUnitCatalogue(SEED_DISTRICTS_URL)]);
  const access = gatewayAccess({
    issuer: auth.issuer,
    audience: auth.audience,
    jwksUri,
    algorithms: auth.algorithms,
    claimPaths: auth.claimPaths,
    index,
    today: () => new Date().toISOString().slice(0, 10),
    subgraphByOrigin: new Map([...config.subgraphUrls].map(([name, url]) => [new URL(url).origin, name])),
    mint,
    ...(budgetOf === undefined ? {} : { budgetOf }),
  });
  return { enabled: true, plugins: access.plugins, genericAuth: access.genericAuth, verifyBearer: access.verifyBearer };
}
