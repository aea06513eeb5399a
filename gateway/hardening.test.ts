import { describe, expect, it } from 'vitest';
import { ConfigError } from '../lib/config/index.ts';
import { limitError } from './limits.ts';
import { createMemoryRateLimitStore } from './rate-limit.ts';
import { createLogger } from '../lib/logging/index.ts';
import { prepareGatewayAccess } from './access.ts';
import { loadConfig } from './config.ts';
import { rateLimitIdentify } from './hardening.ts';
import { loadSecurityConfig } from './security-config.ts';
import { corsOptions } from './csrf.ts';

describe('security configuration', () => {
  it('defaults to the development profile with introspection on and no CORS origin', () => {
    const c = loadSecurityConfig({});
    expect(c.profile).toBe('development');
    expect(c.introspection).toBe(true);
    expect(c.corsOrigins).toEqual([]);
    expect(c.limits).toEqual({ maxDepth: 12, maxAliases: 30, maxTokens: 4000, maxDirectives: 30, maxCost: 5000 });
  });

  it('turns introspection off in production unless asked', () => {
    expect(loadSecurityConfig({ DTI_PROFILE: 'production' }).introspection).toBe(false);
    expect(loadSecurityConfig({ DTI_PROFILE: 'production', DTI_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it.each([['*'], ['https://a.example/path'], ['not a url']])('refuses the CORS origin %s', (origin) => {
    expect(() => loadSecurityConfig({ DTI_CORS_ORIGINS: origin })).toThrow(ConfigError);
  });

  it('reads a list of origins and every limit', () => {
    const c = loadSecurityConfig({ DTI_CORS_ORIGINS: 'https://a.example, http://127.0.0.1:5173', DTI_MAX_DEPTH: '8', DTI_MAX_COST: '900' });
    expect(c.corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:5173']);
    expect(c.limits.maxDepth).toBe(8);
    expect(c.limits.maxCost).toBe(900);
  });
});

describe('CORS answer per request', () => {
  const request = (origin: string | null) => new Request('http://gw/graphql', { headers: origin === null ? {} : { origin } });
  it('is off entirely without configured origins (the runtime would reflect any origin otherwise)', () => {
    expect(corsOptions([])).toBe(false);
  });
  it('echoes only a configured origin', () => {
    const f = corsOptions(['https://a.example']);
    if (f === false) throw new Error('expected a factory');
    expect(f(request('https://a.example'))).toMatchObject({ origin: 'https://a.example', credentials: true });
    expect(f(request('https://evil.example'))).toBe(false);
    expect(f(request(null))).toBe(false);
  });
});

describe('limit refusals', () => {
  it('name the limit, its value, what was found, and the variable that sets it', () => {
    const e = limitError('maxDepth', 12, 40);
    expect(e.message).toBe('query depth 40 exceeds the limit of 12 (maxDepth, configured by DTI_MAX_DEPTH)');
    expect(e.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 'maxDepth', max: 12, found: 40 });
    expect(limitError('maxTokens', 4000, null).message).toMatch(/more than 4000/);
  });
});

describe('token bucket', () => {
  it('allows the burst, then refuses with the seconds until a token is back', () => {
    const store = createMemoryRateLimitStore({ burst: 2, perSecond: 0.5 });
    expect(store.take('a', 0)).toEqual({ allowed: true });
    expect(store.take('a', 0)).toEqual({ allowed: true });
    expect(store.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(store.take('b', 0)).toEqual({ allowed: true });
    expect(store.take('a', 2000)).toEqual({ allowed: true });
  });
});

describe('the benchmark switch DTI_GATEWAY_AUTH=0', () => {
  it('is refused at start-up in the production profile, and needs no signing key', async () => {
    const config = loadConfig({ DTI_GATEWAY_AUTH: '0', DTI_PROFILE: 'production' });
    expect(config.auth.enabled).toBe(false);
    await expect(prepareGatewayAccess(config, createLogger({ level: 'error', write: () => undefined }))).rejects.toThrow(/refused when DTI_PROFILE=production/);
  });

  it('off in development: no plugins, no authorization, a loud warning', async () => {
    const lines: string[] = [];
    const access = await prepareGatewayAccess(loadConfig({ DTI_GATEWAY_AUTH: '0' }), createLogger({ level: 'warn', write: (l) => lines.push(l) }));
    expect([access.enabled, access.plugins.length, access.genericAuth]).toEqual([false, 0, undefined]);
    expect(lines.join('\n')).toMatch(/NO authentication, NO authorization/);
  });

  it('on (the default), the signing key is required', () => {
    expect(() => loadConfig({})).toThrow(/GATEWAY_UPSTREAM_PRIVATE_KEY/);
  });
});

describe('rate-limit keys', () => {
  const ctx = (address: string | null, sub?: string): Record<string, unknown> => ({
    ...(address === null ? {} : { req: { socket: { remoteAddress: address } } }),
    ...(sub === undefined ? {} : { jwt: { payload: { sub } } }),
  });
  const req = (authorization?: string): Request => new Request('http://gw/graphql', { headers: authorization === undefined ? {} : { authorization } });
  const identify = rateLimitIdentify({ enabled: true });

  it('keys an anonymous request by address before parsing, and a request with a token by its verified subject after', () => {
    expect(identify.early(req(), ctx('10.0.0.1'))).toBe('addr:10.0.0.1');
    expect(identify.verified(req(), ctx('10.0.0.1'))).toBeNull();
    expect(identify.early(req('Bearer t'), ctx('10.0.0.1'))).toBeNull();
    expect(identify.verified(req('Bearer t'), ctx('10.0.0.1', 'alice'))).toBe('sub:alice');
    expect(identify.verified(req('Bearer t'), ctx('10.0.0.2', 'alice'))).toBe('sub:alice');
    expect(identify.verified(req('Bearer t'), ctx('10.0.0.1', 'bob'))).toBe('sub:bob');
  });

  it("skips the gateway's own in-process calls (no socket), and keys by address when authentication is off", () => {
    expect(identify.early(req(), ctx(null))).toBeNull();
    expect(identify.verified(req('Bearer t'), ctx(null, 'alice'))).toBeNull();
    const off = rateLimitIdentify({ enabled: false });
    expect(off.early(req('Bearer t'), ctx('10.0.0.1', 'alice'))).toBe('addr:10.0.0.1');
    expect(off.verified(req('Bearer t'), ctx('10.0.0.1', 'alice'))).toBeNull();
  });
});
