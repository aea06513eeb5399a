import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logging/index.ts';
import { SUBGRAPHS, subgraphUrlVariable } from '../lib/topology/index.ts';
import { loadConfig } from './config.ts';
import { startGateway, type RunningGateway } from './gateway.ts';

// The gateway's own last-resort timer on a subgraph fetch (gateway/resilience.ts): a subgraph that
// takes the request and never answers costs the client no more than the deadline's share plus the
// grace, the answer says UPSTREAM_TIMEOUT (not a 504, not "Unexpected error."), and the fetch is
// aborted (its connection closed), not left hanging on the subgraph.

const DEADLINE_MS = 400;
// fetchShare 0.7 of the deadline, plus the 1.5 s grace.
const TIMER_MS = DEADLINE_MS * 0.7 + 1500;

describe('a subgraph that never answers', () => {
  let hung: Server;
  let gateway: RunningGateway;
  const taken: IncomingMessage[] = [];
  const closedAt: number[] = [];
  beforeAll(async () => {
    hung = createServer((req) => {
      taken.push(req);
      req.socket.once('close', () => closedAt.push(Date.now()));
    });
    await new Promise<void>((ok) => hung.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), url]));
    gateway = await startGateway(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DTI_GATEWAY_AUTH: '0', DTI_DEADLINE_MS: String(DEADLINE_MS), RESPONSE_CACHE_TTL_MS: '0', ...subgraphEnv }),
      createLogger({ level: 'error', write: () => undefined }),
    );
  });
  afterAll(async () => {
    await gateway.close();
    hung.closeAllConnections();
    await new Promise<void>((ok) => hung.close(() => ok()));
  });

  it('is given up on at its timer with UPSTREAM_TIMEOUT, and the fetch is aborted', async () => {
    const started = Date.now();
    const res = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agency(code: "000.00.00.H56") { name } }' }) });
    const elapsed = Date.now() - started;
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    // Nothing else answered: no data, so not a 200; but never the runtime's 504.
    expect(res.status, JSON.stringify(body)).not.toBe(504);
    expect(body.errors?.map((e) => e.extensions?.['code']), JSON.stringify(body)).toContain('UPSTREAM_TIMEOUT');
    expect(body.errors?.[0]?.message).toMatch(/did not answer within the request's deadline/);
    // agency is the documents subgraph's, which wraps the documents system.
    expect(body.errors?.[0]?.extensions?.['system']).toBe('documents');
    expect(elapsed).toBeGreaterThanOrEqual(TIMER_MS - 100);
    // No upper bound on a shared machine: the subgraph never answers, so only the timer ends the
    // request (without it the test runs into its own timeout).
    expect(taken.length).toBeGreaterThan(0);
    // The gateway closed the connection it had given up on.
    for (let i = 0; i < 250 && closedAt.length < taken.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closedAt.length).toBe(taken.length);
  });
});
