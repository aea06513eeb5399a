import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/config/index.ts';
import { loadConfig } from '../config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4004,
      host: '127.0.0.1',
      upstreamUrl: 'http://127.0.0.1:4104',
      upstreamTimeoutMs: 5000,
      upstreamMaxBodyBytes: 33_554_432,
      logLevel: 'info',
    });
  });

  it('names the variable, the value and the rule when one is bad', () => {
    const error: unknown = (() => {
      try {
        return loadConfig({ UPSTREAM_URL: 'ftp://labour', UPSTREAM_TIMEOUT_MS: '-1' });
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    if (!(error instanceof ConfigError)) return;
    expect(error.variables).toEqual(expect.arrayContaining(['UPSTREAM_URL', 'UPSTREAM_TIMEOUT_MS']));
    expect(error.message).toContain('UPSTREAM_URL="ftp://labour"');
  });
});
