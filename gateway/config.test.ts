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
