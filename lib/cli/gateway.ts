import { z } from 'zod';
import { parseEnv, portSchema } from '../config/index.ts';

/** The gateway the command-line tools talk to by default: the one `npm start` starts, on the same variables. */
export function defaultGatewayUrl(env: Readonly<Record<string, string | undefined>>): string {
  const e = parseEnv(z.object({ DTI_HOST: z.string().min(1).default('127.0.0.1'), DTI_GATEWAY_PORT: portSchema.default(4000) }), env);
  return `http://${e.DTI_HOST}:${e.DTI_GATEWAY_PORT}/graphql`;
}

function causeCode(e: unknown): string | undefined {
  const cause = e instanceof Error ? e.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}

/** One line for a gateway that cannot be reached, instead of a stack trace. */
export function unreachableMessage(url: string, e: unknown): string {
  const code = causeCode(e);
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code ?? (e instanceof Error ? e.message : String(e));
  return `cannot reach the gateway at ${url} (${why}): is \`npm start\` running? Point to another with --gateway URL or DTI_GATEWAY_PORT.`;
}

/** POSTs a GraphQL request to the gateway; a refused connection ends the process with one clear line. */
export async function postToGateway(url: string, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
  // A body already serialised (a registered operation by id) goes as it is.
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (e: unknown) {
    process.stderr.write(`${unreachableMessage(url, e)}\n`);
    process.exit(1);
  }
  return res.json();
}
