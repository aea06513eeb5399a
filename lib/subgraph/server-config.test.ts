import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/index.ts';
import { subgraphServerConfigFromEnv } from './server.ts';

// Every variable a subgraph server reads is parsed once, from the environment the service is
// started with (not process.env): a bad one stops start-up with the variable and value named.
describe('subgraph server configuration', () => {
  it('defaults: signatures verified, budgets 15 s / 120 s, token ids kept in this process', () => {
    expect(subgraphServerConfigFromEnv({ GATEWAY_UPSTREAM_PUBLIC_KEY: '{"kty":"EC"}' })).toEqual({
      admission: { verifySignatures: true, gatewayPublicKey: '{"kty":"EC"}', redisUrl: undefined },
      budget: { defaultMs: 15_000, maxMs: 120_000 },
    });
  });

  it('a bad value is a ConfigError naming the variable and the value', () => {
    const bad: Record<string, RegExp> = {
      DTI_SUBGRAPH_VERIFY_SIGNATURES: /DTI_SUBGRAPH_VERIFY_SIGNATURES="yes": must be 0 or 1/,
      REQUEST_BUDGET_MS: /REQUEST_BUDGET_MS="-5"/,
      REDIS_URL: /REDIS_URL="http:\/\/cache": must be a redis/,
      DTI_PROFILE: /DTI_PROFILE="prod"/,
    };
    const values: Record<string, string> = { DTI_SUBGRAPH_VERIFY_SIGNATURES: 'yes', REQUEST_BUDGET_MS: '-5', REDIS_URL: 'http://cache', DTI_PROFILE: 'prod' };
    for (const [name, message] of Object.entries(bad)) {
      expect(() => subgraphServerConfigFromEnv({ [name]: values[name] })).toThrow(ConfigError);
      expect(() => subgraphServerConfigFromEnv({ [name]: values[name] })).toThrow(message);
    }
  });

  it('the benchmark switch is refused in production', () => {
    expect(() => subgraphServerConfigFromEnv({ DTI_SUBGRAPH_VERIFY_SIGNATURES: '0', DTI_PROFILE: 'production' })).toThrow(/refused when DTI_PROFILE=production/);
  });
});
