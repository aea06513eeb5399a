import { describe, expect, it } from 'vitest';
import { gql } from './client.ts';

// Units whose start the reference does not give must not answer for any date: before the first
// day records are held for, the API refuses instead of projecting today's units backwards.
describe('time has a beginning', () => {
  it.each([
    ['units', `{ units(level: PROVINCE, asOf: "1900-01-01") { code } }`],
    ['unit', `{ unit(code: "56", asOf: "1900-01-01") { code } }`],
    ['the day before', `{ units(level: PROVINCE, asOf: "2019-12-31") { code } }`],
  ])('%s before the first data year is BAD_USER_INPUT saying so', async (_, query) => {
    const res = await gql(query);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/outside the data: before 2020-01-01, the first date records are held for; .*start unknown/);
  });

  it('answers from the first day on, telling units of unknown start', async () => {
    const res = await gql(`{ dataYears { first } units(level: PROVINCE, asOf: "2020-01-01") { code validFrom startKnown } }`);
    expect(res.errors).toBeUndefined();
    const data = res.data as { dataYears: { first: number }; units: Array<{ validFrom: string | null; startKnown: boolean }> };
    expect(data.dataYears.first).toBe(2020);
    expect(data.units).toHaveLength(63);
    expect(data.units.every((u) => u.validFrom === null && !u.startKnown)).toBe(true);
    const today = await gql(`{ units(level: PROVINCE) { code startKnown } }`);
    expect((today.data as { units: unknown[] }).units).toHaveLength(34);
  });
});
