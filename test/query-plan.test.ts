import { describe, expect, it } from 'vitest';
import { dtiYearFields } from '../bench/gateway-queries.ts';
import { upstreamWaves } from '../bench/upstream-waves.ts';

// Issue #9 goal 2: no upstream call before the sources. The units, unit-year keys and record scopes
// come from dti (no upstream), so the plan registry is one more source in the parallel wave; checked
// on the committed supergraph with the gateway's own planner.
describe('the DTI query plan', () => {
  it.each([
    ['one province', `{ unit(code: "56") { code ${dtiYearFields(2025)} } }`],
    ['34 provinces', `{ units { code ${dtiYearFields(2025)} } }`],
  ])('%s: one upstream latency on the critical path, plans beside the other sources', (_, query) => {
    const { waves, plan } = upstreamWaves(query);
    expect(waves).toBe(1);
    expect(plan).toMatch(/^dti → \((?=.*plans)(?=.*documents)(?=.*services)(?=.*labour)[^)]*\) → dti$/);
  });
});
