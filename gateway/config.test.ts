import { describe, expect, it } from 'vitest';
import { ConfigError } from '../lib/config/index.ts';
import { loadConfig } from './config.ts';

describe('upstream deduplication', () => {
  it('is off by default', () => {
    expect(loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key' }).upstreamDeduplication).toBe(false);
  });

  it('is refused with access control on: a shared subgraph request would answer one caller with what another may see', () => {
    expect(() => loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key', GATEWAY_UPSTREAM_DEDUPLICATION: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key', GATEWAY_UPSTREAM_DEDUPLICATION: '1' })).toThrow(/GATEWAY_UPSTREAM_DEDUPLICATION/);
  });

  it('may be turned on only where nobody is told apart (the benchmarks, access control off)', () => {
    expect(loadConfig({ DTI_GATEWAY_AUTH: '0', GATEWAY_UPSTREAM_DEDUPLICATION: '1' }).upstreamDeduplication).toBe(true);
  });
});

describe('response cache byte bound', () => {
  it('defaults to 64 MiB and reads RESPONSE_CACHE_MAX_BYTES', () => {
    expect(loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key' }).responseCache.maxBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key', RESPONSE_CACHE_MAX_BYTES: '8388608' }).responseCache.maxBytes).toBe(8 * 1024 * 1024);
  });

  it('refuses a bound below 1 MiB or not a whole number', () => {
    expect(() => loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key', RESPONSE_CACHE_MAX_BYTES: '1000' })).toThrow(/RESPONSE_CACHE_MAX_BYTES="1000"/);
    expect(() => loadConfig({ GATEWAY_UPSTREAM_PRIVATE_KEY: 'a key', RESPONSE_CACHE_MAX_BYTES: '64MB' })).toThrow(ConfigError);
  });
});
