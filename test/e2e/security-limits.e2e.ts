import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { z } from 'zod';
import { auditEventSchema, type AuditEvent } from '../../lib/access/index.ts';
import { createLogger } from '../../lib/logging/index.ts';
import { SUBGRAPHS, subgraphUrlVariable } from '../../lib/topology/index.ts';
import { documentIdOf, trustedDocument } from '../../lib/trusted-documents/index.ts';
import { loadConfig, startGateway, type RunningGateway } from '../../gateway/index.ts';
import { gql, gqlAt, rawRequest, token, tokenOf, type RawResponse } from './client.ts';
import { aliasBomb, costBomb, directiveBomb, nestingBomb, NORMAL_QUERY, tokenBomb, unitYearAliasBomb } from '../security/probes.ts';

// Issue #12, the hardening half: every probe of the issue that is not about identity, as a test
// that failed on commit b0b73a4. Refusals are checked for their code, and for their audit record.

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

function auditEvents(path: string = inject('auditLogPath')): AuditEvent[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => auditEventSchema.parse(JSON.parse(l)));
}

/** Sends a probe with a fresh request id, so its audit record can be found. */
async function probe(payload: Record<string, unknown>, gatewayUrl?: string, headers: Record<string, string> = {}): Promise<RawResponse & { requestId: string }> {
  const requestId = randomUUID();
  return { ...(await gqlAt(gatewayUrl, payload, { 'x-request-id': requestId, ...headers })), requestId };
}

function codeOf(r: RawResponse): unknown {
  return r.body?.errors?.[0]?.extensions?.['code'];
}

function expectOneRefusal(requestId: string, code: string, path?: string): void {
  const records = auditEvents(path).filter((e) => e.requestId === requestId && e.type === 'REFUSAL');
  expect(records.map((e) => (e.type === 'REFUSAL' ? e.code : null))).toEqual([code]);
  expect(JSON.stringify(records)).not.toMatch(/authorization|bearer/i);
}

/** A second gateway over the same subgraphs, in this process, with other settings. */
async function extraGateway(env: Record<string, string>): Promise<RunningGateway> {
  const urls = inject('subgraphUrls');
  const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), urls[s.name] ?? '']));
  return startGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...inject('gatewayEnv'), ...subgraphEnv, ...env }), createLogger({ level: 'error' }));
}

describe('query limits (development profile, the shared gateway)', () => {
  it.each([
    ['the 38-level predecessors/successors nest', () => nestingBomb(38), 'QUERY_TOO_DEEP', /query depth 40 exceeds the limit of 12 \(maxDepth/],
    ['the 34-level nest', () => nestingBomb(34), 'QUERY_TOO_DEEP', /query depth 36 exceeds the limit of 12/],
    ['500 aliases', () => aliasBomb(500), 'TOO_MANY_ALIASES', /number of aliases 500 exceeds the limit of 30 \(maxAliases/],
    ['5000 tokens', () => tokenBomb(5000), 'TOO_MANY_TOKENS', /number of tokens more than 4000 exceeds the limit of 4000 \(maxTokens/],
    ['60 directives', () => directiveBomb(60), 'TOO_MANY_DIRECTIVES', /number of directives 60 exceeds the limit of 30 \(maxDirectives/],
    ['a cost bomb within the other limits', () => costBomb(), 'QUERY_TOO_COSTLY', /estimated query cost \d+ exceeds the limit of 5000 \(maxCost/],
  ])('refuses %s with its code, the limit and the value, and audits it', async (_, query, code, message) => {
    const r = await probe({ query: query() });
    expect(codeOf(r)).toBe(code);
    expect(r.body?.errors?.[0]?.message).toMatch(message);
    expect(r.body?.data ?? null).toBeNull();
    expectOneRefusal(r.requestId, code);
  });

  it("refuses the issue's 500 unit-year aliases (25 KB) before running any of them", async () => {
    const r = await probe({ query: unitYearAliasBomb(500) });
    expect(['TOO_MANY_TOKENS', 'TOO_MANY_ALIASES']).toContain(codeOf(r));
    expect(r.body?.data ?? null).toBeNull();
  });

  it('answers a normal query sent while every bomb arrives at once', async () => {
    const bombs = [nestingBomb(38), nestingBomb(34), unitYearAliasBomb(500), aliasBomb(500), tokenBomb(5000), costBomb(), directiveBomb(60)];
    const [normal, ...refused] = await Promise.all([gql(NORMAL_QUERY), ...bombs.map((q) => probe({ query: q })), ...bombs.map((q) => probe({ query: q }))]);
    expect(normal?.errors).toBeUndefined();
    expect(JSON.stringify(normal?.data)).toContain('Khánh Hòa');
    for (const r of refused) expect(String(codeOf(r))).toMatch(/^(QUERY_TOO_DEEP|TOO_MANY_ALIASES|TOO_MANY_TOKENS|TOO_MANY_DIRECTIVES|QUERY_TOO_COSTLY)$/);
  });

  it('still answers a normal query after the bombs (nothing left computing)', async () => {
    const r = await gql(NORMAL_QUERY);
    expect(r.errors).toBeUndefined();
  });

  it('shows suggestions in development, where introspection is on', async () => {
    const r = await gql('{ unit(code: "56") { nam } }');
    expect(r.errors?.[0]?.message).toMatch(/Did you mean "name"/);
  });
});

describe('CSRF and CORS', () => {
  const importMutation = 'mutation { importPlan(unitCode: "72", text: "Số: 1/KH-UBND") { id } }';

  it('refuses a cross-site HTML form POST of importPlan (403, CSRF_REFUSED) and audits it', async () => {
    const requestId = randomUUID();
    const r = await rawRequest({
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'x-request-id': requestId },
      body: new URLSearchParams({ query: importMutation }).toString(),
    });
    expect(r.status).toBe(403);
    expect(codeOf(r)).toBe('CSRF_REFUSED');
    expectOneRefusal(requestId, 'CSRF_REFUSED');
  });

  it.each([
    ['text/plain', JSON.stringify({ query: importMutation })],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: importMutation })}\r\n--x--\r\n`],
  ])('refuses %s without the CSRF header (403)', async (contentType, body) => {
    const r = await rawRequest({ headers: { 'content-type': contentType, origin: 'https://evil.example' }, body });
    expect(r.status).toBe(403);
    expect(codeOf(r)).toBe('CSRF_REFUSED');
  });

  it('refuses a mutation over GET with 405, and audits it', async () => {
    const requestId = randomUUID();
    const r = await rawRequest({ method: 'GET', search: `?query=${encodeURIComponent(importMutation)}`, headers: { 'x-dti-csrf': '1', 'x-request-id': requestId } });
    expect(r.status).toBe(405);
    expectOneRefusal(requestId, 'METHOD_NOT_ALLOWED');
  });

  it('does not reflect https://evil.example in CORS headers, on a request or a preflight', async () => {
    const r = await rawRequest({ headers: { ...JSON_HEADERS, origin: 'https://evil.example' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await rawRequest({ method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('importPlan through the gateway', () => {
  const khanhHoa = readFileSync(new URL('../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8');

  it("refuses a Khánh Hòa plan filed under Tây Ninh, and audits the mutation's outcome", async () => {
    // An editor of today's 80, which took in Tây Ninh (72): allowed to file under 72, so the issuer check decides.
    const editor80 = await token({ sub: 'editor-80', roles: ['EDITOR'], units: ['80'], ttlS: 600 });
    const r = await probe({ query: 'mutation ($t: String!) { importPlan(unitCode: "72", text: $t) { id } }', variables: { t: khanhHoa } }, undefined, { authorization: `Bearer ${editor80}` });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body?.errors?.[0]?.message).toMatch(/issuer "UBND tỉnh Khánh Hòa" is not Tỉnh Tây Ninh/);
    const records = auditEvents().filter((e) => e.requestId === r.requestId);
    expect(records.map((e) => [e.type, e.outcome, e.unit, e.action])).toEqual([
      ['MUTATION', 'ATTEMPT', '72', 'importPlan'],
      ['MUTATION', 'ERROR', '72', 'importPlan'],
    ]);
  });

  it.each([
    ['a NUL', 'Kế hoạch\u0000', /control character NUL/],
    ['a lone surrogate', 'Kế hoạch \uD800', /lone surrogate/],
    ['1 MB', 'x'.repeat(1_048_576), /title is 1048576 characters long/],
  ])('refuses a title with %s (BAD_USER_INPUT)', async (_, title, message) => {
    const r = await gqlAt(
      undefined,
      { query: 'mutation ($t: String!, $title: String) { importPlan(unitCode: "56", text: $t, title: $title) { id } }', variables: { t: khanhHoa, title } },
      { authorization: `Bearer ${await tokenOf('editor-56')}` },
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body?.errors?.[0]?.message).toMatch(message);
  });
});

describe('production profile (a second gateway over the same subgraphs)', () => {
  let gw: RunningGateway;
  let url: string;
  const auditPath = `${inject('auditLogPath')}.production`;
  beforeAll(async () => {
    gw = await extraGateway({ DTI_PROFILE: 'production', DTI_AUDIT_LOG_PATH: auditPath, DTI_CORS_ORIGINS: 'https://dti.example' });
    url = `${gw.url}/graphql`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses an ad-hoc query (PERSISTED_QUERY_ONLY) and audits it', async () => {
    const r = await probe({ query: NORMAL_QUERY }, url);
    expect(codeOf(r)).toBe('PERSISTED_QUERY_ONLY');
    expectOneRefusal(r.requestId, 'PERSISTED_QUERY_ONLY', auditPath);
  });

  it('answers a registered document sent by documentId (the field the export route and CLIs send)', async () => {
    const r = await gqlAt(url, { documentId: trustedDocument('DtiExportUnitList').id, variables: { asOf: '2024-12-31' } });
    expect(r.body?.errors).toBeUndefined();
    expect(z.object({ units: z.array(z.object({ code: z.string() })) }).parse(r.body?.data).units).toHaveLength(63);
  });

  it("also reads APQ's extensions.persistedQuery.sha256Hash", async () => {
    const id = trustedDocument('DtiExportUnitList').id;
    const r = await gqlAt(url, { extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables: { asOf: '2026-01-01' } });
    expect(r.body?.errors).toBeUndefined();
    expect(z.object({ units: z.array(z.unknown()) }).parse(r.body?.data).units).toHaveLength(34);
  });

  it('refuses a documentId that is not in the manifest', async () => {
    const r = await probe({ documentId: documentIdOf(NORMAL_QUERY) }, url);
    expect(codeOf(r)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expectOneRefusal(r.requestId, 'PERSISTED_QUERY_NOT_FOUND', auditPath);
  });

  it('serves the export route: without a token it is refused for the token (401), not for its documents', async () => {
    // The export route's operations are registered; an authenticated export in production waits
    // for the e2e client's token helper (access control's part).
    const r = await fetch(`${gw.url}/exports/dti?unit=56&year=2024&format=json`);
    expect(r.status).toBe(401);
    expect(JSON.stringify(await r.json())).toContain('UNAUTHENTICATED');
  });

  it('has introspection off, with the refusal audited', async () => {
    // Introspection is refused at validation, so even a registered-id-less text would not reach it;
    // the development gateway is the one that would answer it. Here the manifest holds no
    // introspection document, so the production profile refuses it as ad-hoc text first.
    const r = await probe({ query: '{ __schema { types { name } } }' }, url);
    expect(r.body?.data ?? null).toBeNull();
    expect(codeOf(r)).toBe('PERSISTED_QUERY_ONLY');
  });

  it('allows the configured origin with credentials, and only it', async () => {
    const ok = await gqlAt(url, { documentId: trustedDocument('DtiExportUnitList').id, variables: { asOf: '2024-12-31' } }, { origin: 'https://dti.example' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://dti.example');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await gqlAt(url, { documentId: trustedDocument('DtiExportUnitList').id, variables: { asOf: '2024-12-31' } }, { origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection and suggestions off (DTI_INTROSPECTION=false, ad-hoc text allowed)', () => {
  let gw: RunningGateway;
  let url: string;
  const auditPath = `${inject('auditLogPath')}.nointrospection`;
  beforeAll(async () => {
    gw = await extraGateway({ DTI_INTROSPECTION: 'false', DTI_AUDIT_LOG_PATH: auditPath });
    url = `${gw.url}/graphql`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses introspection, and audits it', async () => {
    const r = await probe({ query: '{ __schema { types { name } } }' }, url);
    expect(r.body?.data ?? null).toBeNull();
    expect(r.body?.errors?.[0]?.message).toMatch(/introspection/i);
    expectOneRefusal(r.requestId, 'INTROSPECTION_DISABLED', auditPath);
  });

  it('hides "Did you mean" suggestions', async () => {
    const r = await gqlAt(url, { query: '{ unit(code: "56") { nam } }' });
    expect(r.body?.errors?.[0]?.message).toMatch(/Cannot query field "nam"/);
    expect(r.body?.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('rate limit (burst 3, then 1 per 100 s)', () => {
  let gw: RunningGateway;
  let url: string;
  const auditPath = `${inject('auditLogPath')}.ratelimit`;
  beforeAll(async () => {
    gw = await extraGateway({ DTI_RATE_LIMIT_BURST: '3', DTI_RATE_LIMIT_PER_SECOND: '0.01', DTI_AUDIT_LOG_PATH: auditPath });
    url = `${gw.url}/graphql`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers 429 with Retry-After past the burst, and audits it', async () => {
    for (let i = 0; i < 3; i++) expect((await gqlAt(url, { query: '{ __typename }' })).status).toBe(200);
    const r = await probe({ query: '{ __typename }' }, url);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(codeOf(r)).toBe('RATE_LIMITED');
    expectOneRefusal(r.requestId, 'RATE_LIMITED', auditPath);
    const exportAttempt = await fetch(`${gw.url}/exports/dti?unit=56&year=2024&format=json`);
    expect(exportAttempt.status).toBe(429);
  });
});

/** POSTs a GraphQL body to a gateway from a chosen loopback source address (127.0.0.2 is another client). */
async function postFrom(gatewayUrl: string, localAddress: string, payload: Record<string, unknown>, headers: Record<string, string>): Promise<{ status: number; retryAfter: string | undefined; body: unknown }> {
  const url = new URL(gatewayUrl);
  const data = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'content-length': Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('rate limit per identity (burst 2, then 1 per 100 s)', () => {
  let gw: RunningGateway;
  let url: string;
  const auditPath = `${inject('auditLogPath')}.ratelimit-identity`;
  beforeAll(async () => {
    gw = await extraGateway({ DTI_RATE_LIMIT_BURST: '2', DTI_RATE_LIMIT_PER_SECOND: '0.01', DTI_AUDIT_LOG_PATH: auditPath });
    url = `${gw.url}/graphql`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('two users from the same address have separate buckets; one user from two addresses shares one', async () => {
    const [a, b] = await Promise.all([token({ sub: 'rl-user-a', roles: ['VIEWER'], units: ['56'] }), token({ sub: 'rl-user-b', roles: ['VIEWER'], units: ['51'] })]);
    const q = { query: '{ __typename }' };
    for (let i = 0; i < 2; i++) expect((await postFrom(url, '127.0.0.1', q, { authorization: `Bearer ${a}` })).status).toBe(200);
    // Same address, another person: their own bucket.
    for (let i = 0; i < 2; i++) expect((await postFrom(url, '127.0.0.1', q, { authorization: `Bearer ${b}` })).status).toBe(200);
    // The first person again, from another address: the same bucket, now empty.
    const requestId = randomUUID();
    const limited = await postFrom(url, '127.0.0.2', q, { authorization: `Bearer ${a}`, 'x-request-id': requestId });
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(limited.body)).toContain('RATE_LIMITED');
    expectOneRefusal(requestId, 'RATE_LIMITED', auditPath);
    const record = auditEvents(auditPath).find((e) => e.requestId === requestId);
    expect(record?.actor).toEqual({ subject: 'rl-user-a', roles: ['VIEWER'] });
    // Anonymous requests count against their address, not against the people who used it.
    expect((await postFrom(url, '127.0.0.1', q, {})).status).toBe(200);
    expect((await postFrom(url, '127.0.0.2', q, {})).status).toBe(200);
    // The export route keys by the same subject.
    const exportAttempt = await fetch(`${gw.url}/exports/dti?unit=56&year=2024&format=json`, { headers: { authorization: `Bearer ${a}` } });
    expect(exportAttempt.status).toBe(429);
  });

  it('an invalid token is refused as such (401), not charged to anyone', async () => {
    const r = await postFrom(url, '127.0.0.3', { query: '{ __typename }' }, { authorization: 'Bearer a.b.c' });
    expect([400, 401]).toContain(r.status);
  });
});

describe('audit fails closed', () => {
  let gw: RunningGateway;
  let url: string;
  beforeAll(async () => {
    // A path under a regular file: every append fails.
    gw = await extraGateway({ DTI_AUDIT_LOG_PATH: '/dev/null/audit/audit.jsonl' });
    url = `${gw.url}/graphql`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses a mutation whose audit record cannot be written (INTERNAL_SERVER_ERROR), storing nothing', async () => {
    const text = readFileSync(new URL('../../data/seeds/000_2974e3fbecc444fa.txt', import.meta.url), 'utf8').replaceAll('4949/KH-UBND', '8817/KH-UBND');
    const r = await gqlAt(url, { query: 'mutation ($t: String!) { importPlan(unitCode: "56", text: $t) { id } }', variables: { t: text } });
    expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
    expect(r.body?.errors?.[0]?.message).toMatch(/audit record could not be written/);
    const plans = await gqlAt(url, { query: '{ unit(code: "56", asOf: "2024-12-31") { plans { symbol } } }' });
    expect(JSON.stringify(plans.body?.data)).not.toContain('8817/KH-UBND');
  });

  it('refuses an export whose audit record cannot be written (500)', async () => {
    const r = await fetch(`${gw.url}/exports/dti?unit=56&year=2024&format=json`);
    expect(r.status).toBe(500);
  });

  it('still refuses a bomb when its refusal cannot be audited', async () => {
    const r = await gqlAt(url, { query: nestingBomb(38) });
    expect(codeOf(r)).toBe('QUERY_TOO_DEEP');
  });
});
