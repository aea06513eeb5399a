import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../lib/errors/index.ts';
import { loadUnitCatalogue, REFERENCE_UNITS_URL } from '../../../lib/units/index.ts';
import { prepareImport } from './import.ts';

const units = loadUnitCatalogue(REFERENCE_UNITS_URL);
const seed = readFileSync(new URL('../../../data/seeds/001_b31da89777f99463.txt', import.meta.url), 'utf8');

describe('prepareImport', () => {
  it('parses a real plan and files it under the unit in force on its issue date', () => {
    const ready = prepareImport(seed, '51', units);
    expect(ready.plan.symbol).toBe('119/KH-UBND');
    expect(ready.unit.id).toBe('51@origin');
    expect(ready.plan.targets.length).toBeGreaterThan(10);
  });

  it('rejects a text that is not a plan, listing every failure', () => {
    const err = (() => {
      try {
        prepareImport('Thông báo lịch họp tuần sau.', '51', units);
      } catch (e: unknown) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(BadUserInputError);
    expect((err as Error).message).toMatch(/no document symbol found/);
    expect((err as Error).message).toMatch(/no issue date found/);
  });

  it('rejects a unit code not in force on the issue date', () => {
    expect(() => prepareImport(seed, '99', units)).toThrow(/unit code "99" names no unit in force on 2020-10-09/);
  });
});
