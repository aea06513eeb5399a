import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadUpstreamSubgraphConfig, parseEnv, portSchema, upstreamSubgraphEnv } from './index.ts';

describe('parseEnv', () => {
  const schema = z.object({ PORT: portSchema.default(4000) });

  it('applies defaults and coerces', () => {
    expect(parseEnv(schema, {})).toEqual({ PORT: 4000 });
    expect(parseEnv(schema, { PORT: '4100' })).toEqual({ PORT: 4100 });
  });

  it('names the variable, the value and the rule', () => {
    expect(() => parseEnv(schema, { PORT: 'forty' })).toThrow(ConfigError);
    expect(() => parseEnv(schema, { PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});

describe('upstream subgraph env', () => {
  const defaults = { port: 4009, upstreamPort: 4109 };

  it('applies the per-subgraph default ports', () => {
    expect(loadUpstreamSubgraphConfig({}, defaults)).toEqual({
      port: 4009,
      host: '127.0.0.1',
      upstreamUrl: 'http://127.0.0.1:4109',
      upstreamTimeoutMs: 5000,
      upstreamMaxBodyBytes: 33_554_432,
      logLevel: 'info',
    });
  });

  it('reads the upstream body cap, refusing one too small to hold an answer', () => {
    expect(loadUpstreamSubgraphConfig({ UPSTREAM_MAX_BODY_BYTES: '1048576' }, defaults).upstreamMaxBodyBytes).toBe(1_048_576);
    expect(() => loadUpstreamSubgraphConfig({ UPSTREAM_MAX_BODY_BYTES: '10' }, defaults)).toThrow(/UPSTREAM_MAX_BODY_BYTES="10"/);
  });

  it('extends with a subgraph’s own variables, still naming a bad one', () => {
    const schema = upstreamSubgraphEnv(defaults).extend({ EXTRA_MS: portSchema.default(1) });
    expect(parseEnv(schema, { EXTRA_MS: '7', UPSTREAM_URL: 'http://u.invalid/' })).toMatchObject({ EXTRA_MS: 7, UPSTREAM_URL: 'http://u.invalid' });
    expect(() => loadUpstreamSubgraphConfig({ LOG_LEVEL: 'loud' }, defaults)).toThrow(/LOG_LEVEL="loud"/);
  });
});
