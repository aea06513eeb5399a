import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FAULTS, formatMatrix, runCell, SOAK_SYSTEMS, type CellResult, type RawAnswer } from '../../scripts/soak/matrix.ts';
import { gql, sim } from './client.ts';

// The CI form of the fault-and-soak suite: every system × every fault under concurrent mixed queries.
// `npm run soak -- --short` runs the same cells at 50 concurrent on a system of its own; here 10 at
// once, because CI shares two cores with the rest of the test run and a starved CPU, not the fault,
// would then decide who misses the deadline.
const DEADLINE_MS = 8000;
const RECOVERY_LIMIT_MS = 10_000;

const send = async (query: string): Promise<RawAnswer> => {
  const res = await gql(query);
  return { status: res.status, body: { data: res.data, errors: res.errors } };
};

let codes: string[] = [];
const cells: CellResult[] = [];

describe('issue #7 - fault matrix under concurrent mixed load', () => {
  afterAll(() => {
    if (cells.length > 0) process.stdout.write(`\n${formatMatrix(cells, DEADLINE_MS)}\n`);
  });

  it('lists the provinces to query', async () => {
    const res = await gql('{ units(level: PROVINCE) { code } }');
    codes = z.object({ units: z.array(z.object({ code: z.string() })) }).parse(res.data).units.map((u) => u.code);
    expect(codes.length).toBe(34);
  });

  const grid = FAULTS.flatMap((fault) => SOAK_SYSTEMS.map((system) => [system, fault] as const));
  it.each(grid)('%s × %s: well-formed, only its part null with a typed error, nothing else lost, healthy after', async (system, fault) => {
    const cell = await runCell(
      {
        send,
        setFault: (s, body) => sim.faults(s, body),
        clearFault: (s) => sim.clearFaults(s),
        codes,
        deadlineMs: DEADLINE_MS,
        recoveryLimitMs: RECOVERY_LIMIT_MS,
        requests: 20,
        concurrency: 10,
      },
      system,
      fault,
      cells.length * 20,
    );
    cells.push(cell);
    expect(cell.wholeRequestFailures, cell.problems.join('; ')).toBe(0);
    expect(cell.problems).toEqual([]);
    expect(cell.recoveryMs).not.toBeNull();
  }, 120_000);
});
