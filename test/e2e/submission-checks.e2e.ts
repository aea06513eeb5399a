import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../lib/logging/index.ts';
import { freePortRun } from '../../lib/testing/ports.ts';
import { SUBGRAPHS, subgraphUrlVariable } from '../../lib/topology/index.ts';
import { loadConfig, startGateway } from '../../gateway/index.ts';
import { at, gqlAs, gqlAt, token } from './client.ts';

// Hà Nội, DTI 2022 (922/QĐ-BTTTT), 922-M-7 (fed by the document and public-service systems): no other
// test writes entries there. Everything goes through the gateway as an editor of 01.
const UNIT = '01@origin';
const YEAR = 2022;
const CODE = '922-M-7';

const CHECKS = /* GraphQL */ `
  query ($id: ID!, $year: Int!) { unitById(id: $id) { year(year: $year) {
    systemFigures { indicatorCode value systems system status asOf }
    submissionChecks { entry { id version indicator { code } } systemValue system systemStatus warnings { code message messageEn } acknowledged checkToken }
  } } }
`;
const SAVE = /* GraphQL */ `
  mutation ($input: SaveEntryInput!) { saveEntry(input: $input) { entry { id version warningCodes acknowledgedWarnings } warnings { code } userErrors { code message } } }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($ids: [ID!]!, $checks: [String!]) { submitEntries(ids: $ids, checks: $checks) { entries { id status version history { action after } } userErrors { field code message messageEn } } }
`;

const checkSchema = z.object({
  entry: z.object({ id: z.string(), version: z.number(), indicator: z.object({ code: z.string() }) }),
  systemValue: z.number().nullable(),
  system: z.string().nullable(),
  systemStatus: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
  acknowledged: z.boolean(),
  checkToken: z.string(),
});
const figureSchema = z.object({ indicatorCode: z.string(), value: z.number().nullable(), systems: z.array(z.string()), system: z.string(), status: z.string(), asOf: z.string().nullable() });
const codes = (r: { data?: unknown }): unknown[] => z.array(z.object({ code: z.string() })).parse(at(r.data, 'submitEntries', 'userErrors')).map((u) => u.code);

describe('issue #13: SYSTEM_MISMATCH before submission, enforced by the store', () => {
  it("a manual value off the systems' figure: checks show both, submitting needs the current token and the warning acknowledged", async () => {
    const editor = { token: await token({ sub: 'editor-check-e2e', roles: ['EDITOR'], units: ['01'], ttlS: 3600 }) };
    const read = async () => {
      const r = await gqlAs(editor, CHECKS, { id: UNIT, year: YEAR });
      expect(r.errors).toBeUndefined();
      const figures = z.array(figureSchema).parse(at(r.data, 'unitById', 'year', 'systemFigures'));
      const checks = z.array(checkSchema).parse(at(r.data, 'unitById', 'year', 'submissionChecks'));
      return { figures, check: checks.find((c) => c.entry.indicator.code === CODE) };
    };

    const { figures } = await read();
    const figure = figures.find((f) => f.indicatorCode === CODE);
    // A list of SourceSystem values; the deprecated comma-joined field still answers the same.
    expect(figure).toMatchObject({ systems: ['DOCUMENTS', 'SERVICES'], system: 'DOCUMENTS, SERVICES' });
    const systemValue = figure?.value ?? null;
    if (systemValue === null) throw new Error(`no system figure for ${CODE} in ${YEAR}: ${JSON.stringify(figure)}`);
    const manual = systemValue > 0.5 ? 0.1 : 0.9;

    // 1. Save a value far from the systems' figure: the check shows both values and SYSTEM_MISMATCH.
    const saved = await gqlAs(editor, SAVE, { input: { unitId: UNIT, year: YEAR, indicatorCode: CODE, value: manual, evidence: [{ documentSymbol: '77/BC-UBND', documentDate: '2022-12-20' }] } });
    expect(saved.errors).toBeUndefined();
    const id = z.string().parse(at(saved.data, 'saveEntry', 'entry', 'id'));
    const first = (await read()).check;
    expect(first).toMatchObject({ entry: { id, version: 1 }, systemValue, system: 'DOCUMENTS, SERVICES', systemStatus: figure?.status, acknowledged: false });
    expect(first?.warnings.map((w) => w.code)).toEqual(['SYSTEM_MISMATCH']);
    expect(first?.warnings[0]?.message).toContain(String(manual));
    expect(first?.warnings[0]?.message).toContain(String(Number(systemValue.toFixed(4))));
    expect(first?.warnings[0]?.messageEn).toMatch(/DOCUMENTS, SERVICES/);

    // 2. Submitting without a token is refused; 3. with the token but unacknowledged, too; a forged token is refused.
    const bare = await gqlAs(editor, SUBMIT, { ids: [id] });
    expect(bare.errors).toBeUndefined();
    expect(codes(bare)).toEqual(['CHECK_REQUIRED']);
    expect(JSON.stringify(at(bare.data, 'submitEntries', 'userErrors'))).toMatch(/submissionChecks/);
    const token1 = first?.checkToken ?? '';
    expect(codes(await gqlAs(editor, SUBMIT, { ids: [id], checks: [token1] }))).toEqual(['WARNING_NOT_ACKNOWLEDGED']);
    const [body] = token1.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')), warnings: [] })).toString('base64url');
    expect(codes(await gqlAs(editor, SUBMIT, { ids: [id], checks: [`${forgedBody}.${token1.split('.')[1] ?? ''}`] }))).toEqual(['CHECK_INVALID', 'CHECK_REQUIRED']);

    // 4. Acknowledge with a justification (a new version); 5. the old token is stale.
    const ack = await gqlAs(editor, SAVE, {
      input: { unitId: UNIT, year: YEAR, indicatorCode: CODE, value: manual, expectedVersion: 1, acknowledgedWarnings: ['SYSTEM_MISMATCH'], justification: 'Hệ thống chưa tính văn bản của cấp xã.', evidence: [{ documentSymbol: '77/BC-UBND', documentDate: '2022-12-20' }] },
    });
    expect(at(ack.data, 'saveEntry', 'entry', 'version')).toBe(2);
    expect(codes(await gqlAs(editor, SUBMIT, { ids: [id], checks: [token1] }))).toEqual(['CHECK_STALE']);

    // 6. A fresh token is accepted; the audit row of the submission keeps the systems' figure seen.
    const second = (await read()).check;
    expect(second).toMatchObject({ entry: { version: 2 }, acknowledged: true });
    const ok = await gqlAs(editor, SUBMIT, { ids: [id], checks: [second?.checkToken ?? ''] });
    expect(ok.errors).toBeUndefined();
    expect(codes(ok)).toEqual([]);
    expect(at(ok.data, 'submitEntries', 'entries', 0, 'status')).toBe('SUBMITTED');
    const history = z.array(z.object({ action: z.string(), after: z.string() })).parse(at(ok.data, 'submitEntries', 'entries', 0, 'history'));
    expect(JSON.parse(history.at(-1)?.after ?? '{}')).toMatchObject({ systemCheck: { value: systemValue, system: 'DOCUMENTS, SERVICES', warnings: ['SYSTEM_MISMATCH'] } });
    // Submitted entries leave the checks.
    expect((await read()).check).toBeUndefined();
  });

  it('a caller of another unit is refused the checks (FORBIDDEN), as for the unit-year itself', async () => {
    const other = await gqlAs('viewer-51', CHECKS, { id: UNIT, year: YEAR });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  // dti owns the units and unit-years (reference data) as well as the scoring, so with its process down no
  // unit-year answers at all; what can fail alone is the scoring fetch (the @requires wave that computes
  // systemFigures). A proxy in front of dti refuses that fetch, 502 as a failing process would, and passes the rest.
  it('dti\'s figures not there: the check says the figure is unavailable (SYSTEM_FIGURE_UNAVAILABLE, to acknowledge), never a value, and the checks still answer', async () => {
    const editor = { token: await token({ sub: 'editor-check-e2e', roles: ['EDITOR'], units: ['01'], ttlS: 3600 }) };
    const saved = await gqlAs(editor, SAVE, { input: { unitId: UNIT, year: YEAR, indicatorCode: '922-M-9', value: 0.5, evidence: [{ note: 'Khảo sát kỹ năng số' }] } });
    const id = z.string().parse(at(saved.data, 'saveEntry', 'entry', 'id'));
    const urls = inject('subgraphUrls');
    const dti = urls['dti'] ?? '';
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.toString('utf8').includes('systemFigures')) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
          return;
        }
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length').map(([k, v]) => [k, String(v)]));
        void fetch(new URL(req.url ?? '/', dti), { method: req.method ?? 'POST', headers, body })
          .then(async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await r.arrayBuffer())))
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), s.name === 'dti' ? `http://127.0.0.1:${port}` : (urls[s.name] ?? '')]));
    const gateway = await startGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...inject('gatewayEnv'), ...subgraphEnv }), createLogger({ level: 'error' }));
    try {
      const r = await gqlAt(`${gateway.url}/graphql`, { query: CHECKS, variables: { id: UNIT, year: YEAR } }, { authorization: `Bearer ${editor.token}`, 'cache-control': 'no-cache' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const checks = z.array(checkSchema).parse(at(r.body?.data, 'unitById', 'year', 'submissionChecks'));
      const check = checks.find((c) => c.entry.id === id);
      expect(check).toMatchObject({ systemValue: null, system: 'LABOUR', systemStatus: 'SOURCE_UNAVAILABLE', acknowledged: false });
      expect(check?.warnings.map((w) => w.code)).toEqual(['SYSTEM_FIGURE_UNAVAILABLE']);
      expect(JSON.stringify(r.body?.errors ?? [])).toMatch(/dti/i);
      expect(codes(await gqlAs(editor, SUBMIT, { ids: [id], checks: [check?.checkToken ?? ''] }))).toEqual(['WARNING_NOT_ACKNOWLEDGED']);
    } finally {
      await gateway.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('dti not there at all: no unit-year answers (units are dti\'s reference data); the error names dti, SUBGRAPH_UNAVAILABLE', async () => {
    const editor = { token: await token({ sub: 'editor-check-e2e', roles: ['EDITOR'], units: ['01'], ttlS: 3600 }) };
    const urls = inject('subgraphUrls');
    const dead = await freePortRun(1);
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), s.name === 'dti' ? `http://127.0.0.1:${dead}` : (urls[s.name] ?? '')]));
    const gateway = await startGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...inject('gatewayEnv'), ...subgraphEnv }), createLogger({ level: 'error' }));
    try {
      const r = await gqlAt(`${gateway.url}/graphql`, { query: CHECKS, variables: { id: UNIT, year: YEAR } }, { authorization: `Bearer ${editor.token}`, 'cache-control': 'no-cache' });
      // Nothing answers, so the gateway says so with its status (as for any query whose every part failed).
      expect(r.body?.data ?? null).toBeNull();
      expect(r.body?.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['system']])).toEqual([['SUBGRAPH_UNAVAILABLE', 'dti']]);
    } finally {
      await gateway.close();
    }
  });
});
