import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig as loadGatewayConfig } from '../../gateway/config.ts';
import { GATEWAY_PUBLIC_KEY_VAR, generateGatewayKeys } from '../../lib/access/index.ts';
import { REPO_ROOT_URL, SIMULATORS, SUBGRAPHS } from '../../lib/topology/index.ts';
import { loadConfig as loadIdentityConfig } from '../../simulators/oidc/config.ts';

// Issue #12: with no HOST set, every service binds loopback, so the subgraphs and simulators are
// not reachable from the network around the gateway. Each is started as `npm start` would, on
// port 0, and its "listening" line is read.

// The log schema every process shares (lib/logging): `message`, with the url as a field.
const listeningSchema = z.object({ message: z.string(), url: z.string() });

function listeningUrl(entry: string, publicKey: string): Promise<string> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'info', UPSTREAM_URL: 'http://127.0.0.1:9', [GATEWAY_PUBLIC_KEY_VAR]: publicKey };
  delete env['HOST'];
  delete env['DTI_HOST'];
  const child = spawn(process.execPath, [fileURLToPath(new URL(entry, REPO_ROOT_URL))], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n')) {
        try {
          const parsed = listeningSchema.safeParse(JSON.parse(line));
          if (parsed.success && parsed.data.message.endsWith('listening')) {
            child.kill('SIGTERM');
            resolve(parsed.data.url);
            return;
          }
        } catch {
          // not a JSON line (yet)
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // Never left behind, whatever the outcome.
    setTimeout(() => child.kill('SIGKILL'), 110_000).unref();
    child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before listening: ${buffer.slice(-500)}`)));
  });
}

describe('loopback binding by default', () => {
  const entries = [...SIMULATORS.map((s) => s.entry), ...SUBGRAPHS.map((s) => s.entry)];
  it.concurrent.each(entries)('%s listens on 127.0.0.1 when HOST is unset', async (entry) => {
    const { publicJwk } = await generateGatewayKeys();
    const url = new URL(await listeningUrl(entry, publicJwk));
    expect(url.hostname).toBe('127.0.0.1');
  }, 120_000);

  // The gateway needs the identity provider's discovery document to start, so these two are
  // checked at their configuration, which is what decides the address they bind.
  it('the gateway and the development identity provider default to 127.0.0.1', () => {
    expect(loadGatewayConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: '{}' }).host).toBe('127.0.0.1');
    expect(loadIdentityConfig({}).host).toBe('127.0.0.1');
  });
});
