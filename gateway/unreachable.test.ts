import { describe, expect, it } from 'vitest';
import { freePortRun } from '../lib/testing/ports.ts';
import { isProxyFailure, unavailableAnswer, unreachableCode } from './unreachable.ts';

describe('a subgraph nobody answers for', () => {
  it('is told from other failures through the cause chain', async () => {
    const refused = await fetch(`http://127.0.0.1:${await freePortRun(1)}/`).catch((e: unknown) => e);
    expect(unreachableCode(refused)).toBe('ECONNREFUSED');
    expect(unreachableCode(new DOMException('The operation was aborted', 'AbortError'))).toBeUndefined();
    expect(unreachableCode(new Error('boom'))).toBeUndefined();
    expect(unreachableCode(Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))).toBe('UND_ERR_SOCKET');
  });

  it('gets a typed GraphQL error naming it, without addresses; a mutation is told its outcome is unknown', async () => {
    const query = (await unavailableAnswer('submissions', false).json()) as { data: null; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(query.data).toBeNull();
    expect(query.errors[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', system: 'submissions' });
    const mutation = (await unavailableAnswer('submissions', true).json()) as { errors: { message: string }[] };
    expect(mutation.errors[0]?.message).toMatch(/may not have been made/);
  });

  it("is told from a load balancer's failure page, but not from a subgraph's own JSON error", () => {
    expect(isProxyFailure(new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }))).toBe(true);
    expect(isProxyFailure(new Response('', { status: 504 }))).toBe(true);
    expect(isProxyFailure(new Response('{"errors":[]}', { status: 503, headers: { 'content-type': 'application/json' } }))).toBe(false);
    expect(isProxyFailure(new Response('<html>500</html>', { status: 500, headers: { 'content-type': 'text/html' } }))).toBe(false);
    expect(isProxyFailure(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }))).toBe(false);
  });
});
