/**
 * `npm run -s gateway-keys > .env`: a fresh key pair for the gateways to sign subgraph requests
 * with, as the two environment lines docker compose (and a Kubernetes Secret) take. Every gateway
 * replica gets the private half, every subgraph replica the public half. Keep the file secret.
 */
import { GATEWAY_PRIVATE_KEY_VAR, GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../lib/access/index.ts';

const keys = await generateGatewayKeys();
process.stdout.write(`${GATEWAY_PRIVATE_KEY_VAR}='${keys.privateJwk}'\n${GATEWAY_PUBLIC_KEY_VAR}='${keys.publicJwk}'\n`);
