/**
 * The fault-and-soak checks, independent of how the system was started: `scripts/soak.ts` runs
 * them against a system it launches, the end-to-end test against the shared test system. Every
 * response is checked: well-formed GraphQL, HTTP 200, exactly the faulted system's parts null with
 * a typed error naming it, nothing else lost.
 */

/** The four upstream systems and the UnitYear field each one answers. */
export const SYSTEM_FIELDS = { plans: 'plans', documents: 'documents', services: 'publicServices', labour: 'labour' } as const;
export type SoakSystem = keyof typeof SYSTEM_FIELDS;
export const SOAK_SYSTEMS = Object.keys(SYSTEM_FIELDS) as SoakSystem[];

export type FaultName = 'down' | 'slow' | '5xx' | 'malformed' | 'reset' | 'drip';
export const FAULTS: readonly FaultName[] = ['down', 'slow', '5xx', 'malformed', 'reset', 'drip'];

/** The simulator fault body for a named fault, given the gateway's deadline. */
export function faultBody(fault: FaultName, deadlineMs: number): Record<string, unknown> {
  switch (fault) {
    case 'down':
      return { down: true };
    case 'slow':
      return { latencyMs: deadlineMs + 2000 };
    case '5xx':
      return { errorRate: 1 };
    case 'malformed':
      return { malformed: true };
    case 'reset':
      return { reset: true };
    case 'drip':
      return { dripMs: deadlineMs + 2000 };
  }
}

/** Codes a failed system's part may carry. */
export const TYPED_UPSTREAM_CODES: ReadonlySet<string> = new Set([
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_HTTP_ERROR',
  'CIRCUIT_OPEN',
  'UPSTREAM_OVERLOADED',
]);

const FIELD_SELECTIONS: Record<SoakSystem, string> = {
  plans: 'plans { planCount source { status } }',
  documents: 'documents { signedDigitallyRate source { status } }',
  services: 'publicServices { onlineDossierRate source { status } }',
  labour: 'labour { digitalSkillsRate source { status } }',
};

/** One mixed query: a unit, a year, and a subset of the systems (at least two). */
export interface SoakQuery {
  readonly query: string;
  readonly systems: readonly SoakSystem[];
}

/** A deterministic mix: unit codes × years × system subsets, so queries differ from each other. */
export function mixedQueries(codes: readonly string[], count: number): SoakQuery[] {
  const subsets: SoakSystem[][] = [
    [...SOAK_SYSTEMS],
    ['documents', 'services'],
    ['labour', 'plans'],
    ['documents', 'labour', 'plans'],
    ['services', 'plans', 'documents'],
  ];
  const years = [2022, 2023, 2024];
  return Array.from({ length: count }, (_, i) => {
    const code = codes[i % codes.length] ?? '56';
    const year = years[Math.floor(i / codes.length) % years.length] ?? 2024;
    const systems = subsets[i % subsets.length] ?? [...SOAK_SYSTEMS];
    const fields = systems.map((s) => FIELD_SELECTIONS[s]).join(' ');
    // Named by shape, as a real client names its operations (a handful of names, many texts): the
    // gateway labels its metrics by operation name, and past MAX_OPERATION_LABELS names every new one
    // counts as "(other)", which would hide the names the e2e metrics test looks for.
    const name = `Soak_${systems.map((s) => s[0]).join('')}`;
    return { query: `query ${name} { unit(code: "${code}") { code name year(year: ${year}) { ${fields} } } }`, systems };
  });
}

/** What a request function returns: HTTP status and the parsed body (or the reason it was not JSON). */
export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One response judged. */
export interface Verdict {
  /** Not GraphQL, not 200, or no unit at all: the whole request failed. */
  readonly wholeRequestFailure: boolean;
  /** What was wrong, empty when the response is as expected. */
  readonly problems: readonly string[];
  readonly codes: readonly string[];
}

/** Judges one answer to `q` while `faulted` (or nothing) is broken. */
export function judge(answer: RawAnswer, q: SoakQuery, faulted: SoakSystem | null): Verdict {
  const problems: string[] = [];
  const body = answer.body;
  if (!isRecord(body) || !('data' in body || 'errors' in body)) {
    return { wholeRequestFailure: true, problems: [`not a GraphQL response (HTTP ${answer.status})`], codes: [] };
  }
  const errors = Array.isArray(body['errors']) ? body['errors'].filter(isRecord) : [];
  const codes = errors.map((e) => (isRecord(e['extensions']) && typeof e['extensions']['code'] === 'string' ? e['extensions']['code'] : 'NO_CODE'));
  const unit = isRecord(body['data']) ? body['data']['unit'] : undefined;
  if (answer.status !== 200 || !isRecord(unit)) {
    return { wholeRequestFailure: true, problems: [`whole request failed: HTTP ${answer.status}, codes ${codes.join(',') || 'none'}`], codes };
  }
  const year = unit['year'];
  if (!isRecord(year)) return { wholeRequestFailure: false, problems: ['unit.year is null'], codes };
  for (const s of q.systems) {
    const part = year[SYSTEM_FIELDS[s]];
    if (s === faulted) {
      if (part !== null) {
        // A fault may miss a request that the breaker or a retry answered in time: only a value with OK is suspicious.
        problems.push(`${s}: expected null under its fault, got a value`);
        continue;
      }
      const named = errors.find((e) => isRecord(e['extensions']) && e['extensions']['system'] === s);
      if (named === undefined) problems.push(`${s}: null without an error naming the system`);
      else {
        const code = isRecord(named['extensions']) ? String(named['extensions']['code']) : '';
        if (!TYPED_UPSTREAM_CODES.has(code)) problems.push(`${s}: untyped code ${code}`);
        if (typeof named['message'] === 'string' && /https?:\/\/|\d+\.\d+\.\d+\.\d+:\d+/.test(named['message'])) problems.push(`${s}: message leaks an internal address`);
      }
    } else {
      const status = isRecord(part) && isRecord(part['source']) ? part['source']['status'] : undefined;
      if (!isRecord(part)) problems.push(`${s}: lost (null) although not faulted`);
      else if (status === 'SOURCE_UNAVAILABLE') problems.push(`${s}: SOURCE_UNAVAILABLE although not faulted`);
    }
  }
  for (const e of errors) {
    const system = isRecord(e['extensions']) ? e['extensions']['system'] : undefined;
    if (system !== faulted) problems.push(`an error not from the faulted system: ${String(system)} ${String(isRecord(e['extensions']) ? e['extensions']['code'] : '')}`);
  }
  return { wholeRequestFailure: false, problems, codes };
}

/** Runs `queries` with `concurrency` in flight; returns verdicts and latencies (ms). */
export async function runLoad(
  send: (query: string) => Promise<RawAnswer>,
  queries: readonly SoakQuery[],
  faulted: SoakSystem | null,
  concurrency: number,
): Promise<{ verdicts: Verdict[]; latencies: number[] }> {
  const verdicts: Verdict[] = [];
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const q = queries[i];
      if (q === undefined) return;
      const t0 = performance.now();
      let answer: RawAnswer;
      try {
        answer = await send(q.query);
      } catch (e: unknown) {
        answer = { status: 0, body: String(e) };
      }
      latencies.push(performance.now() - t0);
      verdicts.push(judge(answer, q, faulted));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return { verdicts, latencies };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Polls with a full query until it answers with nothing faulted-looking; the time it took, or null past `limitMs`. */
export async function timeToHealthy(send: (query: string) => Promise<RawAnswer>, code: string, limitMs: number): Promise<number | null> {
  const [probe] = mixedQueries([code], 1);
  if (probe === undefined) return null;
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    try {
      const v = judge(await send(probe.query), probe, null);
      if (!v.wholeRequestFailure && v.problems.length === 0) return performance.now() - t0;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** One cell of the fault matrix. */
export interface CellResult {
  readonly system: SoakSystem;
  readonly fault: FaultName;
  readonly requests: number;
  readonly wholeRequestFailures: number;
  readonly problems: readonly string[];
  readonly p99Ms: number;
  readonly recoveryMs: number | null;
}

export interface MatrixDeps {
  readonly send: (query: string) => Promise<RawAnswer>;
  readonly setFault: (system: SoakSystem, body: Record<string, unknown>) => Promise<void>;
  readonly clearFault: (system: SoakSystem) => Promise<void>;
  readonly codes: readonly string[];
  readonly deadlineMs: number;
  /** Requests per cell. @default 50 */
  readonly requests?: number;
  readonly concurrency?: number;
  /** Longest acceptable time to healthy after the fault clears. */
  readonly recoveryLimitMs: number;
}

/** Runs one cell: fault on, mixed load, fault off, time to healthy. */
export async function runCell(deps: MatrixDeps, system: SoakSystem, fault: FaultName, offset: number): Promise<CellResult> {
  const requests = deps.requests ?? 50;
  const queries = mixedQueries(deps.codes, requests + offset).slice(offset);
  await deps.setFault(system, faultBody(fault, deps.deadlineMs));
  let result: { verdicts: Verdict[]; latencies: number[] };
  try {
    result = await runLoad(deps.send, queries, system, deps.concurrency ?? 50);
  } finally {
    await deps.clearFault(system);
  }
  const recoveryMs = await timeToHealthy(deps.send, deps.codes[0] ?? '56', deps.recoveryLimitMs);
  const problems = [...new Set(result.verdicts.flatMap((v) => v.problems))];
  if (recoveryMs === null) problems.push(`not healthy within ${deps.recoveryLimitMs} ms after the fault cleared`);
  return {
    system,
    fault,
    requests: result.verdicts.length,
    wholeRequestFailures: result.verdicts.filter((v) => v.wholeRequestFailure).length,
    problems,
    p99Ms: percentile(result.latencies, 99),
    recoveryMs,
  };
}

/** The fault matrix as a text table: fault rows, system columns. */
export function formatMatrix(cells: readonly CellResult[], deadlineMs: number): string {
  const head = `| fault \\ system | ${SOAK_SYSTEMS.join(' | ')} |`;
  const rule = `|---|${SOAK_SYSTEMS.map(() => '---').join('|')}|`;
  const rows = FAULTS.map((f) => {
    const cols = SOAK_SYSTEMS.map((s) => {
      const c = cells.find((x) => x.system === s && x.fault === f);
      if (c === undefined) return '–';
      const ok = c.problems.length === 0 && c.wholeRequestFailures === 0;
      return `${ok ? 'ok' : 'FAIL'} p99 ${Math.round(c.p99Ms)} ms, healthy ${c.recoveryMs === null ? 'never' : `${Math.round(c.recoveryMs)} ms`}`;
    });
    return `| ${f} | ${cols.join(' | ')} |`;
  });
  const total = cells.reduce((n, c) => n + c.requests, 0);
  const whole = cells.reduce((n, c) => n + c.wholeRequestFailures, 0);
  const worstP99 = Math.max(0, ...cells.map((c) => c.p99Ms));
  return [
    head,
    rule,
    ...rows,
    '',
    `requests ${total}; whole-request failures ${whole} (${total === 0 ? 0 : ((100 * whole) / total).toFixed(2)}%); worst p99 ${Math.round(worstP99)} ms against a ${deadlineMs} ms deadline`,
  ].join('\n');
}
