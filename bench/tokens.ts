/**
 * Tokens for the benchmarks and the soak: asked of the launched system's own development
 * provider (its dev-only grant), as `npm run token` does; nothing here signs anything.
 */
import type { RunningSystem } from '../lib/launcher/index.ts';
import { DEFAULT_OIDC_STATE_DIR } from '../simulators/oidc/config.ts';
import { requestDevToken, type DevTokenRequest } from '../simulators/oidc/dev-token.ts';

/** A token from `system`'s provider; an administrator's (every unit) unless told otherwise, valid an hour. */
export function benchToken(system: Pick<RunningSystem, 'issuerUrl'>, req: DevTokenRequest = { sub: 'bench-admin', roles: ['ADMIN'], units: [], ttlS: 3600 }): Promise<string> {
  return requestDevToken(system.issuerUrl, process.env['OIDC_STATE_DIR'] ?? DEFAULT_OIDC_STATE_DIR, req);
}
