/**
 * The benchmark queries of `bench:gateways` (and `bench/gateway-cpu.ts`): a small query, one-province
 * DTI, 34-province DTI, and a mixed workload of distinct queries from a fixed seed.
 */
import { loadUnitCatalogue, REFERENCE_UNITS_URL, unitsInForce } from '../lib/units/index.ts';

/**
 * The DTI inputs of one unit-year as the assembly benchmarks ask for them (`bench`, `bench/ab.ts`,
 * `bench/profile.ts`); `src` is the provenance selection of each source.
 */
export function dtiYearFields(year: number, src = 'source { status asOf }'): string {
  return `year(year: ${year}) {
  documents { signedDigitallyRate sentElectronicallyRate workRecordsOnlineRate ${src} }
  publicServices { fullyOnlineProcedureRate onlineDossierRate onTimeRate digitisedDossierRate onlinePaymentRate ${src} }
  labour { trainedWorkforceRate digitalSkillsRate ${src} }
  plans { planCount }
  dti { methodology score completeness inputs { indicator { code } value status } }
}`;
}

export function queriesOf(mixedCount: number): { small: string; one: string; all: string; mixed: string[] } {
  // No fetchedAt anywhere: it is the time of the upstream call and differs between any two answers.
  const src = 'source { system status asOf recordRef }';
  const dti = (year: number): string => dtiYearFields(year, src);
  const small = `{ unit(code: "56") { name year(year: 2024) { documents { signedDigitallyRate source { status } } } } }`;
  const one = `{ unit(code: "56") { code ${dti(2025)} } }`;
  const all = `{ units { code ${dti(2025)} } }`;

  // Mixed: distinct queries over units (34 provinces today, 63 before the merger), years and
  // fields, from a fixed seed so every run (and every gateway) gets the same list.
  const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
  const today = unitsInForce(units, 'province', new Date().toISOString().slice(0, 10)).map((u) => ({ code: u.code, asOf: null }));
  const before = unitsInForce(units, 'province', '2024-12-31').map((u) => ({ code: u.code, asOf: '2024-12-31' }));
  const pool = [...today, ...before];
  let seed = 0x5eed;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const FIELD_GROUPS = [
    `documents { signedDigitallyRate sentElectronicallyRate ${src} }`,
    `documents { workRecordsOnlineRate months { month signedDigitallyRate } }`,
    `publicServices { onlineDossierRate onTimeRate ${src} }`,
    `publicServices { fullyOnlineProcedureRate digitisedDossierRate onlinePaymentRate }`,
    `labour { labourForce trainedWorkforceRate digitalSkillsRate ${src} }`,
    `plans { planCount }`,
    `dti { methodology score completeness }`,
    `dti { score mainIndicators { code value status } }`,
  ];
  const seen = new Set<string>();
  const mixed: string[] = [];
  while (mixed.length < mixedCount) {
    const u = pick(pool);
    const year = 2020 + Math.floor(rand() * 6);
    const groups = FIELD_GROUPS.filter(() => rand() < 0.35);
    if (groups.length === 0) continue;
    const q = `{ unit(code: "${u.code}"${u.asOf === null ? '' : `, asOf: "${u.asOf}"`}) { code name year(year: ${year}) { ${groups.join(' ')} } } }`;
    if (seen.has(q)) continue;
    seen.add(q);
    mixed.push(q);
  }
  return { small, one, all, mixed };
}
