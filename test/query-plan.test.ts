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

// Plan targets: plans gives the targets with their unit-years' keys in its first fetch, dti answers the
// unit-years and record scopes from those keys (no upstream), the sources answer, plans compares. As on
// main (plans → sources → plans), three upstream latencies: no plans fetch of its own only to name the
// unit-years (that made four).
describe('the plan-target query plans', () => {
  const FIGURE = 'source { system asOf }';
  it.each([
    ['actual', `{ unit(code: "51") { plans { symbol targets { text actual(year: 2024) { value met ${FIGURE} } } } } }`],
    ['actual with its unit-year', `{ unit(code: "51") { plans { targets { actual(year: 2024) { value unitYear { year documents { signedDigitallyRate } } } } } } }`],
    ['trajectory', `{ unit(code: "51") { plans { targets { trajectory { verdict shortfall points { year value } } } } } }`],
    ['targetsAtRisk', `{ unit(code: "56") { targetsAtRisk(year: 2025) { targets { verdict shortfall points { year value } } } } }`],
  ])('%s: three upstream latencies, plans once before the sources', (_, query) => {
    const { waves, plan } = upstreamWaves(query);
    expect(waves).toBe(3);
    expect(plan).toMatch(/^dti → plans → (dti → )+\((?=.*documents)(?=.*services)(?=.*labour)[^)]*\) → plans$/);
  });
});
