import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorCommentBlock } from './exports.ts';
import { ConfigError } from '../lib/config/index.ts';
import { loadConfig } from './config.ts';
import { createLogger } from '../lib/logging/index.ts';
import { createResilience, publicError, redact } from './resilience.ts';

describe('client-facing errors', () => {
  it("turns the gateway's own subgraph timeout into UPSTREAM_TIMEOUT naming the system, without URL, body or 504", () => {
    const raw = new GraphQLError('The operation was aborted due to timeout', {
      path: ['unit', 'year', 'documents'],
      extensions: {
        code: 'GATEWAY_TIMEOUT',
        serviceName: 'documents',
        http: { status: 504 },
        request: { url: 'http://127.0.0.1:4002/', method: 'POST', body: '{"query":"{ _entities … }"}' },
      },
    });
    const e = publicError(raw, 'corr-1');
    expect(e.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', system: 'documents', correlationId: 'corr-1' });
    expect(e.message).toBe("documents did not answer within the request's deadline");
    expect(e.path).toEqual(['unit', 'year', 'documents']);
  });

  it('keeps code, system and upstream status, drops the upstream URL, and bounds the message', () => {
    const raw = new GraphQLError(`Variable "$text" got invalid value "${'x'.repeat(10_000_000)}"`, {
      extensions: { code: 'BAD_USER_INPUT', upstream: { url: 'http://127.0.0.1:4102/api?Year=2024', method: 'GET', status: 503 } },
    });
    const e = publicError(raw, 'corr-2');
    expect(e.message.length).toBeLessThan(400);
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', upstream: { method: 'GET', status: 503 }, correlationId: 'corr-2' });
  });

  it('redacts internal addresses from messages', () => {
    expect(redact('connect ECONNREFUSED 127.0.0.1:4002 for http://127.0.0.1:4002/graphql?x=1')).toBe('connect ECONNREFUSED <internal> for <internal>');
  });
});

describe('a partial export', () => {
  it('lists its errors as a bounded CSV comment block', () => {
    const errors = Array.from({ length: 150 }, (_, i) => ({ message: `documents failed ${i}\nsecond line`, extensions: { code: 'UPSTREAM_TIMEOUT', system: 'documents' } }));
    const block = errorCommentBlock(errors);
    const lines = block.trim().split('\r\n');
    expect(lines[0]).toMatch(/^# PARTIAL EXPORT: 150 error/);
    expect(lines[1]).toBe('# UPSTREAM_TIMEOUT [documents]: documents failed 0 second line');
    expect(lines).toHaveLength(102);
    expect(lines.at(-1)).toBe('# … and 50 more');
    expect(errorCommentBlock([])).toBe('');
  });
});

describe('deadlines are configuration, parsed once at start-up', () => {
  it('read from the environment the gateway is loaded from', () => {
    const config = loadConfig({ DTI_GATEWAY_AUTH: '0', DTI_DEADLINE_MS: '2500', DTI_EXPORT_DEADLINE_MS: '90000' });
    expect(config.resilience.deadlineMs).toBe(2500);
    expect(config.resilience.operationDeadlines.get('DtiExportUnits')).toBe(90_000);
    expect(loadConfig({ DTI_GATEWAY_AUTH: '0' }).resilience.deadlineMs).toBe(8000);
  });

  it('a bad value stops start-up with an error naming the variable and the value', () => {
    expect(() => loadConfig({ DTI_GATEWAY_AUTH: '0', DTI_DEADLINE_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ DTI_GATEWAY_AUTH: '0', DTI_EXPORT_DEADLINE_MS: '0' })).toThrow(/DTI_EXPORT_DEADLINE_MS="0"/);
  });
});

describe('the request state reaches every subgraph fetch', () => {
  // The runtime's requests are not Node's global Request (they come from its own fetch
  // implementation): an object that is not `instanceof Request` must still be found.
  const foreignRequest = (correlationId: string): object => ({ headers: new Headers({ 'x-correlation-id': correlationId }), url: 'http://gateway/graphql' });

  it('forwards the correlation id and signs the time left, not the whole deadline, for a request of any class', async () => {
    const { plugin, budgetOf } = createResilience({ deadlineMs: 8000, operationDeadlines: new Map(), fetchShare: 0.5 }, createLogger({ level: 'error', write: () => undefined }));
    const request = foreignRequest('corr-123');
    expect(request instanceof Request).toBe(false);
    const hooks = plugin as unknown as {
      onRequest(p: { request: object }): void;
      onFetch(p: { context: unknown; options: { headers?: Record<string, string> }; setOptions(o: { headers?: Record<string, string> }): void }): void;
    };
    hooks.onRequest({ request });
    let sent: Record<string, string> | undefined;
    hooks.onFetch({ context: { request }, options: { headers: {} }, setOptions: (o) => (sent = o.headers) });
    expect(sent?.['x-correlation-id']).toBe('corr-123');
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Half of what is left of 8 s, which is now less than half of 8 s.
    expect(budgetOf({ request })).toBeLessThan(4000);
    expect(budgetOf({ request })).toBeGreaterThan(3000);
    // An unknown request gets the full share.
    expect(budgetOf({ request: foreignRequest('other') })).toBe(4000);
  });
});
