import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLogger } from '../../lib/logging/index.ts';
import { freePortRun } from '../../lib/testing/ports.ts';
import { SUBGRAPHS, subgraphUrlVariable } from '../../lib/topology/index.ts';
import { loadConfig, startGateway, type RunningGateway } from '../../gateway/index.ts';
import { gqlAt, tokenOf } from './client.ts';

// Issue #13 ("the store down") and #7 (a failing part is null with a typed error, the rest
// answers) for the harder case: the submissions PROCESS is gone, so the gateway's fetch is refused
// at connect, not answered with a typed error by a live subgraph. A second gateway in this process
// points the submissions subgraph at a port nobody listens on.

const QUERY = /* GraphQL */ `
  { unit(code: "01") { name year(year: 2023) { dti {
      completeness
      mainIndicators { code status basis }
      inputs { indicator { code } status source { system status } }
  } } } }
`;

interface Main { code: string; status: string; basis: string }

describe('a subgraph process that is not there', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const urls = inject('subgraphUrls');
    const dead = await freePortRun(1); // free now, and nobody will listen on it
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), s.name === 'submissions' ? `http://127.0.0.1:${dead}` : (urls[s.name] ?? '')]));
    gateway = await startGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...inject('gatewayEnv'), ...subgraphEnv }), createLogger({ level: 'error' }));
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('submissions unreachable: the assessment still answers from the four systems, manual items SOURCE_UNAVAILABLE, one error naming submissions', async () => {
    const r = await gqlAt(`${gateway.url}/graphql`, { query: QUERY }, { authorization: `Bearer ${await tokenOf('admin')}`, 'cache-control': 'no-cache' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const dti = (r.body?.data as { unit: { name: string; year: { dti: { completeness: number; mainIndicators: Main[]; inputs: { status: string; source: { system: string } | null }[] } } | null } } | undefined)?.unit;
    expect(dti?.name).toBe('Thành phố Hà Nội');
    const assessment = dti?.year?.dti;
    expect(assessment, JSON.stringify(r.body?.errors)).toBeTruthy();
    // The systems' inputs are all there...
    expect(assessment?.inputs.filter((i) => i.status === 'OK').length).toBeGreaterThan(0);
    // ...the main indicators the systems feed keep their values...
    expect(assessment?.mainIndicators.filter((m) => m.status === 'OK').length).toBeGreaterThan(0);
    // ...and the ones only a person can enter say the store could not be read, not "not collected".
    const byHand = assessment?.mainIndicators.filter((m) => m.basis === 'NONE') ?? [];
    expect(byHand.length, JSON.stringify(assessment?.mainIndicators)).toBeGreaterThan(0);
    for (const m of byHand) expect(m.status).toBe('SOURCE_UNAVAILABLE');
    // ...and the error names the system, without internal addresses.
    const systems = (r.body?.errors ?? []).map((e) => e.extensions?.['system']);
    expect(systems).toContain('submissions');
    expect(JSON.stringify(r.body?.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
